import { runtimesOf } from './runtime-deprecated.js';
import { awsRule, fnsKey, groupByLoc, inheritedNote, numberOption } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_RUNTIME_DEPRECATION_SOON',
    title: 'Lambda runtime reaches end of support soon',
    severity: 'low',
    category: 'supply-chain',
    description:
      'The function uses a Lambda runtime that will be deprecated within the warning window (180 days by default, option `runtimeWarningDays`). After that date it gets no more security patches; planning the upgrade now avoids running unpatched code.',
    remediation: 'Schedule the upgrade to the newest runtime of the language before the deprecation date.',
    compliance: {
      'OWASP-SLS-2017': ['A9'],
      'PCI-DSS-4.0': ['6.3.3'],
      'NIST-800-53': ['SA-22'],
    },
  },
  function* (ctx) {
    const window = numberOption(ctx, 'runtimeWarningDays', 180);
    const soon = runtimesOf(ctx).filter((r) => r.status.daysLeft >= 0 && r.status.daysLeft <= window);
    for (const { item, fns } of groupByLoc(soon)) {
      const s = soon.find((d) => d.item === item)!.status;
      yield {
        message: `Function${fns.length > 1 ? 's' : ''} ${fns.map((f) => `"${f.name}"`).join(', ')} use${fns.length > 1 ? '' : 's'} runtime ${s.runtime}${inheritedNote(item)}, deprecated on ${s.date} (in ${s.daysLeft} days).`,
        loc: item.loc,
        fn: fns,
        key: fnsKey(fns, `runtime-soon:${s.runtime}`),
      };
    }
  },
);
