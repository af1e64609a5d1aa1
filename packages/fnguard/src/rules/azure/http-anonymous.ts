import { functionsOf } from '../define.js';
import { azureRule, fnKey } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_HTTP_ANONYMOUS',
    title: 'HTTP-triggered Azure function allows anonymous calls (authLevel anonymous)',
    severity: 'high',
    category: 'exposure',
    description:
      'An HTTP trigger has `authLevel: anonymous`: anyone who knows the URL can invoke the function without a function key, and no ' +
      'App Service Authentication (Easy Auth) is enabled on the app to stand in front of it. Unless the code authenticates every request itself, ' +
      'the function and whatever it can reach are open to the internet. CORS preflight-only (OPTIONS) triggers are not reported.',
    remediation:
      'Use `authLevel: function` (or put the app behind API Management / Easy Auth with Microsoft Entra ID) and validate the caller in code; ' +
      'keep anonymous only for endpoints that must be public, with their own authentication.',
    compliance: {
      'PCI-DSS-4.0': ['7.2.1', '8.2.1'],
      'OWASP-SLS-2017': ['A2', 'A5'],
      'NIST-800-53': ['AC-3', 'IA-2'],
    },
  },
  function* (ctx) {
    for (const fn of functionsOf(ctx.model, 'azure')) {
      // Easy Auth enforced on the whole app authenticates before the trigger runs.
      if (fn.azure?.authEnabled?.value === true) continue;
      for (const t of fn.triggers) {
        if (t.kind !== 'http' || t.auth?.value !== 'none') continue;
        const methods = (t.method ?? '').split(',').filter(Boolean);
        if (methods.length > 0 && methods.every((m) => m.toUpperCase() === 'OPTIONS')) continue;
        const route = t.path ? ` (route ${t.path})` : '';
        yield {
          message: `Function "${fn.name}" has an anonymous HTTP trigger${route}: no function key or authentication is required.`,
          loc: t.auth.loc,
          fn,
          key: fnKey(fn, 'http', t.path ?? ''),
        };
      }
    }
  },
);
