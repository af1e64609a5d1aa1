/**
 * IAM `Condition` blocks: evaluation against a request context, a static satisfiability check
 * (a block that can never hold grants nothing) and a classification of what a block restricts.
 *
 * Decision on "conditional" grants (used by the rules): a statement whose condition can hold is
 * *restrictive* when it requires, with a positive operator, a value of a key the caller cannot
 * choose (network origin, MFA, principal or resource identity and tags, calling service, or a
 * service-specific key such as `iam:PassedToService`). Such grants are not reported as broad or as
 * escalation steps. Conditions only on keys the caller controls (request tags, region, TLS,
 * time, user agent) or only with negated operators are *permissive*: the grant is still reported,
 * marked conditional.
 */
import { patternCovers, wildcardMatch } from './match.js';

export type ConditionBlock = Record<string, Record<string, string[]>>;
export type Tri = 'true' | 'false' | 'unknown';

interface ParsedOp {
  /** Operator without set prefix and IfExists suffix, e.g. `StringEquals`. */
  base: string;
  set?: 'ForAllValues' | 'ForAnyValue';
  ifExists: boolean;
  negated: boolean;
}

const KNOWN_BASES = new Set([
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
]);

export function parseOperator(op: string): ParsedOp | undefined {
  let rest = op.trim();
  let set: ParsedOp['set'];
  const m = /^(ForAllValues|ForAnyValue):/i.exec(rest);
  if (m) {
    set = m[1]!.toLowerCase() === 'forallvalues' ? 'ForAllValues' : 'ForAnyValue';
    rest = rest.slice(m[0].length);
  }
  let ifExists = false;
  if (/IfExists$/i.test(rest)) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = [...KNOWN_BASES].find((b) => b.toLowerCase() === rest.toLowerCase());
  if (!base) return undefined;
  return { base, set, ifExists, negated: /Not(Equals|Like|IpAddress)/.test(base) };
}

// ------------------------------------------------------------------ single value tests

function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

/** IPv4 CIDR as [first, last] address; undefined for anything else (IPv6 is not analysed). */
export function cidrRange(cidr: string): [number, number] | undefined {
  const [ip, bitsText] = cidr.trim().split('/');
  const base = parseIPv4(ip ?? '');
  if (base === undefined) return undefined;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  const first = Math.floor(base / size) * size;
  return [first, first + size - 1];
}

function toNumber(s: string): number | undefined {
  const n = Number(s);
  return s.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

function toDate(s: string): number | undefined {
  const n = toNumber(s);
  if (n !== undefined) return n * 1000;
  const d = Date.parse(s);
  return Number.isNaN(d) ? undefined : d;
}

/** Whether one request value satisfies one policy value under the positive form of `base`. */
function positiveTest(base: string, policyValue: string, value: string): boolean {
  switch (base.replace('Not', '')) {
    case 'StringEquals':
    case 'ArnEquals':
    case 'BinaryEquals':
      return policyValue === value;
    case 'StringEqualsIgnoreCase':
    case 'Bool':
      return policyValue.toLowerCase() === value.toLowerCase();
    case 'StringLike':
    case 'ArnLike':
      return wildcardMatch(policyValue, value);
    case 'IpAddress': {
      const r = cidrRange(policyValue);
      const ip = parseIPv4(value);
      return r !== undefined && ip !== undefined ? ip >= r[0] && ip <= r[1] : policyValue.trim() === value.trim();
    }
    default:
      break;
  }
  const numeric = base.startsWith('Numeric');
  const a = numeric ? toNumber(value) : toDate(value);
  const b = numeric ? toNumber(policyValue) : toDate(policyValue);
  if (a === undefined || b === undefined) return false;
  const cmp = base.replace(/^(Numeric|Date)(Not)?/, '');
  switch (cmp) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThan':
      return a > b;
    case 'GreaterThanEquals':
      return a >= b;
    default:
      return false;
  }
}

/** One request value against the whole value list of one operator (OR of values, negation applied). */
function valueSatisfies(op: ParsedOp, values: string[], value: string): boolean {
  const any = values.some((v) => positiveTest(op.base, v, value));
  return op.negated ? !any : any;
}

// ------------------------------------------------------------------ evaluation

function lookup(context: Record<string, string | string[]>, key: string): string[] | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === lower) return Array.isArray(v) ? v : [v];
  return undefined;
}

function evalEntry(op: ParsedOp, values: string[], ctxValues: string[] | undefined): boolean {
  if (op.base === 'Null') {
    const absent = ctxValues === undefined || ctxValues.length === 0;
    return values.some((v) => (v.toLowerCase() === 'true' ? absent : !absent));
  }
  if (ctxValues === undefined) {
    if (op.set === 'ForAllValues') return true;
    return op.ifExists || op.negated;
  }
  if (op.set === 'ForAllValues') return ctxValues.every((v) => valueSatisfies(op, values, v));
  return ctxValues.some((v) => valueSatisfies(op, values, v));
}

/**
 * Evaluate a condition block. Keys present in `context` are evaluated as IAM does; keys absent
 * from it are *unknown* (static analysis: the value at run time is not known), unless `strict`
 * is set, in which case they are absent (IAM semantics). An unknown key makes the result
 * 'unknown' unless another entry is already false.
 */
export function evaluateCondition(cond: ConditionBlock | undefined, context: Record<string, string | string[]> = {}, strict = false): Tri {
  if (!cond) return 'true';
  if (!isSatisfiable(cond)) return 'false';
  let unknown = false;
  for (const [opText, entries] of Object.entries(cond)) {
    const op = parseOperator(opText);
    for (const [key, values] of Object.entries(entries ?? {})) {
      if (!op) {
        unknown = true;
        continue;
      }
      const ctxValues = lookup(context, key);
      if (ctxValues === undefined && !strict) {
        unknown = true;
        continue;
      }
      if (!evalEntry(op, values, ctxValues)) return 'false';
    }
  }
  return unknown ? 'unknown' : 'true';
}

// ------------------------------------------------------------------ satisfiability

interface Constraint {
  op: ParsedOp;
  values: string[];
}

const satCache = new WeakMap<object, { ok: boolean; reason?: string }>();

/** Why a condition block can never hold, or undefined when it can. */
export function whyUnsatisfiable(cond: ConditionBlock | undefined): string | undefined {
  if (!cond) return undefined;
  let hit = satCache.get(cond);
  if (!hit) {
    const reason = findContradiction(cond);
    hit = reason ? { ok: false, reason } : { ok: true };
    satCache.set(cond, hit);
  }
  return hit.reason;
}

export function isSatisfiable(cond: ConditionBlock | undefined): boolean {
  return whyUnsatisfiable(cond) === undefined;
}

function findContradiction(cond: ConditionBlock): string | undefined {
  const byKey = new Map<string, { key: string; list: Constraint[] }>();
  for (const [opText, entries] of Object.entries(cond)) {
    const op = parseOperator(opText);
    if (!op || op.set) continue;
    for (const [key, raw] of Object.entries(entries ?? {})) {
      const values = Array.isArray(raw) ? raw.map(String) : [String(raw)];
      const lk = key.toLowerCase();
      let e = byKey.get(lk);
      if (!e) byKey.set(lk, (e = { key, list: [] }));
      e.list.push({ op, values });
    }
  }
  for (const { key, list } of byKey.values()) {
    const reason = contradiction(key, list);
    if (reason) return reason;
  }
  return undefined;
}

const EQUALITY = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'Bool', 'ArnEquals', 'NumericEquals', 'DateEquals', 'BinaryEquals']);

function contradiction(key: string, list: Constraint[]): string | undefined {
  const opName = (c: Constraint): string => `${c.op.base}${c.op.ifExists ? 'IfExists' : ''}`;
  // The key must be present for every positive operator without IfExists.
  const requiresPresence = list.filter((c) => c.op.base !== 'Null' && !c.op.negated && !c.op.ifExists);
  for (const c of requiresPresence) {
    if (c.values.length === 0) return `${opName(c)} on ${key} has no values, so it never matches`;
  }
  const nulls = list.filter((c) => c.op.base === 'Null' && c.values.length > 0);
  for (const n of nulls) {
    const wantsAbsent = n.values.every((v) => v.toLowerCase() === 'true');
    if (wantsAbsent && requiresPresence.length > 0) {
      return `Null requires ${key} to be absent while ${opName(requiresPresence[0]!)} requires it present`;
    }
  }
  if (requiresPresence.length === 0) return undefined;
  // Candidate values from an equality operator must pass every other constraint on the key.
  const seed = requiresPresence.find((c) => EQUALITY.has(c.op.base));
  if (seed) {
    const others = list.filter((c) => c !== seed && c.op.base !== 'Null');
    const ok = seed.values.some((v) => others.every((c) => valueSatisfies(c.op, c.values, v)));
    if (!ok) return `no value of ${key} satisfies both ${opName(seed)} ${JSON.stringify(seed.values)} and the other operators on it`;
    return undefined;
  }
  // Numeric and date ranges.
  for (const family of ['Numeric', 'Date'] as const) {
    const parse = family === 'Numeric' ? toNumber : toDate;
    let lo = -Infinity;
    let loStrict = false;
    let hi = Infinity;
    let hiStrict = false;
    for (const c of requiresPresence) {
      if (!c.op.base.startsWith(family)) continue;
      const nums = c.values.map(parse).filter((n): n is number => n !== undefined);
      if (nums.length === 0) continue;
      const cmp = c.op.base.slice(family.length);
      if (cmp === 'GreaterThan' || cmp === 'GreaterThanEquals') {
        const v = Math.min(...nums);
        if (v > lo || (v === lo && cmp === 'GreaterThan')) [lo, loStrict] = [v, cmp === 'GreaterThan'];
      } else if (cmp === 'LessThan' || cmp === 'LessThanEquals') {
        const v = Math.max(...nums);
        if (v < hi || (v === hi && cmp === 'LessThan')) [hi, hiStrict] = [v, cmp === 'LessThan'];
      }
    }
    if (lo > hi || (lo === hi && (loStrict || hiStrict))) return `${family} range on ${key} is empty`;
  }
  // Addresses: every allowed range inside an excluded range.
  const inRanges = requiresPresence.filter((c) => c.op.base === 'IpAddress').flatMap((c) => c.values.map(cidrRange));
  const outRanges = list.filter((c) => c.op.base === 'NotIpAddress').flatMap((c) => c.values.map(cidrRange));
  if (inRanges.length > 0 && inRanges.every((r) => r !== undefined && outRanges.some((o) => o !== undefined && o[0] <= r[0] && r[1] <= o[1]))) {
    return `every address allowed by IpAddress on ${key} is excluded by NotIpAddress`;
  }
  // Patterns: every allowed pattern covered by an excluded one.
  for (const [pos, neg] of [['StringLike', 'StringNotLike'], ['ArnLike', 'ArnNotLike']] as const) {
    const allowed = requiresPresence.filter((c) => c.op.base === pos);
    const excluded = list.filter((c) => c.op.base === neg).flatMap((c) => c.values);
    for (const c of allowed) {
      if (c.values.every((p) => excluded.some((x) => patternCovers(x, p)))) return `every ${pos} pattern on ${key} is excluded by ${neg}`;
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ restrictiveness

/** `aws:` keys whose value the caller of an API cannot choose. Service-specific keys count too. */
const BOUND_GLOBAL_KEYS = [
  'aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:vpcsourceip', 'aws:multifactorauthpresent', 'aws:multifactorauthage',
  'aws:principalarn', 'aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principaltag/*',
  'aws:principaltype', 'aws:principalisawsservice', 'aws:principalservicename', 'aws:userid', 'aws:username',
  'aws:resourcetag/*', 'aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths', 'aws:sourcearn',
  'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast',
  'aws:viaawsservice', 'aws:sourceidentity', 'aws:federatedprovider', 'aws:ec2instancesourcevpc', 'aws:ec2instancesourceprivateipv4',
];

export function isBoundKey(key: string): boolean {
  const k = key.toLowerCase();
  if (!k.startsWith('aws:')) return true;
  return BOUND_GLOBAL_KEYS.some((b) => wildcardMatch(b, k));
}

/** Keys the block restricts with a positive operator (ignoring `skipKeys`), and whether any is bound. */
export function isRestrictive(cond: ConditionBlock | undefined, skipKeys: readonly string[] = []): boolean {
  if (!cond) return false;
  const skip = new Set(skipKeys.map((k) => k.toLowerCase()));
  for (const [opText, entries] of Object.entries(cond)) {
    const op = parseOperator(opText);
    if (!op || op.negated || op.base === 'Null') continue;
    for (const key of Object.keys(entries ?? {})) {
      if (!skip.has(key.toLowerCase()) && isBoundKey(key)) return true;
    }
  }
  return false;
}

/** Condition keys named in a block (lower case). */
export function conditionKeysOf(cond: ConditionBlock | undefined): string[] {
  if (!cond) return [];
  return [...new Set(Object.values(cond).flatMap((e) => Object.keys(e ?? {}).map((k) => k.toLowerCase())))];
}
