import { defineRule } from '../define.js';
import { GCP_PRIMITIVE_ROLES, functionIdentities, gcpGrants, gcpRole } from './cloud-bindings.js';
import { describePrincipal, principalReport, withCompliance } from './shared.js';

export default defineRule({
  meta: {
    id: 'GCP_FUNCTION_SA_DEPLOY_ACTAS',
    title: 'Function service account can deploy functions running as another service account',
    severity: 'high',
    category: 'iam',
    clouds: ['gcp'],
    tags: ['privilege-escalation'],
    description:
      'The service account a function runs as may create or update Cloud Functions (cloudfunctions.functions.create/update) and ' +
      'may act as service accounts (iam.serviceAccounts.actAs). Together they let code in the function deploy a new function ' +
      'that runs as any service account it can act as. (Owner/Editor are reported by GCP_FUNCTION_SA_PRIMITIVE_ROLE.)',
    remediation: 'Do not give a function\'s own service account deployment rights; deploy from a separate CI identity.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    return functionIdentities(ctx.model, 'gcp').flatMap((identity) => {
      const bindings = identity.roleBindings.filter((b) => !GCP_PRIMITIVE_ROLES.has(gcpRole(b)));
      const deploy = bindings.filter((b) => gcpGrants(b, 'cloudfunctions.functions.create') || gcpGrants(b, 'cloudfunctions.functions.update'));
      const actAs = bindings.filter((b) => gcpGrants(b, 'iam.serviceAccounts.actAs'));
      if (deploy.length === 0 || actAs.length === 0) return [];
      return [
        principalReport(ctx.model, identity, {
          message: `${describePrincipal(identity)} can deploy functions (${gcpRole(deploy[0]!) || 'custom role'}) and act as service accounts (${gcpRole(actAs[0]!) || 'custom role'})`,
          loc: deploy[0]!.loc,
          key: identity.id,
          related: [...deploy, ...actAs].map((b) => ({ loc: b.loc, message: `binds ${gcpRole(b) || 'a custom role'}` })),
        }),
      ];
    });
  },
});
