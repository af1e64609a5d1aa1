import { defineRule } from '../define.js';
import { GCP_PRIMITIVE_ROLES, functionIdentities, gcpRole } from './cloud-bindings.js';
import { describePrincipal, principalReport, withCompliance } from './shared.js';

export default defineRule({
  meta: {
    id: 'GCP_FUNCTION_SA_PRIMITIVE_ROLE',
    title: 'Function service account has the Owner or Editor role',
    severity: 'critical',
    category: 'iam',
    clouds: ['gcp'],
    description:
      'The service account a function runs as is granted the basic role roles/owner or roles/editor, which carry thousands of ' +
      'permissions across every service of the resource they are bound on.',
    remediation: 'Replace the basic role with predefined roles for the services the function calls, bound on the narrowest resource.',
    compliance: withCompliance({ 'CIS-GCP': ['1.5'] }),
  },
  check(ctx) {
    return functionIdentities(ctx.model, 'gcp').flatMap((identity) =>
      identity.roleBindings.flatMap((b) => {
        const role = gcpRole(b);
        if (!GCP_PRIMITIVE_ROLES.has(role)) return [];
        return [
          principalReport(ctx.model, identity, {
            message: `${describePrincipal(identity)} has ${role} on ${b.scopeLevel} ${b.scope.value ?? b.scope.expr ?? ''}`.trim(),
            loc: b.loc,
            key: `${identity.id}|${role}|${b.scope.value ?? b.scope.expr ?? ''}`,
          }),
        ];
      }),
    );
  },
});
