import { defineRule, type Severity } from '../define.js';
import { awsPrincipals } from '../../analyzers/iam/principal.js';
import { broadManagedPolicy, managedPolicyName, type BroadLevel } from '../../analyzers/iam/managed.js';
import { describePrincipal, principalReport, withCompliance } from './shared.js';

const SEVERITY: Record<BroadLevel, Severity> = { administrator: 'critical', 'power-user': 'high', 'full-access': 'high' };

export default defineRule({
  meta: {
    id: 'AWS_IAM_BROAD_MANAGED_POLICY',
    title: 'Broad AWS managed policy attached',
    severity: 'high',
    category: 'iam',
    clouds: ['aws'],
    description:
      'AdministratorAccess, PowerUserAccess or a `…FullAccess` AWS managed policy is attached. These grant every action of ' +
      'one or all services on every resource, and AWS adds new actions to them over time.',
    remediation: 'Detach the managed policy and grant the specific actions and resources the function uses.',
    compliance: withCompliance({ 'CIS-AWS': ['1.16'] }),
  },
  check(ctx) {
    return awsPrincipals(ctx.model).flatMap((identity) =>
      identity.managedPolicyArns.flatMap((ref) => {
        const written = ref.value ?? ref.expr;
        const level = written !== undefined ? broadManagedPolicy(written) : undefined;
        if (!level) return [];
        const name = managedPolicyName(written!);
        return [
          principalReport(ctx.model, identity, {
            message: `${describePrincipal(identity)} has the AWS managed policy ${name} attached`,
            loc: ref.loc,
            key: `${identity.id}|${name}`,
            severity: SEVERITY[level],
          }),
        ];
      }),
    );
  },
});
