import { fnKey, fnLabel, gcpFunctions, gcpRule } from './util.js';

export default gcpRule(
  {
    id: 'GCP_FUNCTION_DEFAULT_SERVICE_ACCOUNT',
    title: 'Cloud Function runs as a default service account',
    severity: 'medium',
    category: 'iam',
    description:
      'No dedicated service account is set, so the function runs as the App Engine default (1st gen) or Compute Engine default (2nd gen) ' +
      'service account – or one is set explicitly to a default account. These accounts are shared by every workload that does not choose its ' +
      'own and have historically been granted the Editor role on the project, so a compromised function gets write access to most of the project.',
    remediation:
      'Create a service account for the function (`google_service_account`), grant it only the roles the code needs, and set ' +
      '`service_account_email` (1st gen) / `service_config.service_account_email` (2nd gen).',
    compliance: {
      'PCI-DSS-4.0': ['7.2.2'],
      'OWASP-SLS-2017': ['A5'],
      'NIST-800-53': ['AC-6'],
    },
  },
  function* (ctx) {
    for (const fn of gcpFunctions(ctx)) {
      const identity = fn.identityId ? ctx.model.identities.get(fn.identityId) : undefined;
      // No identity information at all and no explicit account: the platform default applies.
      const usesDefault = identity ? identity.isDefault === true : fn.gcp?.serviceAccountSet === false;
      if (!usesDefault) continue;
      yield {
        message: `${fnLabel(fn)} runs as ${identity?.name ?? 'the default service account'}${fn.gcp?.serviceAccountSet ? '' : ' (no service account set)'}.`,
        loc: fn.identityLoc ?? fn.loc,
        fn,
        key: fnKey(fn, 'serviceAccount'),
      };
    }
  },
);
