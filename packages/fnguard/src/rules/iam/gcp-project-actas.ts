import { defineRule } from '../define.js';
import { BROAD_GCP_SCOPES, functionIdentities, gcpRole } from './cloud-bindings.js';
import { describePrincipal, principalReport, withCompliance } from './shared.js';

const ACT_AS_ROLES = new Set(['roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator']);

export default defineRule({
  meta: {
    id: 'GCP_FUNCTION_SA_PROJECT_ACTAS',
    title: 'Function service account can impersonate every service account of the project',
    severity: 'high',
    category: 'iam',
    clouds: ['gcp'],
    tags: ['privilege-escalation'],
    description:
      'roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator is bound at project, folder or organization level to ' +
      'the service account a function runs as, so the function can act as, or mint tokens for, every service account there — ' +
      'including more privileged ones.',
    remediation: 'Bind these roles on the one service account that must be impersonated, not on the project.',
    compliance: withCompliance({ 'CIS-GCP': ['1.6'] }),
  },
  check(ctx) {
    return functionIdentities(ctx.model, 'gcp').flatMap((identity) =>
      identity.roleBindings.flatMap((b) => {
        const role = gcpRole(b);
        if (!ACT_AS_ROLES.has(role) || !BROAD_GCP_SCOPES.has(b.scopeLevel)) return [];
        return [
          principalReport(ctx.model, identity, {
            message: `${describePrincipal(identity)} has ${role} at ${b.scopeLevel} level and can impersonate every service account there`,
            loc: b.loc,
            key: `${identity.id}|${role}`,
          }),
        ];
      }),
    );
  },
});
