import { defineRule } from '../define.js';
import { adminEquivalent, awsPrincipals } from '../../analyzers/iam/principal.js';
import { describePrincipal, memoOf, principalReport, withCompliance } from './shared.js';

export default defineRule({
  meta: {
    id: 'AWS_IAM_ADMIN_EQUIVALENT',
    title: 'Identity has administrator-equivalent access',
    severity: 'critical',
    category: 'iam',
    clouds: ['aws'],
    description:
      'The identity is allowed every action on every resource (Action "*" or a NotAction that leaves IAM in, on Resource "*"), ' +
      'directly or through AdministratorAccess, and no Deny or permissions boundary takes IAM permission management away. ' +
      'Whoever controls the function controls the account.',
    remediation:
      'Grant only the actions and resources the function calls (run `fnguard iam policy` for a generated policy); ' +
      'never attach AdministratorAccess or "*:*" statements to a function role.',
    compliance: withCompliance({ 'CIS-AWS': ['1.16'] }),
  },
  check(ctx) {
    const memo = memoOf(ctx);
    return awsPrincipals(ctx.model).flatMap((identity) => {
      const admin = adminEquivalent(identity, memo);
      if (!admin) return [];
      const [first, ...rest] = admin.statements;
      return [
        principalReport(ctx.model, identity, {
          message: `${describePrincipal(identity)} is allowed every action on every resource (administrator-equivalent)`,
          loc: first!.loc,
          key: identity.id,
          related: rest.map((s) => ({ loc: s.loc, message: 'also grants every action' })),
        }),
      ];
    });
  },
});
