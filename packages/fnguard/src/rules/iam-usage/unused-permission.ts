import { defineRule, type Report } from '../define.js';
import type { FunctionNode, Identity, Statement } from '../../model/types.js';
import { expandActionPattern } from '../../analyzers/iam/actions.js';
import { codeUsage, functionsOf, platformActions, usageComplete, USAGE_COMPLIANCE, type FunctionUsage } from './shared.js';

/** KMS use depends on how each resource is encrypted, which handler code does not show. */
const ENCRYPTION_DEPENDENT = /^kms:(Decrypt|GenerateDataKey\*?|GenerateDataKeyWithoutPlaintext|Encrypt|DescribeKey)$/i;

/** One written statement and every role it reaches (a customer managed policy can be attached to several). */
interface StatementUse {
  statement: Statement;
  /** Stable across line shifts, for the fingerprint: policy name and Sid or position. */
  stableKey: string;
  identities: Identity[];
  fns: FunctionNode[];
}

/** Actions used by the functions of one role: their SDK calls and the platform's own needs. */
function usedActions(usages: FunctionUsage[]): { used: Set<string>; anyCall: boolean } {
  const used = new Set<string>();
  let anyCall = false;
  for (const u of usages) {
    for (const a of platformActions(u.fn)) used.add(a.toLowerCase());
    for (const c of u.calls) {
      for (const p of c.permissions) {
        used.add(p.action.toLowerCase());
        anyCall = true;
      }
    }
  }
  return { used, anyCall };
}

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
      'who controls the function can do. Reported only when the code analysis of every function reached by the statement is complete (no SDK client, ' +
      'service or method chosen at run time, no library that calls AWS itself, every import found).',
    remediation: 'Remove the listed actions from the statement, or replace the role with the policy `fnguard iam policy` generates from the code.',
    compliance: USAGE_COMPLIANCE,
  },
  async check(ctx) {
    const usage = await codeUsage(ctx);
    const statements = new Map<string, StatementUse>();
    for (const identity of ctx.model.identities.values()) {
      if (identity.cloud !== 'aws' || identity.external) continue;
      const fns = functionsOf(ctx.model, identity);
      for (const doc of identity.policies) {
        if (doc.kind !== 'inline' && doc.kind !== 'managed') continue;
        doc.statements.forEach((st, index) => {
          if (st.effect !== 'Allow' || !st.action?.length) return;
          const key = `${st.loc.file}:${st.loc.line}:${st.loc.column ?? 0}:${doc.name}:${index}`;
          const entry = statements.get(key) ?? { statement: st, stableKey: `${doc.name}/${st.sid ?? index}`, identities: [], fns: [] };
          if (!entry.identities.includes(identity)) entry.identities.push(identity);
          for (const f of fns) if (!entry.fns.includes(f)) entry.fns.push(f);
          statements.set(key, entry);
        });
      }
    }
    const reports: Report[] = [];
    for (const e of statements.values()) {
      const usages = e.fns.map((f) => usage.get(f.id));
      if (e.fns.length === 0 || usages.some((u) => !u || !usageComplete(u))) continue;
      const { used, anyCall } = usedActions(usages as FunctionUsage[]);
      const unused = e.statement.action!.filter((pattern) => {
        const actions = expandActionPattern(pattern);
        return actions.length > 0 && !actions.some((a) => used.has(a.toLowerCase()) || (anyCall && ENCRYPTION_DEPENDENT.test(a)));
      });
      if (unused.length === 0) continue;
      const names = e.fns.map((f) => f.name).sort().join(', ');
      const roles = e.identities.map((i) => i.name).join(', ');
      reports.push({
        message: `${roles} allows ${unused.join(', ')}, which no code path of ${e.fns.length > 1 ? 'functions' : 'function'} ${names} uses`,
        loc: e.statement.loc,
        fn: e.fns,
        key: `${e.identities.map((i) => i.id).join(',')}/${e.stableKey}/${unused.join(',')}`,
        related: e.fns.map((f) => ({ loc: f.handler?.loc ?? f.loc, message: `handler of ${f.name}` })),
      });
    }
    return reports;
  },
});
