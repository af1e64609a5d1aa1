/**
 * Per-principal analysis shared by the IAM rules: the policy documents that apply (identity
 * policies, well-known AWS managed policies attached by ARN, the boundary), admin-equivalence,
 * and effective permissions — each computed once per identity through the rule context's memo.
 */
import type { Identity, Model, PolicyDocument, Prop, Statement } from '../../model/types.js';
import { functionsRunningAs } from '../../model/queries.js';
import { isRestrictive, isSatisfiable } from './conditions.js';
import { effectivePermissions, evaluate, type EffectivePermissions, type ResourceGrant } from './evaluate.js';
import { knownManagedPolicy, managedPolicyName } from './managed.js';

export type Memo = <T>(key: string, compute: () => T) => T;

/** Without a shared memo (library use, tests): compute every time. */
export const noMemo: Memo = (_key, compute) => compute();

export interface PrincipalPolicies {
  /** Identity policies + well-known managed policies + boundary documents (kind 'boundary'). */
  policies: PolicyDocument[];
  /** Managed policies attached by ARN whose content is not known. */
  unknownManaged: Prop<string>[];
}

/** AWS identities the IAM rules look at: roles and users whose policies are in the model. */
export function awsPrincipals(model: Model): Identity[] {
  return [...model.identities.values()].filter((i) => i.cloud === 'aws' && !i.external);
}

export function principalPolicies(identity: Identity, memo: Memo = noMemo): PrincipalPolicies {
  return memo(`iam:policies:${identity.id}`, () => {
    const policies = [...identity.policies];
    const present = new Set(identity.policies.filter((p) => p.kind === 'managed').map((p) => p.name));
    const unknownManaged: Prop<string>[] = [];
    for (const ref of identity.managedPolicyArns) {
      const name = ref.value !== undefined ? managedPolicyName(ref.value) : undefined;
      if (name !== undefined && (present.has(name) || present.has(ref.value!))) continue;
      const known = knownManagedPolicy(ref);
      if (known) policies.push(known);
      else unknownManaged.push(ref);
    }
    return { policies, unknownManaged };
  });
}

/** A grant usable without a restrictive condition. */
export function usable(g: ResourceGrant): boolean {
  return !g.restrictive;
}

/** Whether a granted resource pattern means every resource (`*`, NotResource, `arn:aws:svc:*:*:*`). */
export function coversAll(g: Pick<ResourceGrant, 'resource' | 'except'>): boolean {
  if (g.except !== undefined || g.resource === '*') return true;
  return /^arn:(\*|aws[\w-]*):[^:]+:[^:]*:[^:]*:\*$/.test(g.resource) || /^arn:(\*|aws[\w-]*):[^:]+:::\*$/.test(g.resource);
}

export interface AdminInfo {
  statements: Statement[];
}

/** Probe actions: a principal allowed all of them on every resource can grant itself anything. */
const ADMIN_PROBES = ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:CreatePolicyVersion', 'iam:PutUserPolicy', 'iam:CreateRole'];

/**
 * Admin-equivalent: an Allow of every action (`*`, or a NotAction that leaves IAM write in) on
 * every resource, with no restrictive condition, that Deny statements and the boundary leave in
 * force for IAM's own permission-management actions.
 */
export function adminEquivalent(identity: Identity, memo: Memo = noMemo): AdminInfo | undefined {
  return memo(`iam:admin:${identity.id}`, () => {
    const { policies } = principalPolicies(identity, memo);
    const wildcards = policies
      .filter((p) => p.kind === 'inline' || p.kind === 'managed')
      .flatMap((p) => p.statements)
      .filter(
        (s) =>
          s.effect === 'Allow' &&
          (s.action?.some((a) => a.trim() === '*') || s.notAction !== undefined) &&
          (s.resource?.includes('*') || s.notResource !== undefined) &&
          isSatisfiable(s.condition) &&
          !isRestrictive(s.condition),
      );
    if (wildcards.length === 0) return undefined;
    for (const action of ADMIN_PROBES) {
      const r = evaluate(policies, { action, resource: '*' });
      if (r.decision !== 'allowed' || r.restrictive) return undefined;
    }
    return { statements: wildcards };
  });
}

/** Every action the principal is allowed (expensive when it holds `*`; memoised). */
export function principalPermissions(identity: Identity, memo: Memo = noMemo): EffectivePermissions {
  return memo(`iam:perms:${identity.id}`, () => effectivePermissions(principalPolicies(identity, memo).policies));
}

/** Permissions for a chosen set of actions only (cheap). */
export function principalPermissionsFor(identity: Identity, actions: readonly string[], memo: Memo = noMemo, key?: string): EffectivePermissions {
  const compute = (): EffectivePermissions => effectivePermissions(principalPolicies(identity, memo).policies, { actions });
  return key ? memo(`iam:perms:${key}:${identity.id}`, compute) : compute();
}

/** The functions that run as an identity. */
export function functionsUsing(model: Model, identity: Identity) {
  return functionsRunningAs(model, identity.id);
}

/** SARIF logical location for a principal with a known ARN (account exports). */
export function principalLogicalLocation(identity: Identity): { name: string; fullyQualifiedName?: string; kind: string }[] | undefined {
  const arn = identity.arn?.value;
  if (!arn) return undefined;
  return [{ name: identity.name, fullyQualifiedName: arn, kind: 'principal' }];
}
