/**
 * Shared helpers for turning loaded Terraform resources into model nodes: evaluated attributes
 * as Props with their lines, nested blocks, and links between resources (by reference address
 * first, by name second).
 */
import type { EnvVar, FunctionNode, Identity, Location, Model, Prop } from '../../model/types.js';
import { codePathFor } from '../aws-common/code-path.js';
import type { SourceContext } from '../types.js';
import type { Block, Expr } from './hcl.js';
import { Evaluator, JsonValue, PolicyDocValue, Unknown, isKnown, isObj, locOf, refsOf, render, rootRelative, type Val } from './eval.js';
import type { Config, Resource } from './load.js';
import { blocksOf, type PolicyContext } from './policy.js';

const FUNCTION_ALIASES = ['aws_lambda_alias', 'aws_lambda_provisioned_concurrency_config'];

export class Builder {
  readonly model: Model;
  /** Function nodes by resource id, and the resource each came from. */
  readonly functions = new Map<string, { fn: FunctionNode; res: Resource }>();
  private readonly byType = new Map<string, Resource[]>();
  private readonly infoed = new Set<string>();
  private readonly attrIndex = new Map<string, Map<string, Resource[]>>();
  readonly pc: PolicyContext;

  constructor(
    readonly cfg: Config,
    readonly ev: Evaluator,
    readonly ctx: SourceContext,
  ) {
    this.model = ctx.model;
    for (const r of cfg.resources) {
      const key = (r.data ? 'data.' : '') + r.type;
      const list = this.byType.get(key);
      if (list) list.push(r);
      else this.byType.set(key, [r]);
    }
    this.pc = { ev, warn: (m, loc) => ctx.warn(loc.file, m, loc.line) };
  }

  /** Resources of a type (`data.archive_file` for data sources). */
  of(type: string): Resource[] {
    return this.byType.get(type) ?? [];
  }

  /** Tell once per type that it is not read. */
  infoOnce(key: string, file: string, message: string, line?: number): void {
    if (this.infoed.has(key)) return;
    this.infoed.add(key);
    this.ctx.info(file, message, line);
  }

  loc(r: Resource, line?: number): Location {
    return { file: r.file, line: line ?? r.block.line };
  }

  /** Display name: the static name; a partly static one with `${…}` parts (`worker-${each.key}`); else the address. */
  nameOf(r: Resource, v: Val | undefined): string {
    if (typeof v === 'string') return v;
    if (v instanceof Unknown && !/^\$\{[^}]*\}$/.test(v.text)) return v.text;
    return r.fullAddr;
  }

  /** Location of an attribute of `block` (or of the block when absent); see `origin`. */
  attrLoc(r: Resource, name: string, block: Block = r.block): Location {
    return this.origin(r, name, block).loc;
  }

  /**
   * Where an attribute's value is written. In a module, `runtime = var.runtime` points at the
   * caller's `runtime = "…"` (up the module chain), since that is the line to change; when the
   * caller passes nothing the module's default applies and the Prop is marked inherited.
   */
  origin(r: Resource, name: string, block: Block = r.block): { loc: Location; inherited?: boolean } {
    const attr = block.body.attrs.get(name);
    if (!attr) return { loc: { file: r.file, line: block.line } };
    let loc: Location = { file: r.file, line: attr.line };
    let expr = attr.expr;
    let inst = r.inst;
    for (let depth = 0; depth < 20; depth++) {
      const v = bareVariable(expr);
      if (!v || !inst.inputs) break;
      const input = inst.inputs.attrs.get(v);
      if (!input) return { loc, inherited: true };
      loc = { file: inst.inputs.file, line: input.line };
      expr = input.expr;
      inst = inst.inputs.parent;
    }
    return { loc };
  }

  private prop<T>(r: Resource, name: string, block: Block | undefined, make: (v: Val, loc: Location) => Prop<T> | undefined): Prop<T> | undefined {
    const v = this.val(r, name, block);
    if (v === undefined || v === null) return undefined;
    const { loc, inherited } = this.origin(r, name, block);
    const p = make(v, loc);
    if (p && inherited) p.inherited = true;
    return p;
  }

  val(r: Resource, name: string, block: Block = r.block): Val | undefined {
    if (block === r.block) return this.ev.attrValue(r.inst, r.addr, name);
    const a = block.body.attrs.get(name);
    return a ? this.ev.eval(a.expr, r.inst, r.file) : undefined;
  }

  /** First nested block of a type (`environment`, `site_config`…), dynamic blocks included. */
  block(parent: Block, type: string): Block | undefined {
    return blocksOf(parent, type)[0];
  }

  blocks(parent: Block, type: string): Block[] {
    return blocksOf(parent, type);
  }

  str(r: Resource, name: string, block?: Block): Prop<string> | undefined {
    return this.prop(r, name, block, strProp);
  }

  num(r: Resource, name: string, block?: Block): Prop<number> | undefined {
    return this.prop(r, name, block, (v, loc) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? { value: n, loc } : { expr: render(v), loc };
    });
  }

  bool(r: Resource, name: string, block?: Block): Prop<boolean> | undefined {
    return this.prop(r, name, block, boolProp);
  }

  list(r: Resource, name: string, block?: Block): Prop<string[]> | undefined {
    return this.prop(r, name, block, listProp);
  }

  /**
   * Environment variables / app settings of map attribute `name`: one EnvVar per key, on the key's
   * own line (in whichever file the map was written), inherited when a module default.
   */
  env(r: Resource, name: string, block: Block = r.block, secretRef: (v: Val) => EnvVar['secretRef'] = () => undefined): EnvVar[] {
    const { loc: fallback, inherited } = this.origin(r, name, block);
    return entries(this.val(r, name, block), fallback).map(({ key, value, loc }) => {
      const e: EnvVar = { name: key, loc };
      if (isKnown(value) && (typeof value !== 'object' || value === null)) e.value = value === null ? '' : String(value);
      else e.expr = render(value);
      const s = secretRef(value);
      if (s) e.secretRef = s;
      if (inherited) e.inherited = true;
      return e;
    });
  }

  /** Resources a value refers to (following module inputs and outputs), optionally of some types. */
  refsTo(v: Val | undefined, ...types: string[]): Resource[] {
    const out: Resource[] = [];
    for (const ref of refsOf(v)) {
      const r = this.cfg.byRef.get(`${ref.module}|${ref.addr}`);
      if (r && (types.length === 0 || types.includes(r.data ? `data.${r.type}` : r.type)) && !out.includes(r)) out.push(r);
    }
    return out;
  }

  /**
   * Resources an attribute links to: references in its evaluated value plus references written in
   * its expression (also through variables, locals and module outputs) whose values are known.
   */
  attrRefs(r: Resource, name: string, block: Block = r.block, ...types: string[]): Resource[] {
    const attr = block.body.attrs.get(name);
    if (!attr) return [];
    const out = this.refsTo(this.val(r, name, block), ...types);
    for (const ref of this.ev.exprRefs(attr.expr, r.inst)) {
      const res = this.cfg.byRef.get(`${ref.module}|${ref.addr}`);
      if (res && (types.length === 0 || types.includes(res.data ? `data.${res.type}` : res.type)) && !out.includes(res)) out.push(res);
    }
    return out;
  }

  /** The function an attribute of `r` points at: by reference, else by name (or the name in an ARN). */
  functionOf(r: Resource, attr: string, types: string[], nameAttr: string, block: Block = r.block, depth = 0): { fn: FunctionNode; res: Resource } | undefined {
    for (const t of this.attrRefs(r, attr, block, ...types, ...FUNCTION_ALIASES)) {
      const hit = this.functions.get(t.id);
      if (hit) return hit;
      // A Lambda alias (or version) stands for its function.
      if (FUNCTION_ALIASES.includes(t.type) && depth < 3) {
        const viaAlias = this.functionOf(t, 'function_name', types, nameAttr, t.block, depth + 1);
        if (viaAlias) return viaAlias;
      }
    }
    return this.functionFor(this.val(r, attr, block), types, nameAttr);
  }

  /** Resources of `types` whose attribute `attr` statically equals `value`. */
  byAttr(types: string[], attr: string, value: string): Resource[] {
    // Indexed once per (types, attribute): name lookups stay linear on large configurations.
    const key = `${types.join(',')}|${attr}`;
    let index = this.attrIndex.get(key);
    if (!index) {
      index = new Map();
      for (const r of types.flatMap((t) => this.of(t))) {
        const v = this.val(r, attr);
        if (typeof v === 'string') index.set(v, [...(index.get(v) ?? []), r]);
      }
      this.attrIndex.set(key, index);
    }
    return index.get(value) ?? [];
  }

  private pathSet?: Set<string>;

  /** A path written in resource `r` (relative to its root module) when that file exists inside the root. */
  pathInRoot(r: Resource, p: string): string | undefined {
    const rel = rootRelative(r.inst.cwd, p);
    if (rel === undefined) return undefined;
    this.pathSet ??= new Set(this.model.paths);
    return this.pathSet.has(rel) ? rel : undefined;
  }

  /** A folder written in resource `r` when it exists inside the root. */
  dirInRoot(r: Resource, p: string): string | undefined {
    const rel = rootRelative(r.inst.cwd, p);
    if (rel === undefined) return undefined;
    return codePathFor('', rel, undefined, this.model.paths);
  }

  addFunction(fn: FunctionNode, res: Resource): void {
    this.functions.set(res.id, { fn, res });
    this.model.functions.push(fn);
  }

  addIdentity(id: Identity): Identity {
    const existing = this.model.identities.get(id.id);
    if (existing) return existing;
    this.model.identities.set(id.id, id);
    return id;
  }

  /** The function a value points at: by reference, else by its name (or the name in an ARN). */
  functionFor(v: Val | undefined, types: string[], nameAttr: string): { fn: FunctionNode; res: Resource } | undefined {
    for (const r of this.refsTo(v, ...types)) {
      const hit = this.functions.get(r.id);
      if (hit) return hit;
    }
    if (typeof v !== 'string') return undefined;
    const name = nameFromArn(v);
    for (const r of this.byAttr(types, nameAttr, name)) {
      const hit = this.functions.get(r.id);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** `var.name` written alone (not inside a string or call): the variable's name. */
function bareVariable(e: Expr): string | undefined {
  if (e.k !== 'trav' || e.base.k !== 'var' || e.base.name !== 'var' || e.steps.length !== 1) return undefined;
  const s = e.steps[0]!;
  return 'attr' in s ? s.attr : undefined;
}

/** `arn:aws:lambda:r:a:function:NAME[:alias]` / `projects/p/locations/l/functions/NAME` → NAME. */
export function nameFromArn(s: string): string {
  const lambda = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(s);
  if (lambda) return lambda[1]!;
  const gcp = /\/functions\/([^/]+)$/.exec(s);
  if (gcp) return gcp[1]!;
  return s;
}

export function strProp(v: Val | undefined, loc: Location): Prop<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Unknown || v instanceof PolicyDocValue) return { expr: render(v), loc };
  if (v instanceof JsonValue || typeof v === 'object') return { value: render(v), loc };
  return { value: String(v), loc };
}

export function boolProp(v: Val, loc: Location): Prop<boolean> {
  if (typeof v === 'boolean') return { value: v, loc };
  if (v === 'true' || v === 'false') return { value: v === 'true', loc };
  return { expr: render(v), loc };
}

export function listProp(v: Val, loc: Location): Prop<string[]> {
  const items = Array.isArray(v) ? v : [v];
  if (!Array.isArray(v) && !(typeof v === 'string')) return { expr: render(v), loc };
  if (items.every((x) => typeof x === 'string' || typeof x === 'number')) return { value: items.map(String), loc };
  return { expr: items.map(render).join(', '), loc };
}

/** Entries of a map attribute with the line of each key (environment variables, app settings). */
export function entries(v: Val | undefined, fallback: Location): Array<{ key: string; value: Val; loc: Location }> {
  if (!isObj(v)) return [];
  return Object.entries(v).map(([key, value]) => ({ key, value, loc: locOf(v, key, fallback) }));
}
