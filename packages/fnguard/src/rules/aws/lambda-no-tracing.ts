import { at, awsFunctions, awsRule, fnKey, inheritedNote } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_NO_TRACING',
    title: 'Lambda function without X-Ray active tracing',
    severity: 'low',
    category: 'observability',
    description:
      'Active tracing is not enabled, so invocations cannot be followed across services when investigating an incident, an error or abnormal latency. Settings inherited from the serverless provider block or SAM Globals count.',
    remediation:
      'Enable active tracing (serverless `provider.tracing.lambda: true`, SAM `Tracing: Active` on the function or in Globals, Terraform `tracing_config { mode = "Active" }`) and allow xray:PutTraceSegments in the role.',
    compliance: {
      'OWASP-SLS-2017': ['A10'],
      'NIST-800-53': ['AU-12', 'SI-4'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      const p = fn.tracing;
      if (p && p.value !== false) continue;
      yield {
        message: `Function "${fn.name}" has X-Ray active tracing disabled${inheritedNote(p)}.`,
        loc: at(p, fn.loc),
        fn,
        key: fnKey(fn, 'tracing'),
      };
    }
  },
);
