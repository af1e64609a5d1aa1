// One walk over a parsed payload: structural limits (depth, key count, string length), prototype-
// pollution keys, NoSQL operator keys, and the injection detectors on every key and string value.

import { isOperatorKey } from '../detectors/nosql.js';
import { DOLLAR, N, P, S, U, US, classes } from '../detectors/chars.js';
import { scanString, type DetectorName } from '../detectors/index.js';
import type { Action, SecurityFinding } from '../events/ocsf.js';

export interface Limits {
  /** Maximum raw body size in bytes (HTTP) or message size (queues). Default 1 MiB. */
  maxBodyBytes: number;
  /** Maximum nesting depth of objects/arrays. Default 32. */
  maxDepth: number;
  /** Maximum number of keys + array items in one payload. Default 2000. */
  maxKeys: number;
  /** Maximum length of one string value. Default 65536. */
  maxStringLength: number;
}
export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 1_048_576, maxDepth: 32, maxKeys: 2000, maxStringLength: 65_536 };

export type Mode = 'block' | 'monitor' | 'off';

export interface WalkConfig {
  limits: Limits;
  /** Detectors switched on, and the action each one takes. */
  enabled: readonly DetectorName[];
  modes: Readonly<Record<DetectorName, Mode>>;
  /** Action for structural problems (limits, prototype keys). */
  structural: Action;
}

export interface WalkState { keys: number; findings: SecurityFinding[]; stop: boolean }

/** Letters both "constructor" and "prototype" contain, among those `classes` records (case-folded). */
const PROTO_LETTERS = P | N | S | U;

function protoKey(k: string): boolean {
  return k === '__proto__' || k.includes('__proto__') || (k.includes('constructor') && k.includes('prototype'));
}

function add(st: WalkState, f: SecurityFinding): void {
  st.findings.push(f);
  // enough evidence to decide; stop scanning a hostile payload early
  if (f.action === 'blocked') st.stop = true;
}

export function scanText(s: string, location: string, cfg: WalkConfig, st: WalkState, detectors: readonly DetectorName[] = cfg.enabled): void {
  walk(s, location, cfg, st, 0, detectors);
}

// Walks are synchronous and never nested, so one location stack serves them all (no array per call).
// Segments: the first `base` are verbatim text, then a number is an array index, KEY_MARK means "the
// key itself", and a string is an object key.
const PATH: Array<string | number> = [];
let base = 1;
const KEY_MARK = -1;

/**
 * Walks `v`; findings accumulate in `st`. Recursion is bounded by `maxDepth`. The location is
 * `location + name` (`name` saves building "headers.user-agent" for every clean header).
 */
export function walk(v: unknown, location: string, cfg: WalkConfig, st: WalkState, depth = 0, detectors: readonly DetectorName[] = cfg.enabled, name?: string): void {
  if (st.stop) return;
  // pop rather than `length = 0`: setting an array's length is a slow runtime call in V8, paid per header
  while (PATH.length > 0) PATH.pop();
  PATH.push(location);
  if (name !== undefined) PATH.push(name);
  base = PATH.length;
  walkAt(v, PATH, cfg, st, depth, detectors);
}

// The location is kept as a stack of segments and formatted only when a finding needs it: building a
// string for every key of every clean payload was a measurable share of the per-invocation cost.
function where(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as string | number;
    if (i < base) out += seg;
    else if (seg === KEY_MARK) out += '(key)';
    else if (typeof seg === 'number') out += `[${seg}]`;
    else out += seg.length > 64 ? `.${seg.slice(0, 64)}…` : `.${seg}`;
  }
  return out;
}

function walkAt(v: unknown, path: Array<string | number>, cfg: WalkConfig, st: WalkState, depth: number, detectors: readonly DetectorName[]): void {
  if (st.stop) return;
  if (typeof v === 'string') { scanAt(v, path, cfg, st, detectors); return; }
  if (typeof v !== 'object' || v === null) return;
  if (depth >= cfg.limits.maxDepth) {
    add(st, { category: 'limits', rule: 'limits.depth', location: where(path), action: cfg.structural, severity: 'medium' });
    return;
  }
  if (Array.isArray(v)) {
    st.keys += v.length;
    if (st.keys > cfg.limits.maxKeys) { add(st, { category: 'limits', rule: 'limits.keys', location: where(path), action: cfg.structural, severity: 'medium' }); return; }
    for (let i = 0; i < v.length && !st.stop; i++) {
      path.push(i);
      walkAt(v[i], path, cfg, st, depth + 1, detectors);
      path.pop();
    }
    return;
  }
  const keys = Object.keys(v);
  st.keys += keys.length;
  if (st.keys > cfg.limits.maxKeys) { add(st, { category: 'limits', rule: 'limits.keys', location: where(path), action: cfg.structural, severity: 'medium' }); return; }
  for (const k of keys) {
    if (st.stop) return;
    path.push(k);
    const val = (v as Record<string, unknown>)[k];
    // one character pass per key serves all three checks: protoKey needs "_" or the letters of
    // "constructor" and "prototype", an operator key needs "$" (so most keys skip both exactly)
    const m = classes(k);
    if ((((m & US) !== 0 || (m & PROTO_LETTERS) === PROTO_LETTERS) && protoKey(k)) || (k === 'constructor' && typeof val === 'object' && val !== null && 'prototype' in val)) {
      add(st, { category: 'prototype', rule: 'prototype.key', location: where(path), action: cfg.structural, severity: 'high' });
    } else if (cfg.modes.nosql !== 'off' && (m & DOLLAR) !== 0 && isOperatorKey(k)) {
      add(st, { category: 'nosql', rule: 'nosql.operator-key', location: where(path), action: cfg.modes.nosql === 'block' ? 'blocked' : 'monitored', severity: 'high', evidence: k });
    } else {
      if (k.length > 1) { path.push(KEY_MARK); scanAt(k, path, cfg, st, detectors, m); path.pop(); }
      walkAt(val, path, cfg, st, depth + 1, detectors);
    }
    path.pop();
  }
}

function scanAt(s: string, path: ReadonlyArray<string | number>, cfg: WalkConfig, st: WalkState, detectors: readonly DetectorName[], m?: number): void {
  if (s.length > cfg.limits.maxStringLength) {
    add(st, { category: 'limits', rule: 'limits.string-length', location: where(path), action: cfg.structural, severity: 'medium' });
    return;
  }
  if (detectors.length === 0) return;
  // an undefined `m` takes scanString's default (its own character pass)
  const hits = scanString(s, detectors, m);
  if (hits.length === 0) return;
  const location = where(path);
  for (const h of hits) {
    const mode = cfg.modes[h.detector];
    if (mode === 'off') continue;
    add(st, { category: h.detector, rule: h.rule, location, action: mode === 'block' ? 'blocked' : 'monitored', severity: 'high', evidence: s });
  }
}
