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

function inEnum(values: readonly unknown[], v: unknown): boolean {
  for (const e of values) if (deepEqual(e, v)) return true;
  return false;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function refTarget(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === '#') return root;
  const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  return m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[m[2] as string] : undefined;
}

/** Nesting bound (arrays, objects, refs): recursive schemas (`$ref: "#"`) on hostile input stop here. */
const MAX_DEPTH = 64;

/**
 * Code testing that `v` has own key `k`. A property read is much faster than hasOwnProperty and JSON
 * values are never undefined; names Object.prototype also has ("constructor", "__proto__") need the
 * own-property test.
 */
function present(k: string): string {
  const lit = JSON.stringify(k);
  return k in Object.prototype ? `h(v,${lit})` : `(v[${lit}]!==undefined)`;
}

const TYPE_TEST: Record<JsonType, string> = {
  string: 'typeof v==="string"', number: 'typeof v==="number"', integer: 'Number.isInteger(v)', boolean: 'typeof v==="boolean"',
  null: 'v===null', array: 'Array.isArray(v)', object: '(typeof v==="object"&&v!==null&&!Array.isArray(v))',
};

/**
 * Generates one JavaScript function per schema node, as Ajv does: a closure or interpreter that
 * consults every keyword per value measured ~10× slower than Ajv on a 2 KB body. Each generated
 * function returns null when valid, else the failing path as segments in reverse (children push their
 * key while unwinding), so the success path allocates nothing. Schema text only enters the code
 * through JSON.stringify (keys) or checked numbers; values for const/enum stay data (`K`).
 */
class CodeGen {
  readonly fns: string[] = [];
  readonly consts: unknown[] = [];
  private readonly ids = new Map<JsonSchema, number>();
  constructor(private readonly root: JsonSchema) {}

  node(s: JsonSchema, at = ''): string {
    const known = this.ids.get(s);
    if (known !== undefined) return `f${known}`;
    // boolean subschemas: true accepts anything, false nothing
    if (typeof s === 'boolean') return s ? 'T' : 'F';
    if (typeof s !== 'object' || s === null) throw new UnsupportedSchemaError(String(s), at);
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new UnsupportedSchemaError(k, at);
    const id = this.fns.length;
    this.ids.set(s, id);
    this.fns.push('');
    this.fns[id] = `function f${id}(v,d){${this.body(s, at)}return null}`;
    return `f${id}`;
  }

  private k(v: unknown): string { this.consts.push(v); return `K[${this.consts.length - 1}]`; }

  private body(s: JsonSchema, at: string): string {
    const num = (x: unknown, kw: string): string => {
      if (typeof x !== 'number' || Number.isNaN(x)) throw new UnsupportedSchemaError(kw, at);
      return String(x);
    };
    const call = (child: JsonSchema, value: string, seg: string, where: string): string =>
      `{const r=${this.node(child, `${at}/${where}`)}(${value},d+1);if(r!==null){${seg ? `r.push(${seg});` : ''}return r}}`;
    let c = '';
    if (s.$ref !== undefined) {
      const target = refTarget(s.$ref, this.root);
      c += target === undefined ? 'return[];' : `if(d>${MAX_DEPTH})return[];${call(target, 'v', '', s.$ref.slice(2))}`;
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      c += `if(!(${types.map((t) => TYPE_TEST[t] ?? 'false').join('||')}))return[];`;
    }
    if (s.const !== undefined) c += `if(!eq(${this.k(s.const)},v))return[];`;
    if (s.enum !== undefined) c += `if(!inEnum(${this.k(s.enum)},v))return[];`;
    if (s.minLength !== undefined || s.maxLength !== undefined) {
      const lo = num(s.minLength ?? 0, 'minLength'), hi = num(s.maxLength ?? Infinity, 'maxLength');
      // code points lie between half the UTF-16 length and the length: count only when that straddles a bound
      c += `if(typeof v==="string"&&!(v.length<=${hi}&&((v.length+1)>>1)>=${lo})){const n=cp(v);if(n<${lo}||n>${hi})return[]}`;
    }
    const bounds: string[] = [];
    if (s.minimum !== undefined) bounds.push(`v<${num(s.minimum, 'minimum')}`);
    if (s.maximum !== undefined) bounds.push(`v>${num(s.maximum, 'maximum')}`);
    if (s.exclusiveMinimum !== undefined) bounds.push(`v<=${num(s.exclusiveMinimum, 'exclusiveMinimum')}`);
    if (s.exclusiveMaximum !== undefined) bounds.push(`v>=${num(s.exclusiveMaximum, 'exclusiveMaximum')}`);
    if (s.multipleOf !== undefined) { const m = num(s.multipleOf, 'multipleOf'); bounds.push(`Math.abs(v/${m}-Math.round(v/${m}))>1e-9`); }
    if (bounds.length > 0) c += `if(typeof v==="number"&&(${bounds.join('||')}))return[];`;

    const { minItems, maxItems, uniqueItems, items, prefixItems } = s;
    if (minItems !== undefined || maxItems !== undefined || uniqueItems === true || items !== undefined || prefixItems !== undefined) {
      c += `if(Array.isArray(v)){if(d>${MAX_DEPTH})return[];`;
      if (minItems !== undefined) c += `if(v.length<${num(minItems, 'minItems')})return[];`;
      if (maxItems !== undefined) c += `if(v.length>${num(maxItems, 'maxItems')})return[];`;
      if (uniqueItems === true) c += 'for(let i=0;i<v.length;i++)for(let j=0;j<i;j++)if(eq(v[i],v[j]))return[i];';
      (prefixItems ?? []).forEach((p, i) => { c += `if(v.length>${i})${call(p, `v[${i}]`, String(i), `prefixItems/${i}`)}`; });
      if (items !== undefined) c += `for(let i=${prefixItems?.length ?? 0};i<v.length;i++)${call(items, 'v[i]', 'i', 'items')}`;
      c += '}';
    }
    const { minProperties, maxProperties, required, properties, additionalProperties: extra } = s;
    if (minProperties !== undefined || maxProperties !== undefined || required !== undefined || properties !== undefined || (extra !== undefined && extra !== true)) {
      c += `if(typeof v==="object"&&v!==null&&!Array.isArray(v)){if(d>${MAX_DEPTH})return[];`;
      if (minProperties !== undefined || maxProperties !== undefined) {
        c += `{const n=Object.keys(v).length;if(n<${num(minProperties ?? 0, 'minProperties')}||n>${num(maxProperties ?? Infinity, 'maxProperties')})return[]}`;
      }
      for (const r of required ?? []) c += `if(!${present(r)})return[${JSON.stringify(r)}];`;
      const props = Object.entries(properties ?? {});
      if (extra === undefined || extra === true) {
        // undeclared keys are free: visit only the declared ones
        for (const [k, p] of props) c += `if(${present(k)})${call(p, `v[${JSON.stringify(k)}]`, JSON.stringify(k), `properties/${k}`)}`;
      } else {
        c += 'for(const k of Object.keys(v)){switch(k){';
        for (const [k, p] of props) c += `case ${JSON.stringify(k)}:${call(p, 'v[k]', 'k', `properties/${k}`)}break;`;
        c += `default:${extra === false ? 'return[k]' : call(extra, 'v[k]', 'k', 'additionalProperties')}}}`;
      }
      c += '}';
    }
    (s.allOf ?? []).forEach((x, i) => { c += call(x, 'v', '', `allOf/${i}`); });
    if (s.anyOf !== undefined) c += `if(${s.anyOf.map((x, i) => `${this.node(x, `${at}/anyOf/${i}`)}(v,d+1)!==null`).join('&&') || 'true'})return[];`;
    if (s.oneOf !== undefined) c += `{let n=0;${s.oneOf.map((x, i) => `if(${this.node(x, `${at}/oneOf/${i}`)}(v,d+1)===null)n++;`).join('')}if(n!==1)return[]}`;
    if (s.not !== undefined) c += `if(${this.node(s.not, `${at}/not`)}(v,d+1)===null)return[];`;
    return c;
  }
}

type Compiled = (v: unknown, depth: number) => Array<string | number> | null;

function compileJsonSchema(schema: JsonSchema): Compiled {
  const gen = new CodeGen(schema);
  const entry = gen.node(schema);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from a checked schema, see CodeGen
  let make: (...a: unknown[]) => Compiled;
  try {
    make = new Function('K', 'h', 'eq', 'inEnum', 'cp', `const T=()=>null,F=()=>[];\n${gen.fns.join('\n')}\nreturn ${entry};`) as typeof make;
  } catch {
    throw new Error('fnguard: this environment forbids code generation from strings, which JSON Schema validation needs; use a Standard Schema validator (e.g. zod)');
  }
  return make(gen.consts, hasOwn, deepEqual, inEnum, codePoints);
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
  const root = compileJsonSchema(schema);
  return (v) => {
    const failed = root(v, 0);
    return failed === null ? { ok: true, value: v } : { ok: false, value: undefined, path: `/${failed.reverse().join('/')}` };
  };
}
