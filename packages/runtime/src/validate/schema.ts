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
 * Validates `v`; returns the JSON pointer of the first failure, or null. The pointer is kept as a stack
 * of segments and joined only on failure (no string building on the success path).
 */
function check(s: JsonSchema, v: unknown, at: Array<string | number>, root: JsonSchema, depth: number): string | null {
  const fail = (extra?: string | number): string => `/${(extra === undefined ? at : [...at, extra]).join('/')}`;
  if (depth > 64) return fail();
  if (s.$ref !== undefined) {
    const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(s.$ref);
    const target = m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[m[2] as string] : s.$ref === '#' ? root : undefined;
    if (target === undefined) return fail();
    const r = check(target, v, at, root, depth + 1);
    if (r !== null) return r;
  }
  const t = typeOf(v);
  if (s.type !== undefined) {
    const okType = (x: JsonType): boolean => x === t || (x === 'number' && t === 'integer');
    if (Array.isArray(s.type) ? !s.type.some(okType) : !okType(s.type as JsonType)) return fail();
  }
  if (s.const !== undefined && !deepEqual(s.const, v)) return fail();
  if (s.enum !== undefined && !s.enum.some((e) => deepEqual(e, v))) return fail();
  if (t === 'string') {
    const len = codePoints(v as string);
    if ((s.minLength !== undefined && len < s.minLength) || (s.maxLength !== undefined && len > s.maxLength)) return fail();
  } else if (t === 'number' || t === 'integer') {
    const n = v as number;
    if ((s.minimum !== undefined && n < s.minimum) || (s.maximum !== undefined && n > s.maximum)) return fail();
    if ((s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) || (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum)) return fail();
    if (s.multipleOf !== undefined && Math.abs(n / s.multipleOf - Math.round(n / s.multipleOf)) > 1e-9) return fail();
  } else if (t === 'array') {
    const a = v as unknown[];
    if ((s.minItems !== undefined && a.length < s.minItems) || (s.maxItems !== undefined && a.length > s.maxItems)) return fail();
    if (s.uniqueItems === true) for (let i = 0; i < a.length; i++) for (let j = 0; j < i; j++) if (deepEqual(a[i], a[j])) return fail(i);
    for (let i = 0; i < a.length; i++) {
      const item = s.prefixItems?.[i] ?? s.items;
      if (item === undefined) continue;
      at.push(i);
      const r = check(item, a[i], at, root, depth + 1);
      at.pop();
      if (r !== null) return r;
    }
  } else if (t === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if ((s.minProperties !== undefined && keys.length < s.minProperties) || (s.maxProperties !== undefined && keys.length > s.maxProperties)) return fail();
    if (s.required !== undefined) for (const r of s.required) if (!Object.prototype.hasOwnProperty.call(o, r)) return fail(r);
    for (const k of keys) {
      const p = s.properties !== undefined && Object.prototype.hasOwnProperty.call(s.properties, k) ? s.properties[k] : undefined;
      if (p === undefined && s.additionalProperties === false) return fail(k);
      const sub = p ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (sub === undefined) continue;
      at.push(k);
      const r = check(sub, o[k], at, root, depth + 1);
      at.pop();
      if (r !== null) return r;
    }
  }
  if (s.allOf !== undefined) for (const x of s.allOf) { const r = check(x, v, at, root, depth + 1); if (r !== null) return r; }
  if (s.anyOf !== undefined && !s.anyOf.some((x) => check(x, v, at, root, depth + 1) === null)) return fail();
  if (s.oneOf !== undefined && s.oneOf.filter((x) => check(x, v, at, root, depth + 1) === null).length !== 1) return fail();
  if (s.not !== undefined && check(s.not, v, at, root, depth + 1) === null) return fail();
  return null;
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
  return (v) => {
    const path = check(schema, v, [], schema, 0);
    return path === null ? { ok: true, value: v } : { ok: false, value: undefined, path };
  };
}
