import { appLabel, at, azureApps, azureRule, fnKey, unresolved } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_BASIC_AUTH_PUBLISHING',
    title: 'Function app allows basic-authentication publishing (FTP / SCM credentials)',
    severity: 'low',
    category: 'iam',
    description:
      'Basic-authentication publishing credentials (FTP and/or SCM/Kudu) are allowed – the default unless ' +
      '`basicPublishingCredentialsPolicies` (ARM) or `ftp_publish_basic_authentication_enabled` / ' +
      '`webdeploy_publish_basic_authentication_enabled` (Terraform) turn them off. These are long-lived user name/password ' +
      'pairs, downloadable with the publish profile, that bypass Microsoft Entra ID, MFA and conditional access; whoever holds them can deploy code.',
    remediation:
      'Disable both policies (`Microsoft.Web/sites/basicPublishingCredentialsPolicies` `ftp` and `scm` with `allow: false`) and deploy with Microsoft Entra ID (OIDC from CI, `az functionapp deploy`).',
    compliance: {
      'PCI-DSS-4.0': ['8.3.1', '8.4.2'],
      'OWASP-SLS-2017': ['A2'],
      'NIST-800-53': ['IA-2(1)', 'IA-5'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.basicPublishingCredentials;
      if (unresolved(p) || p?.value === false) continue;
      yield {
        message: p
          ? `${appLabel(fn)} allows basic-authentication publishing (FTP/SCM user name and password).`
          : `${appLabel(fn)} does not disable basic-authentication publishing credentials (FTP/SCM), so they are allowed by default.`,
        loc: at(p, fn),
        fn,
        key: fnKey(fn, 'basicPublishing'),
      };
    }
  },
);
