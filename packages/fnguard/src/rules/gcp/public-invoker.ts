import { fnKey, fnLabel, gcpFunctions, gcpRule } from './util.js';

const PUBLIC = new Set(['allusers', 'allauthenticatedusers']);

export default gcpRule(
  {
    id: 'GCP_FUNCTION_PUBLIC_INVOKER',
    title: 'Cloud Function can be invoked by allUsers or allAuthenticatedUsers',
    severity: 'high',
    category: 'exposure',
    description:
      'An IAM binding on the function (1st gen: `google_cloudfunctions_function_iam_*`; 2nd gen: the function\'s or its Cloud Run ' +
      'service\'s `roles/run.invoker`) grants a role to `allUsers` (anyone on the internet, no authentication) or `allAuthenticatedUsers` ' +
      '(any Google account in the world). The function and everything its service account can reach become callable by strangers.',
    remediation:
      'Remove the public member and grant the invoker role only to the service accounts or groups that call the function; for public HTTP APIs put ' +
      'API Gateway / a load balancer with authentication in front, and validate identity tokens in the function.',
    compliance: {
      'PCI-DSS-4.0': ['7.2.1', '7.2.2'],
      HIPAA: ['164.312(a)(1)'],
      GDPR: ['Art.25', 'Art.32'],
      'OWASP-SLS-2017': ['A5'],
      'NIST-800-53': ['AC-3', 'AC-6'],
    },
  },
  function* (ctx) {
    for (const fn of gcpFunctions(ctx)) {
      for (const p of fn.permissions) {
        const who = p.principal.value?.trim();
        if (!who || !PUBLIC.has(who.toLowerCase())) continue;
        const role = p.action?.value ?? p.action?.expr ?? 'a role';
        const cond = p.conditions?.length ? ' (with an IAM condition)' : '';
        yield {
          message: `${fnLabel(fn)} grants ${role} to ${who}${cond}: ${who === 'allUsers' ? 'anyone on the internet' : 'any Google account'} can ${/invoker/i.test(role) ? 'invoke it' : 'use that role on it'}.`,
          loc: p.loc,
          fn,
          key: fnKey(fn, 'iam', who, role),
          severity: who === 'allUsers' && /invoker/i.test(role) && !cond ? 'critical' : 'high',
        };
      }
    }
  },
);
