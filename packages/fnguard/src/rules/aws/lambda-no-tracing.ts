import type { FunctionNode, Location } from '../../model/types.js';
import { awsFunctions, awsRule, fnsKey, groupByLoc, inheritedNote } from './util.js';

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
    const off: { item: { loc: Location; inherited?: boolean }; fn: FunctionNode }[] = [];
    for (const fn of awsFunctions(ctx)) {
      const p = fn.tracing;
      if (p && p.value !== false) continue; // active, or unresolved
      // Not written: the function itself is the place; written as off (maybe in Globals): that line.
      off.push({ item: p ?? { loc: fn.loc }, fn });
    }
    // A setting inherited from Globals / the provider block is one finding for all its functions.
    for (const { item, fns } of groupByLoc(off)) {
      const names = fns.map((f) => `"${f.name}"`).join(', ');
      yield {
        message: `Function${fns.length > 1 ? 's' : ''} ${names} ${fns.length > 1 ? 'have' : 'has'} X-Ray active tracing disabled${inheritedNote(item)}.`,
        loc: item.loc,
        fn: fns,
        key: fnsKey(fns, 'tracing'),
      };
    }
  },
);
