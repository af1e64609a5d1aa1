import { appLabel, at, azureApps, azureRule, fnKey, unresolved } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_CLIENT_CERT_DISABLED',
    title: 'Function app does not require client certificates',
    severity: 'low',
    category: 'exposure',
    description:
      'Incoming client certificates are not required (`clientCertEnabled` false or not set, or an Optional mode). Only callers presenting a ' +
      'certificate trusted by the code could be accepted with mutual TLS; without it, any client that obtains a function key or token can call the app.',
    remediation:
      'For service-to-service endpoints set `clientCertEnabled: true` with `clientCertMode: Required` (Terraform: `client_certificate_enabled = true`, ' +
      '`client_certificate_mode = "Required"`) and validate the certificate in code; suppress this rule for apps that serve browsers.',
    compliance: {
      'CIS-Azure': ['9.4'],
      'PCI-DSS-4.0': ['8.3.1'],
      'NIST-800-53': ['IA-3', 'IA-5(2)'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.clientCertEnabled;
      if (unresolved(p) || p?.value === true) continue;
      yield {
        message: `${appLabel(fn)} does not require client certificates${p ? '' : ' (not set)'}.`,
        loc: at(p, fn),
        fn,
        key: fnKey(fn, 'clientCert'),
      };
    }
  },
);
