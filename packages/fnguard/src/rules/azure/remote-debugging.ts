import { appLabel, azureApps, azureRule, fnKey } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_REMOTE_DEBUGGING',
    title: 'Function app has remote debugging enabled',
    severity: 'medium',
    category: 'exposure',
    description:
      'Remote debugging is switched on for the function app. It opens extra inbound debugger ports on the workers and lets a debugger ' +
      'attach to production code, read memory (secrets, tokens, customer data) and change execution.',
    remediation: 'Set `siteConfig.remoteDebuggingEnabled: false` (Terraform: `site_config { remote_debugging_enabled = false }`); enable it only briefly on a non-production slot.',
    compliance: {
      'PCI-DSS-4.0': ['2.2.4', '6.5.6'],
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['CM-7'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.remoteDebugging;
      if (p?.value !== true) continue;
      yield { message: `${appLabel(fn)} has remote debugging enabled.`, loc: p.loc, fn, key: fnKey(fn, 'remoteDebugging') };
    }
  },
);
