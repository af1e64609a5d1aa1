/**
 * Privilege-escalation paths of one principal: for each catalogued technique (techniques.ts),
 * whether the principal holds every action it needs with a grant that conditions and resource
 * scoping leave usable, and — for techniques that pass a role — whether a role it may pass would
 * give it more than it already has.
 */
import type { Identity, Model, Statement } from '../../model/types.js';
import { evaluateCondition, isRestrictive } from './conditions.js';
import { evaluate, namesSelf, resolveVariables, type ResourceGrant } from './evaluate.js';
import { hasWildcard } from './match.js';
import {
  adminEquivalent,
  coversAll,
  noMemo,
  principalPermissions,
  principalPermissionsFor,
  principalPolicies,
  usable,
  type Memo,
} from './principal.js';
import { TECHNIQUE_ACTIONS, TECHNIQUES, type Technique } from './techniques.js';

export interface EscalationStep {
  action: string;
  /** Statements whose grants make the step possible. */
  statements: Statement[];
  resources: string[];
}

export interface EscalationPath {
  technique: Technique;
  steps: EscalationStep[];
  /** Some grant used depends on a (non-restrictive) condition. */
  conditional: boolean;
  /** For PassRole techniques: what can be passed (role names, or the pattern when roles are unknown). */
  passableRoles?: string[];
}

function isSelf(resource: string, identity: Identity): boolean {
  if (namesSelf(resource)) return true;
  const arn = identity.arn?.value;
  return arn !== undefined && resource === arn;
}

function usableFor(t: Technique, identity: Identity, g: ResourceGrant): boolean {
  if (!usable(g)) return false;
  if (t.scope === 'others' && g.except === undefined && isSelf(g.resource, identity)) return false;
  if (t.scope === 'all') return coversAll(g) || /^arn:[^:]+:iam::[^:]*:role\/\*$/.test(g.resource);
  return true;
}

/** Roles of the model by every name a PassRole resource may use for them: ARN, expression, `${Logical.Arn}`. */
function roleIndex(model: Model, memo: Memo): Map<string, Identity[]> {
  return memo('iam:role-index', () => {
    const index = new Map<string, Identity[]>();
    for (const r of model.identities.values()) {
      if (r.kind !== 'aws-iam-role') continue;
      const logical = r.id.slice(r.id.lastIndexOf('#') + 1);
      for (const name of new Set([r.arn?.value, r.arn?.expr, `\${${logical}.Arn}`])) {
        if (!name) continue;
        const list = index.get(name) ?? [];
        list.push(r);
        index.set(name, list);
      }
    }
    return index;
  });
}

/**
 * Whether passing `target` gives `source` nothing it does not already have: every action the
 * target is allowed, on every resource pattern, is allowed to the source too, and the target has
 * no managed policy of unknown content.
 */
function grantsNothingNew(source: Identity, target: Identity, memo: Memo): boolean {
  if (target.id === source.id) return true;
  return memo(`iam:subset:${source.id}>${target.id}`, () => {
    if (principalPolicies(target, memo).unknownManaged.length > 0) return false;
    if (adminEquivalent(target, memo) && !adminEquivalent(source, memo)) return false;
    const sourcePolicies = principalPolicies(source, memo).policies;
    for (const perm of principalPermissions(target, memo).actions.values()) {
      for (const g of perm.grants) {
        if (!usable(g)) continue;
        const r = evaluate(sourcePolicies, { action: perm.action, resource: g.except ? '*' : resolveVariables(g.resource) });
        if (r.decision !== 'allowed') return false;
      }
    }
    return true;
  });
}

interface PassRoleUse {
  statements: Statement[];
  resources: string[];
  roles: string[];
  conditional: boolean;
}

/** PassRole grants usable for a service that reach a role worth passing. */
function passRoleUse(identity: Identity, model: Model, grants: ResourceGrant[], service: string, memo: Memo): PassRoleUse | undefined {
  const ctx = { 'iam:PassedToService': service };
  const use: PassRoleUse = { statements: [], resources: [], roles: [], conditional: false };
  for (const g of grants) {
    if (evaluateCondition(g.statement.condition, ctx) === 'false') continue;
    if (isRestrictive(g.statement.condition, ['iam:PassedToService'])) continue;
    const resource = g.except ? '*' : g.resource;
    let worth: string[];
    if (hasWildcard(resolveVariables(resource))) {
      worth = [resource]; // roles created later or outside the model may match
    } else {
      const roles = roleIndex(model, memo).get(resolveVariables(resource)) ?? [];
      worth = roles.length === 0 ? [resource] : roles.filter((r) => !grantsNothingNew(identity, r, memo)).map((r) => r.name);
    }
    if (worth.length === 0) continue;
    use.statements.push(g.statement);
    use.resources.push(resource);
    use.roles.push(...worth);
    use.conditional ||= g.conditional;
  }
  return use.statements.length > 0 ? use : undefined;
}

/** Every catalogued technique the principal can carry out. */
export function escalationPaths(identity: Identity, model: Model, memo: Memo = noMemo): EscalationPath[] {
  return memo(`iam:escalation:${identity.id}`, () => {
    const perms = principalPermissionsFor(identity, TECHNIQUE_ACTIONS, memo, 'escalation');
    const passRoleGrants = perms.actions.get('iam:PassRole')?.grants ?? [];
    const passCache = new Map<string, PassRoleUse | undefined>();
    const paths: EscalationPath[] = [];
    for (const t of TECHNIQUES) {
      const steps: EscalationStep[] = [];
      let conditional = false;
      let ok = true;
      for (const action of t.actions) {
        const grants = (perms.actions.get(action)?.grants ?? []).filter((g) => usableFor(t, identity, g));
        if (grants.length === 0) {
          ok = false;
          break;
        }
        conditional ||= grants.some((g) => g.conditional);
        steps.push({ action, statements: [...new Set(grants.map((g) => g.statement))], resources: [...new Set(grants.map((g) => g.resource))] });
      }
      if (!ok) continue;
      let passableRoles: string[] | undefined;
      if (t.passRoleTo) {
        if (!passCache.has(t.passRoleTo)) passCache.set(t.passRoleTo, passRoleUse(identity, model, passRoleGrants, t.passRoleTo, memo));
        const use = passCache.get(t.passRoleTo);
        if (!use) continue;
        steps.unshift({ action: 'iam:PassRole', statements: [...new Set(use.statements)], resources: [...new Set(use.resources)] });
        conditional ||= use.conditional;
        passableRoles = [...new Set(use.roles)];
      }
      paths.push({ technique: t, steps, conditional, ...(passableRoles ? { passableRoles } : {}) });
    }
    return paths;
  });
}
