import { defineRule, type Report } from '../define.js';
import { expandActionPattern } from '../../analyzers/iam/actions.js';
import { codeUsage, functionsOf, platformActions, usageComplete, USAGE_COMPLIANCE } from './shared.js';

/** KMS use depends on how each resource is encrypted, which handler code does not show. */
const ENCRYPTION_DEPENDENT = /^kms:(Decrypt|GenerateDataKey\*?|GenerateDataKeyWithoutPlaintext|Encrypt|DescribeKey)$/i;

export default defineRule({
  meta: {
    id: 'AWS_IAM_UNUSED_PERMISSION',
    title: 'Role allows actions no code path of its functions uses',
    severity: 'low',
    category: 'iam',
    clouds: ['aws'],
    description:
      "The function's role grants actions that neither the handler code (every AWS SDK call, followed through the project's imports) " +
      'nor the Lambda platform (logs, tracing, VPC, event source polling) uses. Unused permissions only widen what an attacker ' +
      'who controls the function can do. Reported only when the code analysis of every function using the role is complete (no SDK client, ' +
      'service or method chosen at run time, every import found).',
    remediation: 'Remove the listed actions from the statement, or replace the role with the policy `fnguard iam policy` generates from the code.',
    compliance: USAGE_COMPLIANCE,
  },
  async check(ctx) {
    const usage = await codeUsage(ctx);
    const reports: Report[] = [];
    for (const identity of ctx.model.identities.values()) {
      if (identity.cloud !== 'aws' || identity.external) continue;
      const fns = functionsOf(ctx.model, identity);
      const usages = fns.map((f) => usage.get(f.id));
      if (fns.length === 0 || usages.some((u) => !u || !usageComplete(u))) continue;
      const used = new Set<string>();
      let anyCall = false;
      for (const u of usages) {
        for (const a of platformActions(u!.fn)) used.add(a.toLowerCase());
        for (const c of u!.calls) for (const p of c.permissions) {
          used.add(p.action.toLowerCase());
          anyCall = true;
        }
      }
      for (const doc of identity.policies) {
        if (doc.kind !== 'inline' && doc.kind !== 'managed') continue;
        doc.statements.forEach((st, i) => {
          if (st.effect !== 'Allow' || !st.action?.length) return;
          const unused = st.action.filter((pattern) => {
            const actions = expandActionPattern(pattern);
            if (actions.length === 0) return false;
            return !actions.some((a) => used.has(a.toLowerCase()) || (anyCall && ENCRYPTION_DEPENDENT.test(a)));
          });
          if (unused.length === 0) return;
          const names = fns.map((f) => f.name).sort().join(', ');
          reports.push({
            message: `${identity.name} allows ${unused.join(', ')}, which no code path of ${fns.length > 1 ? 'functions' : 'function'} ${names} uses`,
            loc: st.loc,
            fn: fns,
            key: `${identity.id}/${doc.name}/${st.sid ?? i}/${unused.join(',')}`,
            related: fns.map((f) => ({ loc: f.handler?.loc ?? f.loc, message: `handler of ${f.name}` })),
          });
        });
      }
    }
    return reports;
  },
});
