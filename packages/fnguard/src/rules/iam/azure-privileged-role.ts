import { defineRule } from '../define.js';
import { BROAD_AZURE_SCOPES, azurePrivilegedRole, functionIdentities } from './cloud-bindings.js';
import { describePrincipal, principalReport, withCompliance } from './shared.js';

export default defineRule({
  meta: {
    id: 'AZURE_FUNCTION_IDENTITY_PRIVILEGED_ROLE',
    title: 'Function managed identity holds Owner, Contributor or access-administration rights on a broad scope',
    severity: 'high',
    category: 'iam',
    clouds: ['azure'],
    description:
      'A function\'s managed identity is assigned Owner, Contributor, User Access Administrator, RBAC Administrator, or a ' +
      'custom role with "*" actions or `Microsoft.Authorization/*/write`, at management-group, subscription or resource-group ' +
      'scope. Code running in the function can change or delete everything in that scope, or grant itself more.',
    remediation: 'Assign a narrow built-in data role (e.g. Storage Blob Data Reader) on the single resource the function uses.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    return functionIdentities(ctx.model, 'azure').flatMap((identity) =>
      identity.roleBindings.flatMap((b) => {
        if (!BROAD_AZURE_SCOPES.has(b.scopeLevel)) return [];
        const role = azurePrivilegedRole(b);
        if (!role) return [];
        return [
          principalReport(ctx.model, identity, {
            message: `${describePrincipal(identity)} is assigned ${role} at ${b.scopeLevel} scope`,
            loc: b.loc,
            key: `${identity.id}|${role}|${b.scope.value ?? b.scope.expr ?? ''}`,
            severity: role === 'Contributor' ? 'high' : 'critical',
          }),
        ];
      }),
    );
  },
});
