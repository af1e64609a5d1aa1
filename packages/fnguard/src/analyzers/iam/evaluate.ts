/**
 * IAM policy evaluation for one principal, written on the dataset (no third-party evaluator):
 * every identity policy of the principal combines, an explicit Deny anywhere wins, NotAction /
 * NotResource allow everything they do not name, resources match with IAM wildcards, conditions
 * are honoured (see conditions.ts), and a permissions boundary — when its document is in the
 * list (kind 'boundary') — must allow the request too.
 *
 * Static mode: condition keys absent from `req.context` are unknown. An Allow whose condition
 * depends on unknown keys still allows, and the result says `conditional`; a Deny whose condition
 * depends on unknown keys is not applied (it may not hold) and is listed in `conditionalDenies`.
 * Set `strictContext` for IAM's run-time semantics (absent keys are absent).
 */
import type { PolicyDocument, Statement } from '../../model/types.js';
import { accessLevelOf, actionMatches, canonicalAction, expandActionPattern, expandedSet, isCanonical } from './actions.js';
import { evaluateCondition, isRestrictive, isSatisfiable } from './conditions.js';
import { hasWildcard, patternCovers, patternsOverlap, wildcardMatch } from './match.js';

export type Decision = 'allowed' | 'explicit-deny' | 'implicit-deny';

export interface EvalRequest {
  action: string;
  /** A concrete ARN, or a pattern meaning "all of these" (`*` = every resource). */
  resource: string;
  context?: Record<string, string | string[]>;
  /** Absent context keys are absent (IAM run-time semantics) instead of unknown. */
  strictContext?: boolean;
}

export interface EvalResult {
  decision: Decision;
  /** Allowing statements (allowed), denying statements (explicit-deny), or none. */
  statements: Statement[];
  /** The allow depends on condition keys whose value is not known statically. */
  conditional: boolean;
  /** Every allowing statement has a restrictive condition (see conditions.ts). */
  restrictive: boolean;
  /** Deny statements that would apply if their (unknown) conditions hold. */
  conditionalDenies: Statement[];
}

const IDENTITY_KINDS = new Set<PolicyDocument['kind']>(['inline', 'managed']);

/**
 * `${aws:username}`-style policy variables, and CloudFormation pseudo parameters left unresolved by
 * a source (`${AWS::Region}`); `${*}`, `${?}`, `${$}` are escapes for the literal character.
 */
const VARIABLE_RE = /\$\{([A-Za-z0-9.-]+::?[^}]+|\*|\?|\$)\}/g;

/** Whether a resource names the requesting principal itself (`${aws:username}`, `${aws:userid}`). */
export function namesSelf(pattern: string): boolean {
  return /\$\{aws:(username|userid)\}/i.test(pattern);
}

/** Replace variables by their context value, or by `*` when unknown. */
export function resolveVariables(pattern: string, context: Record<string, string | string[]> = {}): string {
  if (!pattern.includes('${')) return pattern;
  return pattern.replace(VARIABLE_RE, (_m, name: string) => {
    if (name === '*' || name === '?' || name === '$') return name; // literal escapes; close enough for matching
    const v = Object.entries(context).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return typeof v === 'string' ? v : '*';
  });
}

/** Per statement: the expanded sets of its Action / NotAction patterns (`null` for a bare `*`). */
const statementSets = new WeakMap<Statement, (ReadonlySet<string> | null)[]>();

function patternSets(st: Statement, patterns: string[]): (ReadonlySet<string> | null)[] {
  let sets = statementSets.get(st);
  if (!sets) {
    sets = patterns.map((p) => (p.trim() === '*' ? null : expandedSet(p)));
    statementSets.set(st, sets);
  }
  return sets;
}

/** Whether a concrete action in the dataset's canonical spelling is named by the patterns (set look-ups). */
function namedByCanonical(st: Statement, patterns: string[], action: string): boolean {
  for (const set of patternSets(st, patterns)) if (set === null || set.has(action)) return true;
  return false;
}

const canonicalCache = new Map<string, boolean>();

function canonical(action: string): boolean {
  let c = canonicalCache.get(action);
  if (c === undefined) {
    c = isCanonical(action);
    canonicalCache.set(action, c);
  }
  return c;
}

/** `known`: the action is spelled as the dataset's canonical name (then set look-ups suffice). */
function matches(st: Statement, action: string, known: boolean): boolean {
  const patterns = st.action ?? st.notAction;
  if (!patterns) return false;
  let named = false;
  if (known) named = namedByCanonical(st, patterns, action);
  else for (const p of patterns) if (actionMatches(p, action)) named = true;
  return st.action ? named : !named;
}

export function statementMatchesAction(st: Statement, action: string): boolean {
  return matches(st, action, canonical(action));
}

function resourceIn(pattern: string, resource: string): boolean {
  return hasWildcard(resource) ? patternCovers(pattern, resource) : wildcardMatch(pattern, resource);
}

export function statementMatchesResource(st: Statement, resource: string, context?: Record<string, string | string[]>): boolean {
  if (st.resource) return st.resource.some((p) => resourceIn(resolveVariables(p, context), resource));
  if (st.notResource) return !st.notResource.some((p) => patternsOverlap(resolveVariables(p, context), resource));
  return true;
}

/** Evaluate a flat list of statements (identity statements of one principal, or a trust policy). */
export function evaluateStatements(statements: readonly Statement[], req: EvalRequest): EvalResult {
  const allows: Statement[] = [];
  const denies: Statement[] = [];
  const conditionalDenies: Statement[] = [];
  let unconditionalAllow = false;
  let allRestrictive = true;
  for (const st of statements) {
    if (!statementMatchesAction(st, req.action) || !statementMatchesResource(st, req.resource, req.context)) continue;
    const cond = evaluateCondition(st.condition, req.context, req.strictContext);
    if (cond === 'false') continue;
    if (st.effect === 'Deny') {
      (cond === 'true' ? denies : conditionalDenies).push(st);
      continue;
    }
    allows.push(st);
    if (cond === 'true') {
      unconditionalAllow = true;
      allRestrictive = false;
    } else if (!isRestrictive(st.condition, Object.keys(req.context ?? {}))) {
      allRestrictive = false;
    }
  }
  if (denies.length > 0) return { decision: 'explicit-deny', statements: denies, conditional: false, restrictive: false, conditionalDenies };
  if (allows.length === 0) return { decision: 'implicit-deny', statements: [], conditional: false, restrictive: false, conditionalDenies };
  return { decision: 'allowed', statements: allows, conditional: !unconditionalAllow, restrictive: !unconditionalAllow && allRestrictive, conditionalDenies };
}

function identityStatements(policies: readonly PolicyDocument[]): Statement[] {
  return policies.filter((p) => IDENTITY_KINDS.has(p.kind)).flatMap((p) => p.statements);
}

function boundaryStatements(policies: readonly PolicyDocument[]): Statement[] | undefined {
  const b = policies.filter((p) => p.kind === 'boundary');
  return b.length > 0 ? b.flatMap((p) => p.statements) : undefined;
}

/** Decide one request against the identity policies of a principal (and its boundary, if given). */
export function evaluate(policies: PolicyDocument[], req: EvalRequest): EvalResult {
  const r = evaluateStatements(identityStatements(policies), req);
  const boundary = boundaryStatements(policies);
  if (r.decision !== 'allowed' || !boundary) return r;
  const b = evaluateStatements(boundary, req);
  if (b.decision === 'allowed') {
    return { ...r, conditional: r.conditional || b.conditional, restrictive: r.restrictive || b.restrictive, conditionalDenies: [...r.conditionalDenies, ...b.conditionalDenies] };
  }
  return { ...b, statements: b.decision === 'explicit-deny' ? b.statements : [] };
}

// ------------------------------------------------------------------ effective permissions

export interface ResourceGrant {
  /** Granted resource pattern as written (policy variables kept); `*` for a NotResource grant. */
  resource: string;
  /** For NotResource grants: the resources not granted. */
  except?: string[];
  statement: Statement;
  /** The grant depends on a condition that can hold but is not always true. */
  conditional: boolean;
  /** The condition is restrictive (see conditions.ts). */
  restrictive: boolean;
}

export interface ActionPermission {
  /** Concrete action, canonical casing. */
  action: string;
  accessLevel: string;
  /** Distinct granted resource patterns. */
  resources: string[];
  /** Statements that grant it. */
  statements: Statement[];
  grants: ResourceGrant[];
}

export interface EffectivePermissions {
  /** Allowed concrete actions (after Deny and boundary), keyed by canonical name. */
  actions: Map<string, ActionPermission>;
}

interface Prepared {
  allows: Statement[];
  denies: Statement[];
}

function prepare(statements: readonly Statement[]): Prepared {
  const allows: Statement[] = [];
  const denies: Statement[] = [];
  for (const st of statements) {
    if (!isSatisfiable(st.condition)) continue; // a condition that can never hold grants (or denies) nothing
    if (st.effect === 'Allow') allows.push(st);
    else if (!st.condition || Object.keys(st.condition).length === 0) denies.push(st);
  }
  return { allows, denies };
}

function statementGrants(st: Statement): ResourceGrant[] {
  const conditional = !!st.condition && Object.keys(st.condition).length > 0;
  const restrictive = conditional && isRestrictive(st.condition);
  if (st.notResource) return [{ resource: '*', except: st.notResource, statement: st, conditional, restrictive }];
  return (st.resource ?? ['*']).map((resource) => ({ resource, statement: st, conditional, restrictive }));
}

/** Whether a Deny statement removes all of a grant. */
function denyCovers(deny: Statement, g: ResourceGrant): boolean {
  const r = resolveVariables(g.resource);
  if (deny.resource) return deny.resource.some((d) => patternCovers(resolveVariables(d), r));
  if (deny.notResource) return g.except === undefined && !deny.notResource.some((n) => patternsOverlap(resolveVariables(n), r));
  return true;
}

/** Narrow a grant to what the boundary allows: kept, narrowed to a boundary pattern, or dropped. */
function intersect(g: ResourceGrant, boundaryGrants: ResourceGrant[]): ResourceGrant[] {
  const r = resolveVariables(g.resource);
  const out: ResourceGrant[] = [];
  for (const b of boundaryGrants) {
    const br = resolveVariables(b.resource);
    if (b.except === undefined && patternCovers(br, r)) return [g];
    if (b.except !== undefined && !b.except.some((x) => patternsOverlap(resolveVariables(x), r))) return [g];
    if (b.except === undefined && patternCovers(r, br)) out.push({ ...g, resource: b.resource, except: undefined });
  }
  return out;
}

function candidateActions(allows: Statement[]): Set<string> {
  const out = new Set<string>();
  for (const st of allows) {
    if (st.action) for (const p of st.action) for (const a of expandActionPattern(p)) out.add(a);
    else if (st.notAction) for (const a of expandActionPattern('*')) if (!st.notAction.some((p) => actionMatches(p, a))) out.add(a);
  }
  return out;
}

interface Granted {
  grants: ResourceGrant[];
  resources: string[];
  statements: Statement[];
}

/**
 * Grants of one action. Actions matched by the same allow, deny and boundary statements get the
 * same grants, so results are shared per statement signature (a `*` policy has one signature).
 */
/** Which allow and deny statements of `p` name the action ('' when no allow does). */
function signature(p: Prepared, action: string, known: boolean): string {
  let allow = 0n;
  for (let i = 0; i < p.allows.length; i++) if (matches(p.allows[i]!, action, known)) allow |= 1n << BigInt(i);
  if (allow === 0n) return '';
  let deny = 0n;
  for (let i = 0; i < p.denies.length; i++) if (matches(p.denies[i]!, action, known)) deny |= 1n << BigInt(i);
  return `${allow.toString(36)}/${deny.toString(36)}`;
}

function grantsFor(action: string, prep: Prepared, bprep: Prepared | undefined, cache: Map<string, Granted | null>): Granted | null {
  const known = canonical(action);
  const own = signature(prep, action, known);
  if (own === '') return null;
  const key = bprep ? `${own}|${signature(bprep, action, known)}` : own;
  let hit = cache.get(key);
  if (hit !== undefined) return hit;
  let grants = grantsOf(prep, action);
  if (grants.length > 0 && bprep) {
    const bgrants = grantsOf(bprep, action);
    grants = grants.flatMap((g) => intersect(g, bgrants));
  }
  hit = grants.length === 0 ? null : { grants, resources: [...new Set(grants.map((g) => g.resource))], statements: [...new Set(grants.map((g) => g.statement))] };
  cache.set(key, hit);
  return hit;
}

function grantsOf(prep: Prepared, action: string): ResourceGrant[] {
  let grants: ResourceGrant[] = [];
  for (const st of prep.allows) if (statementMatchesAction(st, action)) grants.push(...statementGrants(st));
  if (grants.length === 0) return grants;
  const denies = prep.denies.filter((d) => statementMatchesAction(d, action));
  if (denies.length > 0) grants = grants.filter((g) => !denies.some((d) => denyCovers(d, g)));
  return grants;
}

/**
 * What a principal can do: every concrete action its identity policies allow, with the granted
 * resource patterns and statements, after explicit Deny (unconditional Deny statements) and the
 * permissions boundary (when its document is among `policies`). Pass `actions` to compute only
 * those (much cheaper than expanding `*`).
 */
export function effectivePermissions(policies: PolicyDocument[], opts: { actions?: readonly string[] } = {}): EffectivePermissions {
  const prep = prepare(identityStatements(policies));
  const boundary = boundaryStatements(policies);
  const bprep = boundary ? prepare(boundary) : undefined;
  const wanted = opts.actions ? new Set(opts.actions.map(canonicalAction)) : candidateActions(prep.allows);
  const actions = new Map<string, ActionPermission>();
  const cache = new Map<string, Granted | null>();
  for (const action of wanted) {
    const granted = grantsFor(action, prep, bprep, cache);
    if (!granted) continue;
    actions.set(action, { action, accessLevel: accessLevelOf(action) ?? 'Unknown', ...granted });
  }
  return { actions };
}
