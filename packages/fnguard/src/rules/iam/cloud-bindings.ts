/**
 * Azure role assignments and GCP IAM bindings of function identities: the facts the Azure/GCP
 * rules need (built-in role names and ids are published by the clouds).
 */
import type { Identity, Model, RoleBinding } from '../../model/types.js';
import { wildcardMatch } from '../../analyzers/iam/match.js';
import { builtInRoleName } from '../../model/azure-roles.js';

/** Identities of one cloud that a function of the model runs as. */
export function functionIdentities(model: Model, cloud: 'azure' | 'gcp'): Identity[] {
  const ids = new Set(model.functions.filter((f) => f.cloud === cloud && f.identityId).map((f) => f.identityId!));
  return [...ids].map((id) => model.identities.get(id)).filter((i): i is Identity => i !== undefined && i.cloud === cloud);
}

/** Role as written: the value when known, else the expression. */
export function roleText(b: RoleBinding): string {
  return b.role.value ?? b.role.expr ?? '';
}

/** Azure built-in roles that control the whole scope (ids in model/azure-roles.ts). */
const AZURE_PRIVILEGED = ['Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator'];

/** Name of the privileged Azure role a binding grants, or why a custom role is privileged. */
export function azurePrivilegedRole(b: RoleBinding): string | undefined {
  const text = roleText(b).toLowerCase();
  const name = builtInRoleName(text) ?? roleText(b);
  for (const r of AZURE_PRIVILEGED) if (name.toLowerCase() === r.toLowerCase()) return r;
  for (const a of b.customActions ?? []) {
    if (a.trim() === '*') return `custom role with "*" actions`;
    if (wildcardMatch(a, 'Microsoft.Authorization/roleAssignments/write', true)) return `custom role with ${a}`;
  }
  return undefined;
}

export const BROAD_AZURE_SCOPES: ReadonlySet<RoleBinding['scopeLevel']> = new Set(['management-group', 'subscription', 'resource-group']);
export const BROAD_GCP_SCOPES: ReadonlySet<RoleBinding['scopeLevel']> = new Set(['project', 'folder', 'organization']);

/** GCP role name without a `projects/x/` or `organizations/y/` prefix of custom roles. */
export function gcpRole(b: RoleBinding): string {
  return roleText(b).trim();
}

/** GCP predefined roles that carry a permission, for the few permissions the rules look at. */
const GCP_ROLE_PERMISSIONS: Record<string, string[]> = {
  'roles/owner': ['cloudfunctions.functions.create', 'cloudfunctions.functions.update', 'iam.serviceAccounts.actAs', 'iam.serviceAccounts.getAccessToken'],
  'roles/editor': ['cloudfunctions.functions.create', 'cloudfunctions.functions.update', 'iam.serviceAccounts.actAs'],
  'roles/cloudfunctions.admin': ['cloudfunctions.functions.create', 'cloudfunctions.functions.update', 'cloudfunctions.functions.setIamPolicy'],
  'roles/cloudfunctions.developer': ['cloudfunctions.functions.create', 'cloudfunctions.functions.update'],
  'roles/iam.serviceAccountUser': ['iam.serviceAccounts.actAs'],
  'roles/iam.serviceAccountTokenCreator': ['iam.serviceAccounts.getAccessToken', 'iam.serviceAccounts.signBlob', 'iam.serviceAccounts.signJwt', 'iam.serviceAccounts.implicitDelegation'],
};

/** Whether a binding carries a permission (predefined role facts above, or the custom role's list). */
export function gcpGrants(b: RoleBinding, permission: string): boolean {
  if ((GCP_ROLE_PERMISSIONS[gcpRole(b)] ?? []).includes(permission)) return true;
  return (b.customActions ?? []).some((a) => wildcardMatch(a, permission, true));
}

export const GCP_PRIMITIVE_ROLES: ReadonlySet<string> = new Set(['roles/owner', 'roles/editor']);
