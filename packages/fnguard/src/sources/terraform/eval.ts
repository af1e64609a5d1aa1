/**
 * Static evaluation of Terraform expressions inside one module instance.
 *
 * What cannot be known before `apply` (resource ids and ARNs, variables without a value, for
 * expressions…) becomes an `Unknown` carrying the expression rendered as `${…}` text and the
 * resource addresses it refers to, so sources can still link a function to its role by address.
 * Objects and tuples keep the line of every key/item in a side table, so a `jsonencode({...})`
 * policy yields statements with their own line in the .tf file.
 */
import { posix } from 'node:path';
import type { Location, Statement } from '../../model/types.js';
import type { Attr, Block, Expr, Step } from './hcl.js';

/** A reference to a resource, data source or module in a module instance. */
export interface Ref {
  /** Scope of the module instance the reference was written in (see Instance.scope). */
  module: string;
  /** `aws_iam_role.r`, `data.aws_iam_policy_document.p`, `module.x`. */
  addr: string;
  /** First attribute after the address (`arn`, `identity`, `email`…). */
  attr?: string;
}

export class Unknown {
  constructor(
    /** The value with unknown parts written as `${…}`, e.g. `svc-${var.env}`. */
    readonly text: string,
    readonly refs: readonly Ref[] = [],
  ) {}
}

/** Result of `jsonencode(x)`: kept structured so policies keep their lines. */
export class JsonValue {
  constructor(readonly value: Val) {}
}

/** `data.aws_iam_policy_document.x.json`, already converted. */
export class PolicyDocValue {
  constructor(
    readonly statements: Statement[],
    readonly ref: Ref,
  ) {}
}

export type Val = null | boolean | number | string | Val[] | ValObject | Unknown | JsonValue | PolicyDocValue;
export interface ValObject {
  [key: string]: Val;
}

export interface Position {
  /** File the container was written in (values travel across files through variables and locals). */
  file?: string;
  line: number;
  keys: Map<string | number, number>;
  /** File of a key when it differs from `file` (merge/concat of values from several files). */
  keyFiles?: Map<string | number, string>;
}

/** Lines of objects and tuples built by evaluation or read from JSON (keyed by the JS object). */
export const positions = new WeakMap<object, Position>();

/** Own-property assignment, so a `"__proto__"` key in a scanned file stays data. */
export function setKey(obj: ValObject, key: string, value: Val): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export function isObj(v: Val | undefined): v is ValObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof JsonValue) && !(v instanceof PolicyDocValue);
}

export function isKnown(v: Val | undefined): v is Exclude<Val, Unknown> {
  return v !== undefined && !(v instanceof Unknown);
}

/** Line of a key/item of an evaluated object/tuple, or the container's own line. */
export function lineOf(container: unknown, key?: string | number): number | undefined {
  if (container === null || typeof container !== 'object') return undefined;
  const p = positions.get(container);
  if (!p) return undefined;
  return key === undefined ? p.line : p.keys.get(key) ?? p.line;
}

/** Location of a key/item (or the container), in the file it was written in; `fallback` when unknown. */
export function locOf(container: unknown, key: string | number | undefined, fallback: Location): Location {
  if (container === null || typeof container !== 'object') return fallback;
  const p = positions.get(container);
  if (!p) return fallback;
  const file = (key !== undefined ? p.keyFiles?.get(key) : undefined) ?? p.file ?? fallback.file;
  const line = key === undefined ? p.line : p.keys.get(key) ?? p.line;
  return { file, line };
}

/** Render any value as text: unknown parts as `${…}`, structures as JSON. */
export function render(v: Val): string {
  if (v instanceof Unknown) return v.text;
  if (v instanceof JsonValue) return JSON.stringify(toPlain(v.value));
  if (v instanceof PolicyDocValue) return `\${${v.ref.addr}.json}`;
  if (v === null) return '';
  if (typeof v === 'object') return JSON.stringify(toPlain(v));
  return String(v);
}

function toPlain(v: Val): unknown {
  if (v instanceof Unknown || v instanceof PolicyDocValue) return render(v);
  if (v instanceof JsonValue) return toPlain(v.value);
  if (Array.isArray(v)) return v.map(toPlain);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

/** Whether a structured value has an unknown part anywhere. */
function refsOrUnknown(v: Val, depth = 0): boolean {
  if (v instanceof Unknown || v instanceof PolicyDocValue) return true;
  if (depth > 50) return false;
  if (v instanceof JsonValue) return refsOrUnknown(v.value, depth + 1);
  if (Array.isArray(v)) return v.some((x) => refsOrUnknown(x, depth + 1));
  if (isObj(v)) return Object.values(v).some((x) => refsOrUnknown(x, depth + 1));
  return false;
}

export function refsOf(v: Val | undefined, out: Ref[] = [], depth = 0): Ref[] {
  if (v === undefined || v === null || depth > 50) return out;
  if (v instanceof Unknown) out.push(...v.refs);
  else if (v instanceof PolicyDocValue) out.push(v.ref);
  else if (v instanceof JsonValue) refsOf(v.value, out, depth + 1);
  else if (Array.isArray(v)) for (const x of v) refsOf(x, out, depth + 1);
  else if (isObj(v)) for (const x of Object.values(v)) refsOf(x, out, depth + 1);
  return out;
}

/**
 * A path written in a module whose root module is in `cwd` (Terraform resolves relative paths from
 * there), as a path relative to the scan root; undefined for absolute paths and paths above the root.
 */
export function rootRelative(cwd: string, p: string): string | undefined {
  if (posix.isAbsolute(p) || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('~')) return undefined;
  const rel = posix.normalize(posix.join(cwd, p));
  return rel === '..' || rel.startsWith('../') ? undefined : rel;
}

/** A parsed .tf file in a module folder. */
export interface TfFile {
  path: string;
  blocks: Block[];
}

export interface Declared {
  block: Block;
  file: string;
}

/**
 * One use of a module folder: the root module, or a `module "x"` call with its inputs.
 * Declarations are shared by every instance of the same folder.
 */
export interface Instance {
  /** Module path for addresses: '' for a root module, `module.a.module.b` below. */
  key: string;
  /** Unique across the scan (root modules in different folders all have key ''). */
  scope: string;
  dir: string;
  /** Folder of the root module this instance belongs to: relative paths in Terraform resolve from it. */
  cwd: string;
  decl: FolderDecls;
  /** Input expressions given by the caller, evaluated in `parent`. */
  inputs?: { attrs: Map<string, Attr>; parent: Instance; file: string };
  /** Values from terraform.tfvars / *.auto.tfvars (root modules only). */
  tfvars: Map<string, Val>;
  children: Map<string, Instance>;
}

export interface FolderDecls {
  dir: string;
  variables: Map<string, Declared>;
  locals: Map<string, { attr: Attr; file: string }>;
  outputs: Map<string, { attr: Attr; file: string }>;
  /** `aws_iam_role.r`, `data.archive_file.x` → block. */
  resources: Map<string, Declared>;
  modules: Map<string, Declared>;
}

export interface EvalHooks {
  /** Value of `data.aws_iam_policy_document.x.json` and similar computed data attributes. */
  dataAttr?(inst: Instance, addr: string, attr: string): Val | undefined;
  /** `file("…")`: the text of a file inside the root (path relative to the root), or undefined. */
  readFile?(path: string, from: Location): { text: string; path: string } | undefined;
  /** A reference cycle or similar: reported once per place. */
  warn(file: string, message: string, line?: number): void;
}

/** A string produced by a heredoc or file(): where its first line is, so parsed JSON gets real lines. */
export interface StringOrigin {
  file: string;
  /** Line of the string's first line. */
  line: number;
}

const MAX_DEPTH = 64;
/** Evaluation steps for one load: a generous bound so a pathological configuration cannot hang the scan. */
const MAX_STEPS = 5_000_000;

export class Evaluator {
  /** Heredoc and file() strings → where they were written. */
  readonly origins = new Map<string, StringOrigin>();
  private readonly cache = new Map<string, Val>();
  private readonly active = new Set<string>();
  private readonly warned = new Set<string>();
  private steps = 0;

  constructor(private readonly hooks: EvalHooks) {}

  /** Evaluate an expression written in `file`, inside module instance `inst`. */
  eval(expr: Expr, inst: Instance, file: string): Val {
    return this.ev(expr, inst, file, 0);
  }

  /** Evaluate an attribute of a resource block (memoised by instance, address and attribute). */
  attrValue(inst: Instance, addr: string, attrName: string): Val | undefined {
    const d = inst.decl.resources.get(addr);
    const attr = d?.block.body.attrs.get(attrName);
    if (!d || !attr) return undefined;
    return this.memo(`r|${inst.scope}|${addr}|${attrName}`, d.file, attr.line, () => this.eval(attr.expr, inst, d.file), `\${${addr}.${attrName}}`);
  }

  variable(inst: Instance, name: string): Val {
    const decl = inst.decl.variables.get(name);
    return this.memo(`v|${inst.scope}|${name}`, decl?.file ?? inst.inputs?.file ?? inst.decl.dir, decl?.block.line, () => {
      const input = inst.inputs?.attrs.get(name);
      if (input && inst.inputs) return this.eval(input.expr, inst.inputs.parent, inst.inputs.file);
      if (inst.tfvars.has(name)) return inst.tfvars.get(name)!;
      const def = decl?.block.body.attrs.get('default');
      if (decl && def) return this.eval(def.expr, inst, decl.file);
      return new Unknown(`\${var.${name}}`);
    }, `\${var.${name}}`);
  }

  local(inst: Instance, name: string): Val {
    const l = inst.decl.locals.get(name);
    if (!l) return new Unknown(`\${local.${name}}`);
    return this.memo(`l|${inst.scope}|${name}`, l.file, l.attr.line, () => this.eval(l.attr.expr, inst, l.file), `\${local.${name}}`);
  }

  /**
   * Resources an expression refers to, following variables (to the caller's input or the default),
   * locals and module outputs. Unlike the refs of an evaluated value, this also sees references
   * whose value is known (`data.archive_file.x.output_path` written as a literal).
   */
  exprRefs(expr: Expr, inst: Instance, seen = new Set<string>(), depth = 0): Ref[] {
    const out: Ref[] = [];
    const visit = (e: Expr, at: Instance, d: number): void => {
      if (d > MAX_DEPTH || out.length > 1000) return;
      switch (e.k) {
        case 'tmpl':
          for (const p of e.parts) if (typeof p !== 'string') visit(p, at, d + 1);
          return;
        case 'tuple':
          for (const x of e.items) visit(x, at, d + 1);
          return;
        case 'object':
          for (const el of e.elems) visit(el.val, at, d + 1);
          return;
        case 'call':
          for (const x of e.args) visit(x, at, d + 1);
          return;
        case 'cond':
          visit(e.cond, at, d + 1);
          visit(e.then, at, d + 1);
          visit(e.else, at, d + 1);
          return;
        case 'op':
          for (const x of e.args) visit(x, at, d + 1);
          return;
        case 'var':
        case 'trav':
          this.traversalRefs(e, at, d, visit, out, seen);
          return;
        default:
          return;
      }
    };
    visit(expr, inst, depth);
    return out;
  }

  private traversalRefs(
    e: Extract<Expr, { k: 'var' | 'trav' }>,
    at: Instance,
    d: number,
    visit: (e: Expr, at: Instance, d: number) => void,
    out: Ref[],
    seen: Set<string>,
  ): void {
    const steps = e.k === 'trav' ? e.steps : [];
    for (const s of steps) if ('index' in s) visit(s.index, at, d + 1);
    const base = e.k === 'var' ? e : e.base;
    if (base.k !== 'var') {
      visit(base, at, d + 1);
      return;
    }
    const attrAt = (i: number) => {
      const s = steps[i];
      return s && 'attr' in s ? s.attr : undefined;
    };
    const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));
    const name = attrAt(0);
    if (!name) return;
    switch (base.name) {
      case 'var': {
        if (!once(`v|${at.scope}|${name}`)) return;
        const input = at.inputs?.attrs.get(name);
        if (input && at.inputs) visit(input.expr, at.inputs.parent, d + 1);
        else {
          const def = at.decl.variables.get(name)?.block.body.attrs.get('default');
          if (def) visit(def.expr, at, d + 1);
        }
        return;
      }
      case 'local': {
        const l = at.decl.locals.get(name);
        if (l && once(`l|${at.scope}|${name}`)) visit(l.attr.expr, at, d + 1);
        return;
      }
      case 'module': {
        const child = at.children.get(name);
        const outName = attrAt(1);
        out.push({ module: at.scope, addr: `module.${name}`, attr: outName });
        const o = child && outName ? child.decl.outputs.get(outName) : undefined;
        if (child && o && once(`o|${child.scope}|${outName}`)) visit(o.attr.expr, child, d + 1);
        return;
      }
      case 'data': {
        const n = attrAt(1);
        if (n) out.push({ module: at.scope, addr: `data.${name}.${n}`, attr: firstAttrAfter(steps, 2) });
        return;
      }
      case 'path':
      case 'count':
      case 'each':
      case 'self':
      case 'terraform':
        return;
      default:
        out.push({ module: at.scope, addr: `${base.name}.${name}`, attr: firstAttrAfter(steps, 1) });
    }
  }

  /** Cached evaluation with a cycle guard: a cycle yields an Unknown and one warning. */
  private memo(key: string, file: string, line: number | undefined, compute: () => Val, unknownText: string): Val {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.active.has(key)) {
      if (!this.warned.has(key)) {
        this.warned.add(key);
        this.hooks.warn(file, `reference cycle through ${unknownText.slice(2, -1)}; value left unresolved`, line);
      }
      return new Unknown(unknownText);
    }
    this.active.add(key);
    try {
      const v = compute();
      this.cache.set(key, v);
      return v;
    } finally {
      this.active.delete(key);
    }
  }

  private ev(e: Expr, inst: Instance, file: string, depth: number): Val {
    if (depth > MAX_DEPTH) return new Unknown(`\${${e.text}}`);
    if (++this.steps > MAX_STEPS) {
      if (this.steps === MAX_STEPS + 1) this.hooks.warn(file, 'expression evaluation budget exhausted; remaining values left unresolved', e.line);
      return new Unknown(`\${${e.text}}`);
    }
    const d = depth + 1;
    switch (e.k) {
      case 'lit':
        return e.v;
      case 'tmpl':
        return this.template(e, inst, file, d);
      case 'tuple': {
        const arr = e.items.map((x) => this.ev(x, inst, file, d));
        positions.set(arr, { file, line: e.line, keys: new Map(e.items.map((x, i) => [i, x.line])) });
        return arr;
      }
      case 'object': {
        const obj: ValObject = {};
        const keys = new Map<string | number, number>();
        for (const el of e.elems) {
          const k = el.keyName ?? this.ev(el.key, inst, file, d);
          if (typeof k !== 'string' && typeof k !== 'number') continue;
          setKey(obj, String(k), this.ev(el.val, inst, file, d));
          keys.set(String(k), el.line);
        }
        positions.set(obj, { file, line: e.line, keys });
        return obj;
      }
      case 'var':
      case 'trav':
        return this.reference(e, inst, file, d);
      case 'call':
        return this.call(e, inst, file, d);
      case 'cond': {
        const c = this.ev(e.cond, inst, file, d);
        if (typeof c === 'boolean') return this.ev(c ? e.then : e.else, inst, file, d);
        const refs = [...refsOf(c), ...refsOf(this.ev(e.then, inst, file, d)), ...refsOf(this.ev(e.else, inst, file, d))];
        return new Unknown(`\${${e.text}}`, refs);
      }
      case 'op':
        return this.operation(e, inst, file, d);
      default:
        return new Unknown(`\${${e.text}}`);
    }
  }

  private template(e: Extract<Expr, { k: 'tmpl' }>, inst: Instance, file: string, d: number): Val {
    let out = '';
    let unknown = false;
    const refs: Ref[] = [];
    for (const p of e.parts) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const v = this.ev(p, inst, file, d);
      if (v instanceof Unknown || v instanceof PolicyDocValue || (v instanceof JsonValue && refsOrUnknown(v.value))) {
        unknown = true;
        refs.push(...refsOf(v));
      }
      out += render(v);
    }
    // Remember where heredoc text starts so JSON parsed from it gets .tf lines.
    if (e.heredoc) this.origins.set(out, { file, line: e.line + 1 });
    return unknown ? new Unknown(out, refs) : out;
  }

  private operation(e: Extract<Expr, { k: 'op' }>, inst: Instance, file: string, d: number): Val {
    const args = e.args.map((a) => this.ev(a, inst, file, d));
    const unknown = () => new Unknown(`\${${e.text}}`, args.flatMap((a) => refsOf(a)));
    if (args.some((a) => a instanceof Unknown)) {
      // `false && x` / `true || x` are known even when x is not.
      if (e.op === '&&' && args.some((a) => a === false)) return false;
      if (e.op === '||' && args.some((a) => a === true)) return true;
      return unknown();
    }
    const [a, b] = args;
    switch (e.op) {
      case '!':
        return typeof a === 'boolean' ? !a : unknown();
      case 'neg':
        return typeof a === 'number' ? -a : unknown();
      case '==':
        return render(a!) === render(b!) && typeof a === typeof b;
      case '!=':
        return !(render(a!) === render(b!) && typeof a === typeof b);
      case '&&':
        return typeof a === 'boolean' && typeof b === 'boolean' ? a && b : unknown();
      case '||':
        return typeof a === 'boolean' && typeof b === 'boolean' ? a || b : unknown();
    }
    const x = Number(a);
    const y = Number(b);
    if (typeof a === 'object' || typeof b === 'object' || Number.isNaN(x) || Number.isNaN(y)) return unknown();
    switch (e.op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/': return y === 0 ? unknown() : x / y;
      case '%': return y === 0 ? unknown() : x % y;
      case '<': return x < y;
      case '>': return x > y;
      case '<=': return x <= y;
      case '>=': return x >= y;
      default: return unknown();
    }
  }

  private reference(e: Extract<Expr, { k: 'var' | 'trav' }>, inst: Instance, file: string, d: number): Val {
    const base = e.k === 'var' ? e : e.base;
    const steps: Step[] = e.k === 'trav' ? e.steps : [];
    const unknownText = `\${${e.text}}`;
    if (base.k !== 'var') {
      // (expr).attr / [..][0]: evaluate the base and walk the steps.
      return this.walk(this.ev(base, inst, file, d), steps, inst, file, d, unknownText);
    }
    const attrAt = (i: number): string | undefined => {
      const s = steps[i];
      return s && 'attr' in s ? s.attr : undefined;
    };
    const root = base.name;
    switch (root) {
      case 'var': {
        const name = attrAt(0);
        return name ? this.walk(this.variable(inst, name), steps.slice(1), inst, file, d, unknownText) : new Unknown(unknownText);
      }
      case 'local': {
        const name = attrAt(0);
        return name ? this.walk(this.local(inst, name), steps.slice(1), inst, file, d, unknownText) : new Unknown(unknownText);
      }
      case 'path': {
        const which = attrAt(0);
        if (which === 'module') return posix.relative(inst.cwd, inst.dir) || '.';
        if (which === 'root' || which === 'cwd') return '.';
        return new Unknown(unknownText);
      }
      case 'count':
      case 'each':
      case 'self':
      case 'terraform':
        return new Unknown(unknownText);
      case 'module': {
        const name = attrAt(0);
        const child = name ? inst.children.get(name) : undefined;
        const out = attrAt(1);
        const ref: Ref = { module: inst.scope, addr: `module.${name}`, attr: out };
        if (!child || !out) return new Unknown(unknownText, [ref]);
        const o = child.decl.outputs.get(out);
        if (!o) return new Unknown(unknownText, [ref]);
        const v = this.memo(`o|${child.scope}|${out}`, o.file, o.attr.line, () => this.eval(o.attr.expr, child, o.file), unknownText);
        return this.walk(v, steps.slice(2), inst, file, d, unknownText);
      }
      case 'data': {
        const type = attrAt(0);
        const name = attrAt(1);
        if (!type || !name) return new Unknown(unknownText);
        return this.resourceRef(inst, `data.${type}.${name}`, steps.slice(2), file, d, unknownText);
      }
      default: {
        const name = attrAt(0);
        if (!name) return new Unknown(unknownText);
        return this.resourceRef(inst, `${root}.${name}`, steps.slice(1), file, d, unknownText);
      }
    }
  }

  private resourceRef(inst: Instance, addr: string, rest: Step[], file: string, d: number, unknownText: string): Val {
    // `aws_iam_role.r[0].arn` / `["key"]`: count/for_each resources are one model node.
    let i = 0;
    while (i < rest.length && ('index' in rest[i]! || 'splat' in rest[i]!)) i++;
    const attrStep = rest[i];
    const attr = attrStep && 'attr' in attrStep ? attrStep.attr : undefined;
    const ref: Ref = { module: inst.scope, addr, attr };
    if (!inst.decl.resources.has(addr) || !attr) return new Unknown(unknownText, [ref]);
    const computed = this.hooks.dataAttr?.(inst, addr, attr);
    if (computed !== undefined) return computed;
    const v = this.attrValue(inst, addr, attr);
    if (v === undefined || v instanceof Unknown) return new Unknown(unknownText, [ref, ...refsOf(v)]);
    const walked = this.walk(v, rest.slice(i + 1), inst, file, d, unknownText);
    return walked instanceof Unknown ? new Unknown(unknownText, [ref]) : walked;
  }

  private walk(v: Val, steps: Step[], inst: Instance, file: string, d: number, unknownText: string): Val {
    let cur: Val = v;
    for (const s of steps) {
      if (cur instanceof Unknown) return new Unknown(unknownText, refsOf(cur));
      if ('splat' in s) return new Unknown(unknownText, refsOf(cur));
      if ('attr' in s) {
        if (!isObj(cur) || !(s.attr in cur)) return new Unknown(unknownText, refsOf(cur));
        cur = cur[s.attr]!;
      } else {
        const k = this.ev(s.index, inst, file, d);
        if (Array.isArray(cur) && typeof k === 'number' && k >= 0 && k < cur.length) cur = cur[k]!;
        else if (isObj(cur) && (typeof k === 'string' || typeof k === 'number') && String(k) in cur) cur = cur[String(k)]!;
        else return new Unknown(unknownText, refsOf(cur));
      }
    }
    return cur;
  }

  private call(e: Extract<Expr, { k: 'call' }>, inst: Instance, file: string, d: number): Val {
    const name = e.name;
    // try/can evaluate lazily: the first argument that is known wins.
    if (name === 'try' || name === 'coalesce') {
      for (const a of e.args) {
        const v = this.ev(a, inst, file, d);
        if (!(v instanceof Unknown) && !(name === 'coalesce' && (v === null || v === ''))) return v;
      }
      return new Unknown(`\${${e.text}}`);
    }
    let args = e.args.map((a) => this.ev(a, inst, file, d));
    if (e.expand && args.length > 0) {
      const last = args[args.length - 1]!;
      if (Array.isArray(last)) args = [...args.slice(0, -1), ...last];
    }
    const unknown = () => new Unknown(`\${${e.text}}`, args.flatMap((a) => refsOf(a)));
    if (name === 'jsonencode') return args.length === 1 ? new JsonValue(args[0]!) : unknown();
    if (name === 'file') {
      const p = args[0];
      if (typeof p !== 'string' || !this.hooks.readFile) return unknown();
      const rel = rootRelative(inst.cwd, p);
      if (rel === undefined) {
        this.hooks.warn(file, `file("${p}") is outside the scanned root; not read`, e.line);
        return unknown();
      }
      const got = this.hooks.readFile(rel, { file, line: e.line });
      if (!got) return unknown();
      this.origins.set(got.text, { file: got.path, line: 1 });
      return got.text;
    }
    const fn = FUNCTIONS[name];
    if (!fn) return unknown();
    // Functions below need known arguments, except merge/concat/lookup which tolerate unknown items.
    const r = fn(args, e.line);
    return r === undefined ? unknown() : r;
  }
}

/** First attribute name after `from` (skipping `[0]` / `["key"]` of count/for_each resources). */
function firstAttrAfter(steps: Step[], from: number): string | undefined {
  for (let i = from; i < steps.length; i++) {
    const s = steps[i]!;
    if ('attr' in s) return s.attr;
  }
  return undefined;
}

type Fn = (args: Val[], line: number) => Val | undefined;

const str = (v: Val | undefined): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

function listOf(v: Val | undefined): Val[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** Record where each key of a combined value (merge, concat) came from. */
function withLines<T extends object>(value: T, line: number, keys: Map<string | number, number>, keyFiles: Map<string | number, string>): T {
  positions.set(value, { line, keys, keyFiles });
  return value;
}

function fileOf(container: object): string | undefined {
  return positions.get(container)?.file;
}

function format(args: Val[]): Val | undefined {
  const f = str(args[0]);
  if (f === undefined) return undefined;
  let i = 1;
  let bad = false;
  const out = f.replace(/%(%|[-+# 0-9.]*[sdvqtfxXeEgGob])/g, (m, spec: string) => {
    if (spec === '%') return '%';
    const a = args[i++];
    if (a === undefined || a instanceof Unknown) {
      bad = true;
      return m;
    }
    const conv = spec[spec.length - 1];
    if (conv === 'q') return JSON.stringify(render(a));
    if (conv === 'd') return typeof a === 'number' ? String(Math.trunc(a)) : render(a);
    return render(a);
  });
  return bad ? undefined : out;
}

/** Best-effort subset of Terraform's functions; anything else is left unknown. */
const FUNCTIONS: Record<string, Fn> = {
  format: (a) => format(a),
  join: ([sep, ...lists]) => {
    const s = str(sep);
    const items = lists.flatMap((l) => listOf(l) ?? [new Unknown('')]);
    if (s === undefined || items.some((x) => str(x) === undefined)) return undefined;
    return items.map((x) => str(x)!).join(s);
  },
  concat: (lists, line) => {
    if (!lists.every(Array.isArray)) return undefined;
    const out: Val[] = [];
    const keys = new Map<string | number, number>();
    const files = new Map<string | number, string>();
    for (const l of lists as Val[][]) {
      const f = fileOf(l);
      l.forEach((x, i) => {
        keys.set(out.length, lineOf(l, i) ?? line);
        if (f) files.set(out.length, f);
        out.push(x);
      });
    }
    return withLines(out, line, keys, files);
  },
  merge: (maps, line) => {
    if (!maps.every((m) => isObj(m) || m === null)) return undefined;
    const out: ValObject = {};
    const keys = new Map<string | number, number>();
    const files = new Map<string | number, string>();
    for (const m of maps) {
      if (!isObj(m)) continue;
      const f = fileOf(m);
      for (const [k, v] of Object.entries(m)) {
        setKey(out, k, v);
        keys.set(k, lineOf(m, k) ?? line);
        if (f) files.set(k, f);
      }
    }
    return withLines(out, line, keys, files);
  },
  lookup: ([m, k, def]) => {
    const key = str(k);
    if (!isObj(m) || key === undefined) return undefined;
    return key in m ? m[key]! : def;
  },
  element: ([l, i]) => {
    const list = listOf(l);
    if (!list || typeof i !== 'number' || list.length === 0) return undefined;
    return list[Math.trunc(i) % list.length]!;
  },
  tolist: ([l]) => listOf(l),
  toset: ([l]) => {
    const list = listOf(l);
    if (!list) return undefined;
    const seen = new Set<string>();
    return list.filter((x) => {
      const k = render(x);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  },
  tomap: ([m]) => (isObj(m) ? m : undefined),
  tostring: ([v]) => str(v),
  tonumber: ([v]) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined),
  tobool: ([v]) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
  lower: ([v]) => str(v)?.toLowerCase(),
  upper: ([v]) => str(v)?.toUpperCase(),
  trimspace: ([v]) => str(v)?.trim(),
  replace: ([s, sub, rep]) => {
    const [a, b, c] = [str(s), str(sub), str(rep)];
    // Regex replacements (`/…/`) are not emulated.
    if (a === undefined || b === undefined || c === undefined || /^\/.*\/$/.test(b)) return undefined;
    return a.split(b).join(c);
  },
  split: ([sep, s]) => {
    const [a, b] = [str(sep), str(s)];
    return a === undefined || b === undefined ? undefined : b.split(a);
  },
  length: ([v]) => (Array.isArray(v) ? v.length : isObj(v) ? Object.keys(v).length : typeof v === 'string' ? [...v].length : undefined),
  flatten: ([l]) => {
    const list = listOf(l);
    return list ? list.flatMap((x) => (Array.isArray(x) ? x : [x])) : undefined;
  },
  distinct: (a, line) => FUNCTIONS.toset!(a, line),
  compact: ([l]) => listOf(l)?.filter((x) => x !== null && x !== ''),
  keys: ([m]) => (isObj(m) ? Object.keys(m).sort() : undefined),
  values: ([m]) => (isObj(m) ? Object.keys(m).sort().map((k) => m[k]!) : undefined),
  basename: ([p]) => {
    const s = str(p);
    return s === undefined ? undefined : posix.basename(s);
  },
  dirname: ([p]) => {
    const s = str(p);
    return s === undefined ? undefined : posix.dirname(s);
  },
};
