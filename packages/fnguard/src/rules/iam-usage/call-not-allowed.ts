import { defineRule, type Report } from '../define.js';
import type { PolicyDocument } from '../../model/types.js';
import { evaluate, statementMatchesAction } from '../../analyzers/iam/evaluate.js';
import { patternsOverlap } from '../../analyzers/iam/match.js';
import { principalPolicies } from '../../analyzers/iam/principal.js';
import { codeUsage, USAGE_COMPLIANCE } from './shared.js';

/** A resource written as an unresolved template reference (`${Orders.Arn}`), not an IAM policy variable. */
const TEMPLATE_REF = /\$\{(?![a-z0-9-]+:)[^}]*\}/i;

/**
 * Could the role allow `action` on `resource`? `resource` may be a pattern (unknown region,
 * account, key…), `*` when not known, or hold a template reference. The call is treated as
 * allowed when any resource the role grants the action on could be the one the call uses, and
 * no Deny covers it.
 */
function mayBeAllowed(policies: PolicyDocument[], action: string, resource: string): boolean {
  const unknown = resource === '*' || TEMPLATE_REF.test(resource);
  const candidates = new Set<string>([resource]);
  for (const doc of policies) {
    if (doc.kind !== 'inline' && doc.kind !== 'managed') continue;
    for (const st of doc.statements) {
      if (st.effect !== 'Allow' || !statementMatchesAction(st, action)) continue;
      if (!st.resource) {
        candidates.add(resource === '*' ? 'arn:aws:unknown' : resource);
        continue;
      }
      for (const r of st.resource) if (unknown || TEMPLATE_REF.test(r) || patternsOverlap(r, resource)) candidates.add(r);
    }
  }
  return [...candidates].some((r) => evaluate(policies, { action, resource: r }).decision === 'allowed');
}

export default defineRule({
  meta: {
    id: 'AWS_IAM_CALL_NOT_ALLOWED',
    title: 'Handler code calls an AWS action its role does not allow',
    severity: 'medium',
    category: 'iam',
    clouds: ['aws'],
    description:
      "An AWS SDK call in the function's code needs an IAM action that the function's role does not grant (or explicitly denies) " +
      'on the resource the call names. The deploy succeeds, and the call fails with AccessDenied at run time — often only on the error path that was never tested, ' +
      'and a common reason teams widen a role to `*` in a hurry.',
    remediation: 'Add a statement allowing exactly the reported action on the reported resource (see `fnguard iam policy`), or remove the call.',
    compliance: USAGE_COMPLIANCE,
  },
  async check(ctx) {
    const usage = await codeUsage(ctx);
    const reports: Report[] = [];
    const memo = <T>(key: string, compute: () => T) => ctx.memo(key, compute);
    for (const u of usage.values()) {
      const identity = u.fn.identityId ? ctx.model.identities.get(u.fn.identityId) : undefined;
      if (!identity || identity.external) continue;
      const { policies, unknownManaged } = principalPolicies(identity, memo);
      // Content unknown, or a statement whose actions could not be read: the role may allow more than shown.
      if (unknownManaged.length > 0) continue;
      if (policies.some((p) => p.statements.some((s) => s.partial && s.effect === 'Allow' && !s.action?.length && !s.notAction?.length))) continue;
      for (const c of u.calls) {
        for (const p of c.permissions) {
          const denied = p.resources.filter((r) => !mayBeAllowed(policies, p.action, r));
          if (denied.length === 0) continue;
          const where = denied.includes('*') ? 'on any resource' : `on ${denied.join(', ')}`;
          reports.push({
            message: `${c.call.written} needs ${p.action} ${where}, which ${identity.name} (role of ${u.fn.name}) does not allow: the call fails at run time`,
            loc: c.call.loc,
            fn: u.fn,
            key: `${u.fn.id}/${p.action}/${c.call.written}`,
            related: [{ loc: identity.loc, message: `role ${identity.name}` }, { loc: u.fn.loc, message: `function ${u.fn.name}` }],
          });
        }
      }
    }
    return reports;
  },
});
