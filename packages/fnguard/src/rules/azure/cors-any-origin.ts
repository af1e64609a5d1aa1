import { appLabel, azureApps, azureRule, fnKey, known } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_CORS_ANY_ORIGIN',
    title: 'Function app CORS allows any origin (*)',
    severity: 'medium',
    category: 'exposure',
    description:
      'The function app\'s CORS allowed origins contain `*`, so any web site can call its HTTP functions from a visitor\'s browser and ' +
      'read the responses. Combined with cookie or Easy Auth sessions, or with endpoints that trust the caller\'s network position, this ' +
      'exposes data to malicious pages. (local.settings.json `Host.CORS` applies to the local host only and is not reported.)',
    remediation: 'List the exact origins that need browser access in `siteConfig.cors.allowedOrigins` (Terraform: `site_config { cors { allowed_origins = [...] } }`).',
    compliance: {
      'PCI-DSS-4.0': ['6.2.4'],
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['AC-4', 'SC-7'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.cors;
      if (!known(p) || !p.value.some((o) => o.trim() === '*')) continue;
      yield { message: `${appLabel(fn)} allows cross-origin requests from any origin (*).`, loc: p.loc, fn, key: fnKey(fn, 'cors') };
    }
  },
);
