import { defineRule } from '../define.js';
import { escalationPaths } from '../../analyzers/iam/escalation.js';
import { adminEquivalent, awsPrincipals } from '../../analyzers/iam/principal.js';
import { describePrincipal, memoOf, principalReport, summarise, withCompliance } from './shared.js';

export default defineRule({
  meta: {
    id: 'AWS_IAM_PRIVILEGE_ESCALATION',
    title: 'Identity can escalate its own privileges',
    severity: 'critical',
    category: 'iam',
    clouds: ['aws'],
    tags: ['privilege-escalation'],
    description:
      'The identity holds every permission of a publicly catalogued AWS privilege-escalation technique (policy version and ' +
      'attachment changes, access keys for other users, passing a role to Lambda, EC2, Glue, CloudFormation, SageMaker, ' +
      'CodeBuild, ECS … and running code as it). Deny statements, permissions boundaries, conditions that cannot hold or ' +
      'that restrict the caller, and iam:PassRole limited to roles granting nothing new are honoured. ' +
      'Administrator-equivalent identities are reported by AWS_IAM_ADMIN_EQUIVALENT instead.',
    remediation:
      'Remove one of the enabling actions, limit it to specific resources (for iam:PassRole: the one role the function must ' +
      'pass, with an iam:PassedToService condition), or add a permissions boundary.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    const memo = memoOf(ctx);
    return awsPrincipals(ctx.model).flatMap((identity) => {
      if (adminEquivalent(identity, memo)) return [];
      return escalationPaths(identity, ctx.model, memo).map((path) => {
        const t = path.technique;
        const actions = path.steps.map((s) => s.action);
        const related = path.steps.flatMap((s) => s.statements.map((st) => ({ loc: st.loc, message: `grants ${s.action}` })));
        const passes = path.passableRoles ? `; roles it can pass: ${summarise(path.passableRoles, 4)}` : '';
        return principalReport(ctx.model, identity, {
          message:
            `${describePrincipal(identity)} can escalate privileges via "${t.name}" (${t.id}): it ${t.how}; ` +
            `enabled by ${actions.join(' + ')}${passes}${path.conditional ? ' (granted under a condition that does not restrict the caller)' : ''}`,
          loc: path.steps.find((s) => s.action !== 'iam:PassRole')?.statements[0]?.loc ?? path.steps[0]!.statements[0]!.loc,
          key: `${identity.id}|${t.id}`,
          related,
          tags: [`technique:${t.id}`],
        });
      });
    });
  },
});
