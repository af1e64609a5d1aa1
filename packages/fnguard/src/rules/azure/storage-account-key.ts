import { appLabel, azureApps, azureRule, fnKey } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_STORAGE_ACCOUNT_KEY',
    title: 'Function app reaches its storage account with an account key instead of its identity',
    severity: 'medium',
    category: 'secrets',
    description:
      'The host storage connection (`AzureWebJobsStorage`, or Terraform `storage_account_access_key`) is a connection string or access key. ' +
      'A storage account key grants full control of every blob, queue and table in the account, never expires by itself, and is readable by ' +
      'anyone who can read the app settings. An identity-based connection needs no secret at all.',
    remediation:
      'Replace `AzureWebJobsStorage` with `AzureWebJobsStorage__accountName` (plus the Storage Blob/Queue Data roles for the app\'s managed identity), ' +
      'or in Terraform set `storage_uses_managed_identity = true`; then disable shared-key access on the account.',
    compliance: {
      'PCI-DSS-4.0': ['8.3.2', '8.6.2'],
      'OWASP-SLS-2017': ['A3'],
      'NIST-800-53': ['IA-5', 'AC-6'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.storageUsesKey;
      if (p?.value !== true) continue;
      yield { message: `${appLabel(fn)} connects to its storage account with an account key / connection string.`, loc: p.loc, fn, key: fnKey(fn, 'storageKey') };
    }
  },
);
