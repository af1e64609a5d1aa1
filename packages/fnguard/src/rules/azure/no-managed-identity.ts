import { appLabel, azureApps, azureRule, fnKey } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_NO_MANAGED_IDENTITY',
    title: 'Function app has no managed identity',
    severity: 'low',
    category: 'iam',
    description:
      'The function app declares no system- or user-assigned managed identity, so every Azure service it calls (storage, Key Vault, ' +
      'Service Bus, SQL…) must be reached with keys, SAS tokens or connection strings kept in its settings – long-lived secrets that ' +
      'leak, are rarely rotated, and cannot be scoped with Azure RBAC. Key Vault references also need an identity.',
    remediation:
      'Add `identity: { type: "SystemAssigned" }` (Terraform: `identity { type = "SystemAssigned" }`), grant it narrow data-plane roles, ' +
      'and switch connections to identity-based settings (e.g. `AzureWebJobsStorage__accountName`).',
    compliance: {
      'CIS-Azure': ['9.5'],
      'PCI-DSS-4.0': ['8.6.2'],
      'OWASP-SLS-2017': ['A3'],
      'NIST-800-53': ['IA-5', 'IA-9'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      // identityLoc without identityId: an identity block whose type could not be resolved.
      if (fn.identityId || fn.identityLoc) continue;
      yield { message: `${appLabel(fn)} has no managed identity; it must use keys or connection strings to reach other services.`, loc: fn.loc, fn, key: fnKey(fn, 'identity') };
    }
  },
);
