import { fnKey, fnLabel, gcpFunctions, gcpRule, ingressOf, isHttpFunction, unresolved } from './util.js';

export default gcpRule(
  {
    id: 'GCP_FUNCTION_INGRESS_ALLOW_ALL',
    title: 'HTTP Cloud Function accepts traffic from the internet (ingress ALLOW_ALL)',
    severity: 'medium',
    category: 'network',
    description:
      'The HTTP function\'s ingress setting is `ALLOW_ALL` (also the default when `ingress_settings` is not written), so its URL is reachable ' +
      'from any network. IAM still decides who may invoke it, but a mis-granted invoker role, a leaked token or a bug in an unauthenticated ' +
      'function is then exploitable from anywhere. Event-triggered functions are not reported.',
    remediation:
      'Set `ingress_settings = "ALLOW_INTERNAL_ONLY"` (VPC / same-project callers) or `"ALLOW_INTERNAL_AND_GCLB"` and expose the function through an ' +
      'external HTTPS load balancer with Cloud Armor when it must be public.',
    compliance: {
      'PCI-DSS-4.0': ['1.3.1'],
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['SC-7'],
    },
  },
  function* (ctx) {
    for (const fn of gcpFunctions(ctx)) {
      if (!isHttpFunction(fn)) continue;
      const p = ingressOf(fn);
      if (unresolved(p) || (p && p.value!.toUpperCase() !== 'ALLOW_ALL')) continue;
      yield {
        message: `${fnLabel(fn)} is an HTTP function open to all networks (ingress ${p ? p.value : 'not set, default ALLOW_ALL'}).`,
        loc: p?.loc ?? fn.loc,
        fn,
        key: fnKey(fn, 'ingress'),
      };
    }
  },
);
