/**
 * A best-effort evaluator for ARM template expressions (`[concat(parameters('app'), '/web')]`).
 *
 * Values that cannot be known when scanning (a parameter without default, `uniqueString()`,
 * `listKeys()`, `copyIndex()`…) become `Unknown`. An Unknown keeps a symbolic rendering when
 * one exists (`{parameters('app')}/web`), so two expressions built from the same unknowns can
 * still be matched – that is how a child `sites/config` resource finds its parent site when the
 * app name is a parameter. Resource ids and `reference()` results stay structured (ArmId,
 * ArmRef) so role assignments can be linked to the identity they grant.
 *
 * Template objects and arrays are returned as they are (not copied), and their string leaves
 * are evaluated only when read (`resolve`), so callers keep the parser's line of every key.
 */

export type ScopeLevel = 'tenant' | 'management-group' | 'subscription' | 'resource-group' | 'resource';

/** A value that is not statically known. `sym` is a stable rendering with holes, when there is one. */
export class Unknown {
  constructor(readonly sym?: string) {}
}

/** The result of resourceId() and friends, or of subscription().id / resourceGroup().id. */
export class ArmId {
  constructor(
    readonly level: ScopeLevel,
    /** Full resource type, e.g. Microsoft.Web/sites/config; undefined for scope ids. */
    readonly type: string | undefined,
    /** Resource names (symbolic rendering when unknown), one per type segment after the provider. */
    readonly names: string[],
  ) {}

  get name(): string | undefined {
    return this.names[this.names.length - 1];
  }

  /** Rendered id with placeholders for the subscription and resource group. */
  toString(): string {
    const base = this.level === 'tenant' || this.level === 'management-group' ? '' : this.level === 'subscription' ? '/subscriptions/{subscription}' : '/subscriptions/{subscription}/resourceGroups/{resourceGroup}';
    if (!this.type) return base || '/';
    const [ns, ...types] = this.type.split('/');
    const parts = types.map((t, i) => `${t}/${this.names[i] ?? '{?}'}`);
    return `${base}/providers/${ns}/${parts.join('/')}`;
  }
}

/** `reference(target, apiVersion, 'full')` followed by property accesses. */
export class ArmRef {
  constructor(
    readonly target: { type?: string; name?: string },
    readonly full: boolean,
    readonly path: readonly string[],
  ) {}
}

export type ArmValue =
  | null
  | boolean
  | number
  | string
  | ArmValue[]
  | { [key: string]: ArmValue }
  | Unknown
  | ArmId
  | ArmRef;

export function isKnownScalar(v: ArmValue): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function isPlainObject(v: unknown): v is { [key: string]: ArmValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof ArmId) && !(v instanceof ArmRef);
}

// ---------------------------------------------------------------- parsing

type Node =
  | { t: 'str'; v: string; text: string }
  | { t: 'num'; v: number; text: string }
  | { t: 'call'; name: string; args: Node[]; text: string }
  | { t: 'prop'; obj: Node; name: string; text: string }
  | { t: 'index'; obj: Node; idx: Node; text: string };

export class ArmSyntaxError extends Error {
  override name = 'ArmSyntaxError';
}

/** Parse the inside of `[...]`. Throws ArmSyntaxError on malformed input. */
export function parseExpression(src: string): Node {
  let i = 0;
  const ws = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new ArmSyntaxError(`${what} at position ${i} in [${src.length > 80 ? `${src.slice(0, 80)}…` : src}]`);
  };
  let depth = 0;
  const primary = (): Node => {
    ws();
    const start = i;
    const c = src[i];
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) fail('unterminated string');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      return { t: 'str', v, text: src.slice(start, i) };
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return { t: 'num', v: Number(num[0]), text: num[0] };
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (!id) return fail('expected a value');
    // Namespaced user functions (`ns.fn(...)`) keep their dots in the name.
    let name = id[0];
    i += name.length;
    ws();
    if (src[i] !== '(') {
      // A bare identifier followed by `.prop` was split wrongly above: only calls are values.
      const dot = name.indexOf('.');
      if (dot > 0) {
        i -= name.length - dot;
        name = name.slice(0, dot);
        ws();
      }
      if (src[i] !== '(') return fail(`expected '(' after ${name}`);
    }
    i++;
    if (++depth > 100) fail('expression nested too deeply');
    const args: Node[] = [];
    ws();
    if (src[i] === ')') i++;
    else {
      for (;;) {
        args.push(postfix());
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === ')') {
          i++;
          break;
        }
        fail("expected ',' or ')'");
      }
    }
    depth--;
    return { t: 'call', name, args, text: src.slice(start, i) };
  };
  const postfix = (): Node => {
    ws();
    const start = i;
    let n = primary();
    for (;;) {
      ws();
      if (src[i] === '.') {
        i++;
        ws();
        const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i));
        if (!id) fail('expected a property name');
        i += id![0].length;
        n = { t: 'prop', obj: n, name: id![0], text: src.slice(start, i) };
      } else if (src[i] === '[') {
        i++;
        const idx = postfix();
        ws();
        if (src[i] !== ']') fail("expected ']'");
        i++;
        n = { t: 'index', obj: n, idx, text: src.slice(start, i) };
      } else return n;
    }
  };
  const n = postfix();
  ws();
  if (i < src.length) fail('unexpected text');
  return n;
}

/** `[expr]` → 'expr'; `[[literal` → undefined (a literal starting with '['); other strings → undefined. */
export function expressionBody(s: string): string | undefined {
  const t = s.trim();
  if (t.startsWith('[[')) return undefined;
  if (t.startsWith('[') && t.endsWith(']')) return t.slice(1, -1);
  return undefined;
}

// ---------------------------------------------------------------- evaluation

export interface Scope {
  /** Declared parameters (name → declaration object with defaultValue). Case-insensitive lookup. */
  parameters: Record<string, unknown>;
  /** Values given for this deployment (parameters file, nested deployment), override defaults. */
  parameterValues: Record<string, unknown>;
  variables: Record<string, unknown>;
}

function lowerKeys(o: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Hole rendering of an unknown: `{text}` with insignificant spaces removed. */
function hole(text: string): string {
  return `{${text.replace(/\s+(?=(?:[^']*'[^']*')*[^']*$)/g, '')}}`;
}

function asSym(v: ArmValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v.sym;
  if (v instanceof ArmId) return v.toString();
  return undefined;
}

const known = (v: ArmValue): boolean => !(v instanceof Unknown) && !(v instanceof ArmRef);

/** Lower-case provider namespaces are case-insensitive in ARM; keep the type as written. */
function parseIdString(s: string): ArmId | undefined {
  const m = /^(?:\/subscriptions\/[^/]+)?(?:\/resourceGroups\/[^/]+)?\/providers\/([^/]+)\/(.+)$/i.exec(s);
  if (!m) {
    if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/?$/i.test(s)) return new ArmId('resource-group', undefined, []);
    if (/^\/subscriptions\/[^/]+\/?$/i.test(s)) return new ArmId('subscription', undefined, []);
    return undefined;
  }
  const segs = m[2]!.split('/');
  if (segs.length < 2) return undefined;
  if (/^Microsoft\.Management$/i.test(m[1]!) && /^managementGroups$/i.test(segs[0]!) && segs.length === 2) {
    return new ArmId('management-group', undefined, []);
  }
  const types: string[] = [];
  const names: string[] = [];
  for (let k = 0; k + 1 < segs.length; k += 2) {
    types.push(segs[k]!);
    names.push(segs[k + 1]!);
  }
  return new ArmId('resource', `${m[1]}/${types.join('/')}`, names);
}

export { parseIdString };

export class Evaluator {
  private readonly params: Map<string, unknown>;
  private readonly paramValues: Map<string, unknown>;
  private readonly vars: Map<string, unknown>;
  private readonly evaluating = new Set<string>();
  private readonly varCache = new Map<string, ArmValue>();
  private readonly parsed = new Map<string, Node | ArmSyntaxError>();
  /** Expressions that did not parse (as written), for one warning per expression. */
  readonly syntaxErrors: { expr: string; message: string }[] = [];

  constructor(scope: Scope) {
    this.params = lowerKeys(scope.parameters);
    this.paramValues = lowerKeys(scope.parameterValues);
    this.vars = lowerKeys(scope.variables);
  }

  /** Evaluate a template value read from JSON: strings may be expressions; containers stay as they are. */
  resolve(raw: unknown): ArmValue {
    if (typeof raw === 'string') {
      const body = expressionBody(raw);
      if (body === undefined) return raw.trim().startsWith('[[') ? raw.trim().slice(1) : raw;
      let node = this.parsed.get(body);
      if (node === undefined) {
        try {
          node = parseExpression(body);
        } catch (err) {
          node = err instanceof ArmSyntaxError ? err : new ArmSyntaxError(String(err));
          this.syntaxErrors.push({ expr: raw.trim(), message: node.message });
        }
        this.parsed.set(body, node);
      }
      return node instanceof ArmSyntaxError ? new Unknown() : this.eval(node);
    }
    if (raw === undefined) return null;
    return raw as ArmValue;
  }

  /** A display string for an unknown value: the expression as written. */
  static text(raw: unknown): string {
    return typeof raw === 'string' ? raw : JSON.stringify(raw) ?? 'undefined';
  }

  private parameter(name: string, text: string): ArmValue {
    const key = name.toLowerCase();
    if (this.paramValues.has(key)) {
      const given = this.paramValues.get(key);
      // A parameters-file entry is { value } or a Key Vault { reference }.
      if (isPlainObject(given) && 'value' in given) return this.resolve(given.value);
      return new Unknown(hole(text));
    }
    const decl = this.params.get(key);
    if (isPlainObject(decl) && 'defaultValue' in decl) return this.resolve(decl.defaultValue);
    return new Unknown(hole(text));
  }

  private variable(name: string, text: string): ArmValue {
    const key = name.toLowerCase();
    if (this.varCache.has(key)) return this.varCache.get(key)!;
    if (!this.vars.has(key) || this.evaluating.has(key)) return new Unknown(hole(text));
    this.evaluating.add(key);
    try {
      const v = this.resolve(this.vars.get(key));
      this.varCache.set(key, v);
      return v;
    } finally {
      this.evaluating.delete(key);
    }
  }

  private eval(n: Node): ArmValue {
    switch (n.t) {
      case 'str':
        return n.v;
      case 'num':
        return n.v;
      case 'prop':
        return this.member(this.eval(n.obj), n.name, n.text);
      case 'index': {
        const idx = this.eval(n.idx);
        if (typeof idx !== 'string' && typeof idx !== 'number') return this.member(this.eval(n.obj), undefined, n.text);
        return this.member(this.eval(n.obj), idx, n.text);
      }
      case 'call':
        return this.call(n);
    }
  }

  private member(obj: ArmValue, key: string | number | undefined, text: string): ArmValue {
    if (obj instanceof ArmRef) return key === undefined ? new Unknown(hole(text)) : new ArmRef(obj.target, obj.full, [...obj.path, String(key)]);
    if (key === undefined) return new Unknown(hole(text));
    if (Array.isArray(obj) && typeof key === 'number') return key >= 0 && key < obj.length ? this.resolve(obj[key]) : new Unknown(hole(text));
    if (isPlainObject(obj)) {
      const hit = Object.keys(obj).find((k) => k.toLowerCase() === String(key).toLowerCase());
      return hit !== undefined ? this.resolve(obj[hit]) : new Unknown(hole(text));
    }
    return new Unknown(hole(text));
  }

  private call(n: Extract<Node, { t: 'call' }>): ArmValue {
    const name = n.name.toLowerCase();
    const unknown = () => new Unknown(hole(n.text));
    // Functions that must not evaluate all their arguments eagerly or that read the template.
    switch (name) {
      case 'parameters': {
        const a = this.eval(n.args[0] ?? { t: 'str', v: '', text: "''" });
        return typeof a === 'string' ? this.parameter(a, n.text) : unknown();
      }
      case 'variables': {
        const a = this.eval(n.args[0] ?? { t: 'str', v: '', text: "''" });
        return typeof a === 'string' ? this.variable(a, n.text) : unknown();
      }
      case 'if': {
        const c = this.eval(n.args[0]!);
        if (typeof c === 'boolean' && n.args.length === 3) return this.eval(n.args[c ? 1 : 2]!);
        return unknown();
      }
      case 'copyindex':
        return unknown();
    }
    const args = n.args.map((a) => this.eval(a));
    const allKnown = args.every(known);
    const str = (k: number): string | undefined => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
    switch (name) {
      case 'concat': {
        if (args.length > 0 && args.every((a) => Array.isArray(a))) return (args as ArmValue[][]).flat();
        if (allKnown && args.every(isKnownScalar)) return args.map(String).join('');
        const syms = args.map(asSym);
        return new Unknown(syms.every((s) => s !== undefined) ? syms.join('') : hole(n.text));
      }
      case 'format': {
        const fmt = str(0);
        if (fmt === undefined) return unknown();
        const rest = args.slice(1).map(asSym);
        const out = fmt.replace(/\{(\d+)(?::[^}]*)?\}/g, (_, d: string) => rest[Number(d)] ?? '\u0000');
        if (out.includes('\u0000')) return unknown();
        return args.slice(1).every((a) => isKnownScalar(a)) ? out : new Unknown(out);
      }
      case 'resourceid':
      case 'subscriptionresourceid':
      case 'tenantresourceid':
      case 'extensionresourceid':
        return this.resourceId(name, args);
      case 'subscription':
        return { id: new ArmId('subscription', undefined, []), subscriptionId: new Unknown('{subscription().subscriptionId}'), tenantId: new Unknown('{subscription().tenantId}') };
      case 'resourcegroup':
        return { id: new ArmId('resource-group', undefined, []), name: new Unknown('{resourceGroup().name}'), location: new Unknown('{resourceGroup().location}') };
      case 'managementgroup':
        return { id: new ArmId('management-group', undefined, []), name: new Unknown('{managementGroup().name}') };
      case 'tenant':
        return { tenantId: new Unknown('{tenant().tenantId}') };
      case 'reference':
        return this.reference(args, n.args[0]);
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      case 'createarray':
        return args;
      case 'createobject': {
        if (!args.every((a, k) => k % 2 === 1 || typeof a === 'string')) return unknown();
        const o: { [k: string]: ArmValue } = {};
        for (let k = 0; k + 1 < args.length; k += 2) o[args[k] as string] = args[k + 1]!;
        return o;
      }
      case 'coalesce':
        for (const a of args) {
          if (!known(a)) return unknown();
          if (a !== null) return a;
        }
        return null;
    }
    if (!allKnown) return unknown();
    return this.pure(name, args) ?? unknown();
  }

  /** Functions of known arguments only; undefined when not supported or not computable. */
  private pure(name: string, args: ArmValue[]): ArmValue | undefined {
    const s = (k: number) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
    const a0 = args[0];
    switch (name) {
      case 'tolower':
        return s(0)?.toLowerCase();
      case 'toupper':
        return s(0)?.toUpperCase();
      case 'trim':
        return s(0)?.trim();
      case 'string':
        return isKnownScalar(a0 ?? null) ? String(a0) : a0 === null ? 'null' : JSON.stringify(a0);
      case 'int':
        return typeof a0 === 'number' ? Math.trunc(a0) : s(0) !== undefined && /^-?\d+$/.test(s(0)!) ? Number(s(0)) : undefined;
      case 'bool':
        return typeof a0 === 'boolean' ? a0 : s(0) !== undefined ? s(0)!.toLowerCase() === 'true' : typeof a0 === 'number' ? a0 !== 0 : undefined;
      case 'replace':
        return s(0) !== undefined && s(1) !== undefined && s(2) !== undefined ? s(0)!.split(s(1)!).join(s(2)!) : undefined;
      case 'substring': {
        const from = typeof args[1] === 'number' ? (args[1] as number) : 0;
        const len = typeof args[2] === 'number' ? (args[2] as number) : undefined;
        return s(0)?.substr(from, len);
      }
      case 'length':
        return typeof a0 === 'string' || Array.isArray(a0) ? a0.length : isPlainObject(a0) ? Object.keys(a0).length : undefined;
      case 'empty':
        return a0 === null || a0 === '' || (Array.isArray(a0) && a0.length === 0) || (isPlainObject(a0) && Object.keys(a0).length === 0);
      case 'contains':
        if (typeof a0 === 'string' && s(1) !== undefined) return a0.toLowerCase().includes(s(1)!.toLowerCase());
        if (Array.isArray(a0)) return a0.some((x) => this.resolve(x) === args[1]);
        if (isPlainObject(a0) && s(1) !== undefined) return Object.keys(a0).some((k) => k.toLowerCase() === s(1)!.toLowerCase());
        return undefined;
      case 'startswith':
        return s(0) !== undefined && s(1) !== undefined ? s(0)!.toLowerCase().startsWith(s(1)!.toLowerCase()) : undefined;
      case 'endswith':
        return s(0) !== undefined && s(1) !== undefined ? s(0)!.toLowerCase().endsWith(s(1)!.toLowerCase()) : undefined;
      case 'split':
        return s(0) !== undefined && s(1) !== undefined ? s(0)!.split(s(1)!) : undefined;
      case 'join':
        return Array.isArray(a0) && s(1) !== undefined && a0.every((x) => isKnownScalar(this.resolve(x))) ? a0.map((x) => String(this.resolve(x))).join(s(1)!) : undefined;
      case 'first':
        return Array.isArray(a0) ? (a0.length ? this.resolve(a0[0]) : null) : s(0)?.slice(0, 1);
      case 'last':
        return Array.isArray(a0) ? (a0.length ? this.resolve(a0[a0.length - 1]) : null) : s(0)?.slice(-1);
      case 'equals':
        return isKnownScalar(a0 ?? null) || a0 === null ? a0 === args[1] : undefined;
      case 'not':
        return typeof a0 === 'boolean' ? !a0 : undefined;
      case 'and':
        return args.every((x) => typeof x === 'boolean') ? args.every((x) => x === true) : undefined;
      case 'or':
        return args.every((x) => typeof x === 'boolean') ? args.some((x) => x === true) : undefined;
      case 'union':
        if (args.every(isPlainObject)) return Object.assign({}, ...args) as { [k: string]: ArmValue };
        if (args.every(Array.isArray)) return [...new Set((args as ArmValue[][]).flat())];
        return undefined;
      case 'json':
        try {
          return s(0) !== undefined ? (JSON.parse(s(0)!) as ArmValue) : undefined;
        } catch {
          return undefined;
        }
      case 'uri':
        return s(0) !== undefined && s(1) !== undefined ? `${s(0)!.replace(/\/[^/]*$/, '/')}${s(1)!.replace(/^\//, '')}` : undefined;
    }
    // uniqueString, guid, newGuid, utcNow, listKeys, environment, deployment, user functions…
    return undefined;
  }

  private resourceId(fn: string, args: ArmValue[]): ArmValue {
    // The resource type is the first argument that looks like Namespace/type; what precedes it is
    // a subscription / resource group (or, for extensionResourceId, the parent resource id).
    const typeIdx = args.findIndex((a) => typeof a === 'string' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(a));
    if (typeIdx < 0) return new Unknown();
    const type = args[typeIdx] as string;
    const names = args.slice(typeIdx + 1).map((a) => asSym(a) ?? '{?}');
    // `resourceId('Microsoft.Web/sites/config', 'app/web')` is also accepted by ARM.
    const flat = names.flatMap((x) => x.split('/'));
    const level: ScopeLevel = fn === 'subscriptionresourceid' ? 'subscription' : fn === 'tenantresourceid' ? 'tenant' : 'resource';
    return new ArmId(level === 'resource' ? 'resource' : level, type, flat);
  }

  private reference(args: ArmValue[], firstNode: Node | undefined): ArmValue {
    const full = typeof args[2] === 'string' && args[2].toLowerCase() === 'full';
    const a = args[0];
    if (a instanceof ArmId) return new ArmRef({ type: a.type, name: a.name }, full, []);
    if (typeof a === 'string') {
      const id = parseIdString(a);
      return new ArmRef(id ? { type: id.type, name: id.name } : { name: a }, full, []);
    }
    if (a instanceof Unknown && a.sym !== undefined) return new ArmRef({ name: a.sym }, full, []);
    return new Unknown(firstNode ? hole(`reference(${firstNode.text})`) : undefined);
  }
}
