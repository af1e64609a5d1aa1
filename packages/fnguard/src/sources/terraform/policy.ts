/**
 * IAM policies written in Terraform: `jsonencode({...})`, heredoc or `file()` JSON, and
 * `data "aws_iam_policy_document"` blocks. All become model statements through the shared
 * aws-common converter, with the line of each statement in the file it was written in.
 */
import type { Location, PolicyDocument, Statement } from '../../model/types.js';
import { policyFromJson, statementFromJson, type Locator } from '../aws-common/policy.js';
import { Unresolved } from '../aws-common/values.js';
import { parseJson, StructuredDoc, type Plain } from '../structured.js';
import { ParseError, describeError } from '../../core/errors.js';
import type { Block } from './hcl.js';
import { Evaluator, JsonValue, PolicyDocValue, Unknown, isObj, locOf, positions, render, type Instance, type Ref, type Val } from './eval.js';

/** Our values → the plain shape the shared converter reads (unknowns as `Unresolved`), lines copied. */
function toPlain(v: Val, depth = 0, textUnknowns = false): unknown {
  if (depth > 60) return textUnknowns ? '${…}' : new Unresolved('${…}');
  if (v instanceof Unknown) return textUnknowns ? v.text : new Unresolved(v.text);
  if (v instanceof PolicyDocValue) return textUnknowns ? render(v) : new Unresolved(render(v));
  if (v instanceof JsonValue) return toPlain(v.value, depth + 1, textUnknowns);
  if (Array.isArray(v) || isObj(v)) {
    const out: unknown = Array.isArray(v)
      ? v.map((x) => toPlain(x, depth + 1, textUnknowns))
      : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x, depth + 1, textUnknowns)]));
    const pos = positions.get(v);
    if (pos) positions.set(out as object, pos);
    return out;
  }
  return v;
}

function locatorFor(file: string, fallback: Location): Locator {
  return {
    loc: (container, key) => locOf(container, key, { file, line: fallback.line }),
  };
}

/** JSON text from a heredoc or file(): parsed with lines shifted to where the text starts in its file. */
function parseJsonText(text: string, at: Location, ev: Evaluator): StructuredDoc | { error: string; loc: Location } {
  const origin = ev.origins.get(text);
  const file = origin?.file ?? at.file;
  const shift = origin ? origin.line - 1 : at.line - 1;
  let doc: StructuredDoc;
  try {
    doc = parseJson(text, file);
  } catch (err) {
    // Point at the offending line of the heredoc / file, not at the attribute.
    const line = err instanceof ParseError && err.line ? err.line + shift : undefined;
    return line ? { error: 'is not valid JSON', loc: { file, line } } : { error: `is not valid JSON: ${describeError(err)}`, loc: at };
  }
  const table: ConstructorParameters<typeof StructuredDoc>[2] = new WeakMap();
  const walk = (x: unknown, depth: number): void => {
    if (x === null || typeof x !== 'object' || depth > 60) return;
    const keys = new Map<string | number, number>();
    for (const k of Array.isArray(x) ? x.keys() : Object.keys(x)) keys.set(k, doc.loc(x, k).line + shift);
    table.set(x, { line: doc.loc(x).line + shift, column: 1, keys });
    for (const c of Object.values(x)) walk(c, depth + 1);
  };
  walk(doc.value, 0);
  return new StructuredDoc(file, doc.value, table);
}

/**
 * A JSON document given as `jsonencode({...})`, a heredoc or file() → a StructuredDoc whose lines
 * are lines of the file the JSON was written in (for readers shared with the JSON sources).
 */
export function structuredOf(v: Val, at: Location, ev: Evaluator): StructuredDoc | { error: string; loc: Location } {
  if (v instanceof JsonValue || isObj(v)) {
    const plain = toPlain(v, 0, true);
    const table: ConstructorParameters<typeof StructuredDoc>[2] = new WeakMap();
    const copy = (x: unknown, depth: number): void => {
      if (x === null || typeof x !== 'object' || depth > 60) return;
      const pos = positions.get(x);
      if (pos) table.set(x, { line: pos.line, column: 1, keys: pos.keys });
      for (const c of Object.values(x)) copy(c, depth + 1);
    };
    copy(plain, 0);
    return new StructuredDoc(at.file, plain as Plain, table);
  }
  const text = typeof v === 'string' ? v : v instanceof Unknown ? v.text : undefined;
  return text === undefined ? { error: `is not known statically (${render(v)})`, loc: at } : parseJsonText(text, at, ev);
}

export interface PolicyContext {
  ev: Evaluator;
  warn(message: string, loc: Location): void;
}

/**
 * A policy attribute's value → PolicyDocument. `at` is the attribute's location (used for the
 * document and for statements whose own line is unknown).
 */
export function policyFromValue(v: Val, name: string, kind: PolicyDocument['kind'], at: Location, pc: PolicyContext): PolicyDocument {
  const onWarn = (m: string, loc: Location) => pc.warn(m, loc);
  if (v instanceof PolicyDocValue) return { name, kind, loc: at, statements: v.statements.map((s) => ({ ...s })) };
  if (v instanceof JsonValue || isObj(v)) {
    const plain = toPlain(v);
    return { ...policyFromJson(plain, locatorFor(at.file, at), name, kind, { onWarn }), loc: at };
  }
  const text = typeof v === 'string' ? v : v instanceof Unknown ? v.text : undefined;
  if (text === undefined || (v instanceof Unknown && !/^\s*[{[]/.test(text))) {
    // A reference we cannot see through (an aws_iam_policy's arn, a variable…): an unknown document.
    return { name, kind, loc: at, statements: [] };
  }
  const doc = parseJsonText(text, at, pc.ev);
  if (!(doc instanceof StructuredDoc)) {
    pc.warn(`policy ${name} ${doc.error}`, doc.loc);
    return { name, kind, loc: at, statements: [] };
  }
  const lines: Locator = { loc: (c, k) => ({ file: doc.file, line: doc.loc(c, k).line }) };
  const out = { ...policyFromJson(doc.value, lines, name, kind, { onWarn }), loc: at };
  // Text built with unknown interpolations: `${…}` in an action is not a real action.
  for (const s of out.statements) {
    if ([...(s.action ?? []), ...(s.notAction ?? [])].some((a) => a.includes('${'))) s.partial = true;
  }
  return out;
}

/**
 * `data "aws_iam_policy_document"`: statements from its `statement` blocks (also `dynamic`
 * ones, marked partial), after those of `source_policy_documents` / `source_json`.
 */
export function policyDocumentStatements(block: Block, inst: Instance, file: string, pc: PolicyContext, ref: Ref): Statement[] {
  const out: Statement[] = [];
  const evalAttr = (b: Block, name: string): Val | undefined => {
    const a = b.body.attrs.get(name);
    return a ? pc.ev.eval(a.expr, inst, file) : undefined;
  };
  const here: Location = { file, line: block.line };
  for (const attr of ['source_policy_documents', 'source_json', 'override_policy_documents', 'override_json']) {
    const v = evalAttr(block, attr);
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      out.push(...policyFromValue(item, ref.addr, 'inline', { file, line: block.body.attrs.get(attr)!.line }, pc).statements);
    }
  }
  const stmtBlocks: Array<{ b: Block; dynamic: boolean }> = [];
  for (const b of block.body.blocks) {
    if (b.type === 'statement') stmtBlocks.push({ b, dynamic: false });
    else if (b.type === 'dynamic' && b.labels[0] === 'statement') {
      const content = b.body.blocks.find((c) => c.type === 'content');
      if (content) stmtBlocks.push({ b: content, dynamic: true });
    }
  }
  for (const { b, dynamic } of stmtBlocks) {
    const json: Record<string, unknown> = {};
    const set = (key: string, attr: string) => {
      const v = evalAttr(b, attr);
      if (v !== undefined && v !== null) json[key] = toPlain(v);
    };
    set('Sid', 'sid');
    set('Effect', 'effect');
    if (json['Effect'] === undefined) json['Effect'] = 'Allow';
    set('Action', 'actions');
    set('NotAction', 'not_actions');
    set('Resource', 'resources');
    set('NotResource', 'not_resources');
    const principals = (type: string) => {
      const pr: Record<string, unknown[]> = {};
      for (const p of blocksOf(b, type)) {
        const t = evalAttr(p, 'type');
        const ids = evalAttr(p, 'identifiers');
        const key = typeof t === 'string' ? t : 'AWS';
        const list = Array.isArray(ids) ? ids.map((x) => toPlain(x)) : ids !== undefined ? [toPlain(ids)] : [];
        pr[key] = [...(pr[key] ?? []), ...list];
      }
      return Object.keys(pr).length > 0 ? pr : undefined;
    };
    const p = principals('principals');
    // `type = "*"` with `identifiers = ["*"]` is how Terraform writes `"Principal": "*"`.
    if (p) json['Principal'] = p['*'] && Object.keys(p).length === 1 ? '*' : p;
    const np = principals('not_principals');
    if (np) json['NotPrincipal'] = np;
    const conds = blocksOf(b, 'condition');
    if (conds.length > 0) {
      const c: Record<string, Record<string, unknown>> = {};
      for (const cb of conds) {
        const test = evalAttr(cb, 'test');
        const variable = evalAttr(cb, 'variable');
        const values = evalAttr(cb, 'values');
        const op = typeof test === 'string' ? test : '${…}';
        const key = typeof variable === 'string' ? variable : '${…}';
        (c[op] ??= {})[key] = toPlain(values ?? null);
      }
      json['Condition'] = c;
    }
    const s = statementFromJson(json, { file, line: b.line }, { onWarn: (m, loc) => pc.warn(m, loc) });
    if (s) {
      if (dynamic) s.partial = true;
      out.push(s);
    }
  }
  if (stmtBlocks.length === 0 && out.length === 0) pc.warn(`policy document ${ref.addr} has no statements`, here);
  return out;
}

/** Nested blocks of a type, including the `content` of `dynamic "type"` blocks. */
export function blocksOf(b: Block, type: string): Block[] {
  const out: Block[] = [];
  for (const c of b.body.blocks) {
    if (c.type === type) out.push(c);
    else if (c.type === 'dynamic' && c.labels[0] === type) {
      const content = c.body.blocks.find((x) => x.type === 'content');
      if (content) out.push(content);
    }
  }
  return out;
}
