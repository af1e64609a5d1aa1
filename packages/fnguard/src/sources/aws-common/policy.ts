/**
 * IAM policy JSON (identity, resource and trust policies) → model PolicyDocument / Statement,
 * with the line of every statement. Values may contain CloudFormation intrinsics; they are
 * rendered with `render` so an unresolved `!GetAtt Table.Arn` becomes the string `${Table.Arn}`.
 *
 * Used by the CloudFormation, Serverless and Terraform sources: keep the signatures stable.
 */
import type { Location, PolicyDocument, Statement } from '../../model/types.js';
import { render, isPlainObject, isSpecific, type RefResolver, type Rendered } from './values.js';

/** Anything that can tell the line of a container or of one of its keys/items (StructuredDoc does). */
export interface Locator {
  loc(container: unknown, key?: string | number): Location;
}

export interface PolicyOptions {
  resolver?: RefResolver;
  /** Location used when the document has no positions (a policy given as a JSON string). */
  fallback?: Location;
  /** Told about statements that could not be read. */
  onWarn?(message: string, loc: Location): void;
}

/**
 * Convert a policy document (`{Version, Statement}` object, or its JSON text) to a PolicyDocument.
 * The document's loc is `at.loc(value)` (or `opts.fallback` for text / position-less values).
 */
export function policyFromJson(
  value: unknown,
  at: Locator,
  name: string,
  kind: PolicyDocument['kind'],
  opts: PolicyOptions = {},
): PolicyDocument {
  let doc = value;
  let locator = at;
  const base = opts.fallback ?? at.loc(value);
  if (typeof value === 'string') {
    // A JSON string (Terraform heredoc, CloudFormation policy given as text): lines inside are unknown.
    try {
      doc = JSON.parse(value) as unknown;
    } catch {
      opts.onWarn?.(`policy ${name} is not valid JSON`, base);
      return { name, loc: base, statements: [], kind };
    }
    locator = { loc: () => base };
  }
  const out: PolicyDocument = { name, loc: base, statements: [], kind };
  if (!isPlainObject(doc)) {
    opts.onWarn?.(`policy ${name} is not an object`, base);
    return out;
  }
  const stmts = doc['Statement'];
  if (Array.isArray(stmts)) {
    out.statements = statementsFromJson(stmts, locator, opts);
  } else if (isPlainObject(stmts)) {
    const s = statementFromJson(stmts, locator.loc(doc, 'Statement'), opts);
    if (s) out.statements.push(s);
  }
  return out;
}

/** A list of statements (serverless `iamRoleStatements`, a document's `Statement` array). */
export function statementsFromJson(list: unknown, at: Locator, opts: PolicyOptions = {}): Statement[] {
  if (!Array.isArray(list)) return [];
  const out: Statement[] = [];
  list.forEach((item, i) => {
    const s = statementFromJson(item, at.loc(list, i), opts);
    if (s) out.push(s);
  });
  return out;
}

/** One statement; undefined (and a warning) when it is not an object. */
export function statementFromJson(v: unknown, loc: Location, opts: PolicyOptions = {}): Statement | undefined {
  if (!isPlainObject(v)) {
    opts.onWarn?.('IAM statement is not an object', loc);
    return undefined;
  }
  const r = opts.resolver ?? {};
  let partial = false;
  const strings = (x: unknown): string[] => {
    const res = renderList(x, r);
    if (res.partial) partial = true;
    return res.items;
  };
  // `${Table.Arn}` is a specific resource; a parameter or import could be anything.
  const resources = (x: unknown): string[] => {
    const res = renderList(x, r, true);
    if (res.partial) partial = true;
    return res.items;
  };
  const effectText = render(field(v, 'Effect'), r).value;
  const s: Statement = { effect: effectText?.toLowerCase() === 'deny' ? 'Deny' : 'Allow', loc };
  if (effectText === undefined) partial = true;
  const sid = render(field(v, 'Sid'), r).value;
  if (sid) s.sid = sid;
  if (has(v, 'NotAction')) s.notAction = strings(field(v, 'NotAction'));
  else s.action = strings(field(v, 'Action'));
  if (has(v, 'NotResource')) s.notResource = resources(field(v, 'NotResource'));
  else if (has(v, 'Resource')) s.resource = resources(field(v, 'Resource'));
  if (has(v, 'Principal')) s.principal = principal(field(v, 'Principal'), r);
  if (has(v, 'NotPrincipal')) s.notPrincipal = principal(field(v, 'NotPrincipal'), r);
  const cond = field(v, 'Condition');
  if (isPlainObject(cond)) {
    s.condition = {};
    for (const [op, byKey] of Object.entries(cond)) {
      if (!isPlainObject(byKey)) continue;
      const keys: Record<string, string[]> = {};
      for (const [k, vals] of Object.entries(byKey)) keys[k] = strings(vals);
      s.condition[op] = keys;
    }
  }
  if (partial) s.partial = true;
  return s;
}

/** Keys are case-sensitive in IAM, but serverless users often write `effect`/`action`; accept both. */
function field(v: Record<string, unknown>, key: string): unknown {
  if (key in v) return v[key];
  const lower = key[0]!.toLowerCase() + key.slice(1);
  return v[lower];
}

function has(v: Record<string, unknown>, key: string): boolean {
  return field(v, key) !== undefined;
}

/**
 * Render a string-or-list field. `Fn::If` inside a list contributes both branches (either may be
 * deployed), and the statement is marked partial. With `specificOk`, expressions naming only
 * resources of the template (`${Table.Arn}`) do not make the result partial.
 */
export function renderList(x: unknown, r: RefResolver = {}, specificOk = false): { items: string[]; partial: boolean } {
  if (x === undefined || x === null) return { items: [], partial: false };
  const items: string[] = [];
  let partial = false;
  const add = (el: unknown): void => {
    if (isPlainObject(el) && 'Fn::If' in el && Array.isArray(el['Fn::If']) && el['Fn::If'].length === 3) {
      partial = true;
      const branches = el['Fn::If'] as unknown[];
      for (const b of branches.slice(1)) (Array.isArray(b) ? b : [b]).forEach(add);
      return;
    }
    const out: Rendered = render(el, r);
    if (out.noValue) return;
    if (out.value !== undefined) items.push(out.value);
    else {
      const expr = out.expr ?? '${…}';
      if (!(specificOk && isSpecific(expr, r))) partial = true;
      items.push(expr);
    }
  };
  (Array.isArray(x) ? x : [x]).forEach(add);
  return { items, partial };
}

function principal(v: unknown, r: RefResolver): '*' | Record<string, string[]> {
  if (v === '*') return '*';
  const out: Record<string, string[]> = {};
  if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v)) out[k] = renderList(x, r).items;
  } else {
    out['AWS'] = renderList(v, r).items;
  }
  return out;
}
