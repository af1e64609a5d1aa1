import { defineRule } from '../define.js';
import { expandActionPattern } from '../../analyzers/iam/actions.js';
import { isRestrictive, isSatisfiable } from '../../analyzers/iam/conditions.js';
import { effectivePermissions } from '../../analyzers/iam/evaluate.js';
import { adminEquivalent, awsPrincipals, principalPolicies } from '../../analyzers/iam/principal.js';
import { describePrincipal, memoOf, principalReport, withCompliance } from './shared.js';

export default defineRule({
  meta: {
    id: 'AWS_IAM_SERVICE_WILDCARD',
    title: 'Statement allows every action of a service',
    severity: 'high',
    category: 'iam',
    clouds: ['aws'],
    description:
      'An Allow statement names a whole service (`s3:*`, `dynamodb:*`): today and in future every action of that service, ' +
      'including deletion and permission changes, is granted. Statements whose grant is removed by Deny, or that sit under ' +
      'a condition that can never hold or that restricts who or where, or that keep only read actions after Deny and permissions boundary, are not reported.',
    remediation: 'List the actions the function needs (e.g. `s3:GetObject`, `s3:PutObject`) instead of `service:*`.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    const memo = memoOf(ctx);
    return awsPrincipals(ctx.model).flatMap((identity) => {
      if (adminEquivalent(identity, memo)) return [];
      const { policies } = principalPolicies(identity, memo);
      const reports = [];
      for (const p of policies) {
        if (p.kind !== 'inline' && p.kind !== 'managed') continue;
        for (const st of p.statements) {
          if (st.effect !== 'Allow' || !st.action || !isSatisfiable(st.condition) || isRestrictive(st.condition)) continue;
          const services = st.action.map((a) => a.trim()).filter((a) => /^[a-z0-9-]+:\*$/i.test(a));
          // Still in force after Deny and boundary: some non-read action of the service keeps a grant from this statement.
          const live = services.filter((svc) => {
            const perms = effectivePermissions(policies, { actions: expandActionPattern(svc) });
            return [...perms.actions.values()].some((a) => a.statements.includes(st) && a.accessLevel.includes('Write'));
          });
          if (live.length === 0) continue;
          reports.push(
            principalReport(ctx.model, identity, {
              message: `${describePrincipal(identity)} is allowed every action of ${live.join(', ')}`,
              loc: st.loc,
              key: `${identity.id}|${live.join(',')}`,
            }),
          );
        }
      }
      return reports;
    });
  },
});
