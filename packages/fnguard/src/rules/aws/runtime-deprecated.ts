import type { FunctionNode, Prop } from '../../model/types.js';
import { UNSUPPORTED_RUNTIME } from '../compliance.js';
import type { RuleContext } from '../define.js';
import { runtimeStatus, type RuntimeStatus } from './runtimes.js';
import { awsFunctions, awsRule, fnsKey, groupByLoc, inheritedNote, known, today } from './util.js';

/** Functions with a known managed runtime (container images have none), with its status today. */
export function runtimesOf(ctx: RuleContext): { item: Prop<string> & { value: string }; fn: FunctionNode; status: RuntimeStatus }[] {
  const now = today(ctx);
  const out: { item: Prop<string> & { value: string }; fn: FunctionNode; status: RuntimeStatus }[] = [];
  for (const fn of awsFunctions(ctx)) {
    if (/^image$/i.test(fn.packageType?.value ?? '') || !known(fn.runtime)) continue;
    const status = runtimeStatus(fn.runtime.value, now);
    if (status) out.push({ item: fn.runtime, fn, status });
  }
  return out;
}

export default awsRule(
  {
    id: 'AWS_LAMBDA_RUNTIME_DEPRECATED',
    title: 'Lambda function on a deprecated runtime',
    severity: 'high',
    category: 'supply-chain',
    description:
      'The function uses a Lambda runtime past its deprecation date: the language version and/or its operating system no longer get security patches, AWS stops applying runtime updates, and after a grace period Lambda blocks creating and then updating functions that use it. The rule compares the runtime with a table of published deprecation dates and today\'s date, so it ages with the calendar.',
    remediation:
      'Upgrade to a supported runtime of the same language (e.g. nodejs22.x, python3.13, java21, dotnet10, ruby3.4, provided.al2023), run the tests, and redeploy.',
    compliance: { ...UNSUPPORTED_RUNTIME, GDPR: ['Art.32'] },
  },
  function* (ctx) {
    const deprecated = runtimesOf(ctx).filter((r) => r.status.daysLeft < 0);
    for (const { item, fns } of groupByLoc(deprecated)) {
      const s = deprecated.find((d) => d.item === item)!.status;
      yield {
        message: `Function${fns.length > 1 ? 's' : ''} ${fns.map((f) => `"${f.name}"`).join(', ')} use${fns.length > 1 ? '' : 's'} runtime ${s.runtime}${inheritedNote(item)}, deprecated since ${s.date}.`,
        loc: item.loc,
        fn: fns,
        key: fnsKey(fns, `runtime:${s.runtime}`),
      };
    }
  },
);
