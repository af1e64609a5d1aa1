// Schema validation: any Standard Schema validator (zod, valibot, arktype… via `~standard`) or a JSON
// Schema object. JSON Schema is checked by a small in-house subset validator rather than Ajv: Ajv alone
// is ~120 KB minified plus code generation at cold start, which would break the package's
// no-dependency / ≤ 30 KB budget. Supported keywords: type (incl. arrays of types), enum, const,
// properties, required, additionalProperties (boolean or schema), items (single schema), prefixItems,
// minItems, maxItems, uniqueItems, minLength, maxLength, minimum, maximum, exclusiveMinimum,
// exclusiveMaximum, multipleOf, minProperties, maxProperties, allOf, anyOf, oneOf, not, and local $ref
// ("#/$defs/x", "#/definitions/x"). `pattern` and `format` are rejected at configuration time:
// user-supplied regexes could backtrack, and silently ignoring a keyword would be worse.

/** The part of the Standard Schema v1 interface the guard uses (declared here to stay dependency-free). */
export interface StandardSchemaV1 {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult | Promise<StandardResult>;
  };
}
export type StandardResult =
  | { readonly value: unknown; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined }> };

export interface JsonSchema {
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number; maxItems?: number; uniqueItems?: boolean;
  minLength?: number; maxLength?: number;
  minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number; multipleOf?: number;
  minProperties?: number; maxProperties?: number;
  allOf?: JsonSchema[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; not?: JsonSchema;
  $ref?: string; $defs?: Record<string, JsonSchema>; definitions?: Record<string, JsonSchema>;
  $schema?: string; $id?: string; title?: string; description?: string; default?: unknown; examples?: unknown[];
}
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export type Schema = StandardSchemaV1 | JsonSchema;

const KNOWN = new Set(['type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minProperties', 'maxProperties', 'allOf', 'anyOf', 'oneOf', 'not', '$ref', '$defs', 'definitions', '$schema', '$id', 'title', 'description', 'default', 'examples', '$comment', 'deprecated', 'readOnly', 'writeOnly']);

/** Thrown at configuration time for a schema the subset validator cannot honour. */
export class UnsupportedSchemaError extends Error {
  constructor(keyword: string, at: string) {
    super(`fnguard: JSON Schema keyword "${keyword}" at ${at || '/'} is not supported by the built-in validator; use a Standard Schema validator (e.g. zod) for it`);
    this.name = 'UnsupportedSchemaError';
  }
}

function checkSupported(s: JsonSchema, at: string, seen: Set<object>): void {
  if (typeof s !== 'object' || s === null || seen.has(s)) return;
  seen.add(s);
  for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new UnsupportedSchemaError(k, at);
  const sub = (x: JsonSchema | undefined, p: string): void => { if (x && typeof x === 'object') checkSupported(x, p, seen); };
  for (const [k, v] of Object.entries(s.properties ?? {})) sub(v, `${at}/properties/${k}`);
  for (const [k, v] of Object.entries(s.$defs ?? {})) sub(v, `${at}/$defs/${k}`);
  for (const [k, v] of Object.entries(s.definitions ?? {})) sub(v, `${at}/definitions/${k}`);
  if (typeof s.additionalProperties === 'object') sub(s.additionalProperties, `${at}/additionalProperties`);
  sub(s.items, `${at}/items`);
  sub(s.not, `${at}/not`);
  for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const) (s[key] ?? []).forEach((x, i) => sub(x, `${at}/${key}/${i}`));
}

function typeOf(v: unknown): JsonType | 'undefined' | 'other' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (t === 'string' || t === 'boolean' || t === 'object') return t;
  return t === 'undefined' ? 'undefined' : 'other';
}

/** Length in code points, as JSON Schema counts it, without allocating. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0xd800 && c <= 0xdbff) { n--; i++; } }
  return n;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A schema object rewritten with every keyword present (undefined when absent) and refs resolved, so
 * all nodes share one hidden class: reading keywords off user schemas of many different shapes made
 * every property access in `check` megamorphic, which dominated validation time.
 */
interface Node {
  type: JsonType | JsonType[] | undefined; hasConst: boolean; const: unknown; enum: readonly unknown[] | undefined;
  minLength: number | undefined; maxLength: number | undefined;
  minimum: number | undefined; maximum: number | undefined; exclusiveMinimum: number | undefined; exclusiveMaximum: number | undefined; multipleOf: number | undefined;
  minItems: number | undefined; maxItems: number | undefined; uniqueItems: boolean; items: Node | undefined; prefixItems: Node[] | undefined;
  minProperties: number | undefined; maxProperties: number | undefined; required: readonly string[] | undefined;
  properties: Map<string, Node> | undefined; additional: boolean | Node;
  allOf: Node[] | undefined; anyOf: Node[] | undefined; oneOf: Node[] | undefined; not: Node | undefined;
  /** Resolved $ref; `null` when the reference does not resolve (always fails). */
  ref: Node | null | undefined;
}

function toNode(s: JsonSchema, root: JsonSchema, seen: Map<JsonSchema, Node>): Node {
  const known = seen.get(s);
  if (known !== undefined) return known;
  const n: Node = {
    type: s.type, hasConst: s.const !== undefined, const: s.const, enum: s.enum,
    minLength: s.minLength, maxLength: s.maxLength,
    minimum: s.minimum, maximum: s.maximum, exclusiveMinimum: s.exclusiveMinimum, exclusiveMaximum: s.exclusiveMaximum, multipleOf: s.multipleOf,
    minItems: s.minItems, maxItems: s.maxItems, uniqueItems: s.uniqueItems === true, items: undefined, prefixItems: undefined,
    minProperties: s.minProperties, maxProperties: s.maxProperties, required: s.required,
    properties: undefined, additional: true, allOf: undefined, anyOf: undefined, oneOf: undefined, not: undefined, ref: undefined,
  };
  seen.set(s, n); // before the children: refs may be recursive
  const sub = (x: JsonSchema): Node => toNode(x, root, seen);
  if (s.items !== undefined) n.items = sub(s.items);
  if (s.prefixItems !== undefined) n.prefixItems = s.prefixItems.map(sub);
  if (s.properties !== undefined) n.properties = new Map(Object.entries(s.properties).map(([k, v]) => [k, sub(v)]));
  if (s.additionalProperties !== undefined) n.additional = typeof s.additionalProperties === 'object' ? sub(s.additionalProperties) : s.additionalProperties;
  if (s.allOf !== undefined) n.allOf = s.allOf.map(sub);
  if (s.anyOf !== undefined) n.anyOf = s.anyOf.map(sub);
  if (s.oneOf !== undefined) n.oneOf = s.oneOf.map(sub);
  if (s.not !== undefined) n.not = sub(s.not);
  if (s.$ref !== undefined) {
    const target = refTarget(s.$ref, root);
    n.ref = target === undefined ? null : sub(target);
  }
  return n;
}

/**
 * Validates `v`; returns the JSON pointer of the first failure, or null. The pointer is kept as a stack
 * of segments and joined only on failure (no string building on the success path). No closures in
 * here: it runs once per value of every payload.
 */
function check(s: Node, v: unknown, at: Array<string | number>, depth: number): string | null {
  if (depth > 64) return pointer(at);
  if (s.ref !== undefined) {
    if (s.ref === null) return pointer(at);
    const r = check(s.ref, v, at, depth + 1);
    if (r !== null) return r;
  }
  const t = typeOf(v);
  if (s.type !== undefined && !typeMatches(s.type, t)) return pointer(at);
  if (s.hasConst && !deepEqual(s.const, v)) return pointer(at);
  if (s.enum !== undefined && !inEnum(s.enum, v)) return pointer(at);
  if (t === 'string') {
    if (s.minLength !== undefined || s.maxLength !== undefined) {
      const len = codePoints(v as string);
      if ((s.minLength !== undefined && len < s.minLength) || (s.maxLength !== undefined && len > s.maxLength)) return pointer(at);
    }
  } else if (t === 'number' || t === 'integer') {
    const n = v as number;
    if ((s.minimum !== undefined && n < s.minimum) || (s.maximum !== undefined && n > s.maximum)) return pointer(at);
    if ((s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) || (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum)) return pointer(at);
    if (s.multipleOf !== undefined && Math.abs(n / s.multipleOf - Math.round(n / s.multipleOf)) > 1e-9) return pointer(at);
  } else if (t === 'array') {
    const a = v as unknown[];
    if ((s.minItems !== undefined && a.length < s.minItems) || (s.maxItems !== undefined && a.length > s.maxItems)) return pointer(at);
    if (s.uniqueItems) for (let i = 0; i < a.length; i++) for (let j = 0; j < i; j++) if (deepEqual(a[i], a[j])) return pointer(at, i);
    for (let i = 0; i < a.length; i++) {
      const item = s.prefixItems?.[i] ?? s.items;
      if (item === undefined) continue;
      at.push(i);
      const r = check(item, a[i], at, depth + 1);
      at.pop();
      if (r !== null) return r;
    }
  } else if (t === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if ((s.minProperties !== undefined && keys.length < s.minProperties) || (s.maxProperties !== undefined && keys.length > s.maxProperties)) return pointer(at);
    if (s.required !== undefined) for (const r of s.required) if (!Object.prototype.hasOwnProperty.call(o, r)) return pointer(at, r);
    for (const k of keys) {
      const sub = s.properties?.get(k) ?? s.additional;
      if (sub === false) return pointer(at, k);
      if (sub === true) continue;
      at.push(k);
      const r = check(sub, o[k], at, depth + 1);
      at.pop();
      if (r !== null) return r;
    }
  }
  if (s.allOf !== undefined) for (const x of s.allOf) { const r = check(x, v, at, depth + 1); if (r !== null) return r; }
  if (s.anyOf !== undefined) {
    let any = false;
    for (const x of s.anyOf) if (check(x, v, at, depth + 1) === null) { any = true; break; }
    if (!any) return pointer(at);
  }
  if (s.oneOf !== undefined) {
    let n = 0;
    for (const x of s.oneOf) if (check(x, v, at, depth + 1) === null) n++;
    if (n !== 1) return pointer(at);
  }
  if (s.not !== undefined && check(s.not, v, at, depth + 1) === null) return pointer(at);
  return null;
}

/** JSON pointer of a failure: the path stack (plus one extra segment), joined only when something failed. */
function pointer(at: ReadonlyArray<string | number>, extra?: string | number): string {
  return `/${(extra === undefined ? at : [...at, extra]).join('/')}`;
}

function refTarget(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === '#') return root;
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  return m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[m[2] as string] : undefined;
}

function typeMatches(want: JsonType | JsonType[], t: string): boolean {
  if (!Array.isArray(want)) return want === t || (want === 'number' && t === 'integer');
  for (const x of want) if (x === t || (x === 'number' && t === 'integer')) return true;
  return false;
}

function inEnum(values: readonly unknown[], v: unknown): boolean {
  for (const e of values) if (deepEqual(e, v)) return true;
  return false;
}

export interface ValidationResult { ok: boolean; value: unknown; path?: string }
export type Validator = (v: unknown) => ValidationResult | Promise<ValidationResult>;

function isStandard(s: Schema): s is StandardSchemaV1 {
  return typeof s === 'object' && s !== null && '~standard' in s;
}

/** Compiles a schema once (at guard creation) into a validator function. */
export function compileSchema(schema: Schema): Validator {
  if (isStandard(schema)) {
    const std = schema['~standard'];
    const done = (r: StandardResult): ValidationResult =>
      r.issues === undefined ? { ok: true, value: r.value } : { ok: false, value: undefined, path: r.issues[0]?.path?.map((p) => String(typeof p === 'object' ? p.key : p)).join('/') ?? '' };
    return (v) => {
      const r = std.validate(v);
      return r instanceof Promise ? r.then(done) : done(r);
    };
  }
  checkSupported(schema, '', new Set());
  const root = toNode(schema, schema, new Map());
  return (v) => {
    const path = check(root, v, [], 0);
    return path === null ? { ok: true, value: v } : { ok: false, value: undefined, path };
  };
}
