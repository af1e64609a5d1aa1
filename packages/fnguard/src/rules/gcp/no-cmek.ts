import { fnKey, fnLabel, gcpFunctions, gcpRule } from './util.js';

export default gcpRule(
  {
    id: 'GCP_FUNCTION_NO_CMEK',
    title: 'Cloud Function is not encrypted with a customer-managed key (CMEK)',
    severity: 'low',
    category: 'encryption',
    description:
      '`kms_key_name` is not set, so the function\'s source, container image and environment are encrypted with Google-managed keys. ' +
      'You cannot revoke access to them by disabling a key, restrict who can decrypt them, or audit key use – controls many data-protection ' +
      'regimes expect for workloads handling regulated data.',
    remediation:
      'Create a Cloud KMS key in the function\'s region, grant the Cloud Functions / Artifact Registry service agents `roles/cloudkms.cryptoKeyEncrypterDecrypter` ' +
      'on it, set `kms_key_name` on the function and use a CMEK-protected Artifact Registry repository (`docker_repository`).',
    compliance: {
      'PCI-DSS-4.0': ['3.6.1'],
      HIPAA: ['164.312(a)(2)(iv)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['SC-12', 'SC-28'],
    },
  },
  function* (ctx) {
    for (const fn of gcpFunctions(ctx)) {
      if (fn.kmsKey) continue;
      yield { message: `${fnLabel(fn)} has no customer-managed encryption key (kms_key_name).`, loc: fn.loc, fn, key: fnKey(fn, 'cmek') };
    }
  },
);
