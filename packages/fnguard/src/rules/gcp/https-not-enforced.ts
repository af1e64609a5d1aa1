import { fnKey, fnLabel, gcpFunctions, gcpRule, unresolved } from './util.js';
import { PLAINTEXT_TRANSPORT } from '../compliance.js';

export default gcpRule(
  {
    id: 'GCP_FUNCTION_HTTPS_NOT_ENFORCED',
    title: '1st gen HTTP Cloud Function does not enforce HTTPS (security level not SECURE_ALWAYS)',
    severity: 'medium',
    category: 'encryption',
    description:
      'A 1st gen HTTP function has `https_trigger_security_level` other than `SECURE_ALWAYS` – when it is not written the API uses ' +
      '`SECURE_OPTIONAL` – so it also answers plain HTTP. Requests, identity tokens and responses can then be read or altered in transit. ' +
      '(2nd gen functions are served over HTTPS only.)',
    remediation: 'Set `https_trigger_security_level = "SECURE_ALWAYS"` on the function, so HTTP requests are redirected to HTTPS.',
    compliance: { ...PLAINTEXT_TRANSPORT },
  },
  function* (ctx) {
    for (const fn of gcpFunctions(ctx)) {
      if (fn.gcp?.generation !== 1) continue;
      const http = fn.triggers.find((t) => t.kind === 'http');
      if (!http) continue;
      const p = fn.gcp.httpsTriggerSecurity;
      if (unresolved(p) || p?.value?.toUpperCase() === 'SECURE_ALWAYS') continue;
      yield {
        message: `${fnLabel(fn)} also serves plain HTTP: https_trigger_security_level is ${p ? p.value : 'not set (SECURE_OPTIONAL)'}.`,
        loc: p?.loc ?? http.loc,
        fn,
        key: fnKey(fn, 'httpsSecurity'),
      };
    }
  },
);
