/**
 * Least-privilege policy from the permissions the code needs, and its verification by the IAM
 * engine: every needed (action, resource) must be allowed, and nothing else — no wildcard
 * action, no action no call needs, no other action of the same services, no resource that no
 * call named.
 */
import type { Location, PolicyDocument } from '../../../model/types.js';
import { actionInfo, expandActionPattern } from '../actions.js';
import { evaluate } from '../evaluate.js';
import { hasWildcard, patternCovers } from '../match.js';
import type { RequiredPermission } from './map.js';

export interface GeneratedStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
}

export interface GeneratedPolicy {
  Version: '2012-10-17';
  Statement: GeneratedStatement[];
}

/** Drop resources covered by a wider one of the same list (`b/*` makes `b/key` redundant). */
function minimise(resources: Iterable<string>): string[] {
  const all = [...new Set(resources)].sort();
  if (all.includes('*')) return ['*'];
  return all.filter((r) => !all.some((o) => o !== r && patternCovers(o, r)));
}

function sidBase(actions: string[]): string {
  const services = [...new Set(actions.map((a) => a.split(':')[0]!))];
  return services.map((s) => s.split(/[^a-zA-Z0-9]/).map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : '')).join('')).join('') || 'Statement';
}

/** One statement per distinct resource set, actions sorted; Sids from the services. */
export function buildPolicy(perms: readonly RequiredPermission[]): GeneratedPolicy {
  const byAction = new Map<string, Set<string>>();
  for (const p of perms) {
    const set = byAction.get(p.action) ?? new Set<string>();
    for (const r of p.resources) set.add(r);
    byAction.set(p.action, set);
  }
  const groups = new Map<string, { actions: string[]; resources: string[] }>();
  for (const [action, res] of [...byAction].sort(([a], [b]) => a.localeCompare(b))) {
    const resources = minimise(res);
    const key = resources.join('\n');
    const g = groups.get(key) ?? { actions: [], resources };
    g.actions.push(action);
    groups.set(key, g);
  }
  const used = new Map<string, number>();
  const statements: GeneratedStatement[] = [];
  const ordered = [...groups.values()].sort((a, b) => a.actions[0]!.localeCompare(b.actions[0]!) || a.resources[0]!.localeCompare(b.resources[0]!));
  for (const g of ordered) {
    const base = sidBase(g.actions);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    statements.push({ Sid: `${base}Access${n === 1 ? '' : n}`, Effect: 'Allow', Action: g.actions, Resource: g.resources });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The generated policy in the model's shape, so the IAM engine can evaluate it. */
export function asPolicyDocument(policy: GeneratedPolicy, name: string, loc: Location): PolicyDocument {
  return {
    name,
    loc,
    kind: 'inline',
    statements: policy.Statement.map((s) => ({ sid: s.Sid, effect: s.Effect, action: [...s.Action], resource: [...s.Resource], loc })),
  };
}

export interface Verification {
  ok: boolean;
  /** One line per problem (empty when ok). */
  problems: string[];
  /** Requests evaluated. */
  checked: number;
}

/**
 * Re-evaluate the policy with the IAM engine. Each call's (action, resource) must be allowed;
 * no action outside the needed set may be allowed on any resource the policy names.
 */
export function verifyPolicy(policy: GeneratedPolicy, perms: readonly RequiredPermission[], loc: Location): Verification {
  const doc = [asPolicyDocument(policy, 'generated', loc)];
  const problems: string[] = [];
  let checked = 0;
  const needed = new Map<string, Set<string>>();
  for (const p of perms) {
    const set = needed.get(p.action) ?? new Set<string>();
    for (const r of p.resources) {
      set.add(r);
      checked++;
      const d = evaluate(doc, { action: p.action, resource: r });
      if (d.decision !== 'allowed') problems.push(`${p.action} on ${r} (${p.call.loc.file}:${p.call.loc.line}) is not allowed: ${d.decision}`);
    }
    needed.set(p.action, set);
  }
  const services = new Set<string>();
  const resources = new Set<string>();
  for (const s of policy.Statement) {
    for (const a of s.Action) {
      services.add(a.split(':')[0]!);
      if (hasWildcard(a)) problems.push(`${s.Sid}: wildcard action ${a}`);
      else if (!actionInfo(a)) problems.push(`${s.Sid}: ${a} is not an IAM action`);
      else if (!needed.has(a)) problems.push(`${s.Sid}: ${a} is not needed by any call`);
      for (const r of s.Resource) {
        resources.add(r);
        const wanted = needed.get(a);
        if (wanted && !wanted.has(r)) problems.push(`${s.Sid}: ${a} on ${r} is not needed by any call`);
      }
    }
  }
  for (const svc of services) {
    for (const a of expandActionPattern(`${svc}:*`)) {
      if (needed.has(a)) continue;
      for (const r of resources) {
        checked++;
        if (evaluate(doc, { action: a, resource: r }).decision === 'allowed') problems.push(`${a} on ${r} is allowed but no call needs it`);
      }
    }
  }
  return { ok: problems.length === 0, problems, checked };
}
