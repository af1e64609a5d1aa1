/**
 * Static evaluation of CloudFormation values: intrinsic functions (`Ref`, `Fn::GetAtt`, `Fn::Sub`,
 * `Fn::Join`…) are rendered to strings where the result is known from the templates alone.
 * What cannot be known (pseudo parameters, resource attributes, imports, SSM lookups) stays an
 * expression written as `${Logical.Attr}` / `${AWS::Region}`, so rules can still show it.
 *
 * Shared by the CloudFormation and Serverless sources (Serverless `resources` and IAM statements
 * use the same intrinsics) and usable by any source that converts IAM JSON.
 */
import type { Location, Prop, SecretStore } from '../../model/types.js';

/** A value that a source could not resolve (serverless `${ssm:…}`, `${opt:…}` without default…). */
export class Unresolved {
  constructor(
    /** The expression as written. */
    readonly expr: string,
    readonly secretRef?: SecretStore,
  ) {}
}

/** Lookups a template provides for rendering: parameter defaults, mappings. */
export interface RefResolver {
  /** Static value of `Ref name` (a parameter default), or undefined when unknown. */
  ref?(name: string): unknown;
  findInMap?(map: string, first: string, second: string): unknown;
  /** Whether a logical id names a resource of the template (its ARN is then a specific resource). */
  isResource?(name: string): boolean;
}

/**
 * Whether an unresolved expression still designates specific resources: every `${…}` in it is a
 * pseudo parameter or an attribute of a resource of the template (not a parameter, import or
 * unknown value, which could be `*`).
 */
export function isSpecific(expr: string, r: RefResolver = {}): boolean {
  const tokens = [...expr.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]!);
  if (tokens.length === 0) return false;
  return tokens.every((t) => /^AWS::(Region|AccountId|Partition|URLSuffix|StackName|StackId)$/.test(t) || r.isResource?.(t.split('.')[0]!) === true);
}

export interface Rendered {
  /** Set when the whole value is known. */
  value?: string;
  /** The value as an expression when (partly) unknown. */
  expr?: string;
  secretRef?: SecretStore;
  /** `Ref: AWS::NoValue` – the property is absent. */
  noValue?: boolean;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unresolved);
}

/** `{{resolve:secretsmanager:…}}` / `{{resolve:ssm-secure:…}}` dynamic references. */
export function dynamicSecretRef(s: string): SecretStore | undefined {
  const m = /\{\{resolve:(secretsmanager|ssm-secure|ssm):/.exec(s);
  if (!m) return undefined;
  return m[1] === 'secretsmanager' ? 'aws-secrets-manager' : 'aws-ssm';
}

/** The single key of an intrinsic-function object (`Ref`, `Fn::Sub`…), if it is one. */
export function intrinsicName(v: unknown): string | undefined {
  if (!isPlainObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const k = keys[0]!;
  return k === 'Ref' || k === 'Condition' || k.startsWith('Fn::') ? k : undefined;
}

const MAX_RENDER_DEPTH = 30;

/** Render a value to a string, statically where possible. */
export function render(v: unknown, r: RefResolver = {}, depth = 0): Rendered {
  if (depth > MAX_RENDER_DEPTH) return { expr: '${…}' };
  if (v === null || v === undefined) return { noValue: true };
  if (v instanceof Unresolved) return { expr: v.expr, secretRef: v.secretRef };
  if (typeof v === 'string') {
    const secretRef = dynamicSecretRef(v);
    return secretRef ? { expr: v, secretRef } : { value: v };
  }
  if (typeof v === 'number' || typeof v === 'boolean') return { value: String(v) };
  if (Array.isArray(v)) {
    const parts = v.map((x) => render(x, r, depth + 1));
    return combine(parts, ',');
  }
  const fn = intrinsicName(v);
  if (!fn) return { expr: '${…}' };
  const arg = (v as Record<string, unknown>)[fn];
  switch (fn) {
    case 'Ref': {
      const name = typeof arg === 'string' ? arg : '?';
      if (name === 'AWS::NoValue') return { noValue: true };
      const known = name.startsWith('AWS::') ? undefined : r.ref?.(name);
      if (known !== undefined && known !== null) return render(known, r, depth + 1);
      return { expr: `\${${name}}` };
    }
    case 'Fn::GetAtt': {
      const parts = Array.isArray(arg) ? arg.map((x) => render(x, r, depth + 1).value ?? '?') : [String(arg)];
      return { expr: `\${${parts.join('.')}}` };
    }
    case 'Fn::Sub':
      return renderSub(arg, r, depth);
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2) return { expr: '${Fn::Join}' };
      const sep = render(arg[0], r, depth + 1).value ?? '';
      const items = listItems(arg[1], r, depth + 1);
      if (!items) return { expr: '${Fn::Join}' };
      return combine(items, sep);
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg) || arg.length !== 2) return { expr: '${Fn::Select}' };
      const idx = Number(render(arg[0], r, depth + 1).value);
      const items = listItems(arg[1], r, depth + 1);
      const picked = items && Number.isInteger(idx) ? items[idx] : undefined;
      return picked ?? { expr: '${Fn::Select}' };
    }
    case 'Fn::FindInMap': {
      if (Array.isArray(arg) && arg.length >= 3) {
        const [m, a, b] = arg.map((x) => render(x, r, depth + 1).value);
        if (m !== undefined && a !== undefined && b !== undefined) {
          const found = r.findInMap?.(m, a, b);
          if (found !== undefined) return render(found, r, depth + 1);
        }
      }
      return { expr: '${Fn::FindInMap}' };
    }
    case 'Fn::ImportValue': {
      const name = render(arg, r, depth + 1);
      return { expr: `\${ImportValue:${name.value ?? name.expr ?? '?'}}` };
    }
    case 'Fn::If': {
      // Both branches are possible; equal branches are static.
      if (Array.isArray(arg) && arg.length === 3) {
        const a = render(arg[1], r, depth + 1);
        const b = render(arg[2], r, depth + 1);
        if (a.value !== undefined && a.value === b.value) return a;
      }
      return { expr: `\${If:${Array.isArray(arg) ? String(arg[0]) : '?'}}` };
    }
    case 'Fn::Base64':
      return render(arg, r, depth + 1);
    default:
      return { expr: `\${${fn}}` };
  }
}

/** Items of a list-valued argument (literal list, `Fn::Split` of a static string). */
function listItems(v: unknown, r: RefResolver, depth: number): Rendered[] | undefined {
  if (Array.isArray(v)) return v.map((x) => render(x, r, depth + 1));
  if (intrinsicName(v) === 'Fn::Split') {
    const arg = (v as Record<string, unknown>)['Fn::Split'];
    if (Array.isArray(arg) && arg.length === 2) {
      const sep = render(arg[0], r, depth + 1).value;
      const s = render(arg[1], r, depth + 1).value;
      if (sep !== undefined && s !== undefined) return s.split(sep).map((value) => ({ value }));
    }
  }
  return undefined;
}

function combine(parts: Rendered[], sep: string): Rendered {
  const present = parts.filter((p) => !p.noValue);
  const text = present.map((p) => p.value ?? p.expr ?? '').join(sep);
  const secretRef = present.find((p) => p.secretRef)?.secretRef;
  return present.every((p) => p.value !== undefined) ? { value: text } : { expr: text, secretRef };
}

function renderSub(arg: unknown, r: RefResolver, depth: number): Rendered {
  let template: unknown = arg;
  const vars = new Map<string, Rendered>();
  if (Array.isArray(arg)) {
    template = arg[0];
    if (isPlainObject(arg[1])) for (const [k, x] of Object.entries(arg[1])) vars.set(k, render(x, r, depth + 1));
  }
  if (template instanceof Unresolved) return { expr: template.expr, secretRef: template.secretRef };
  if (typeof template !== 'string') return { expr: '${Fn::Sub}' };
  let known = true;
  let secretRef = dynamicSecretRef(template);
  if (secretRef) known = false;
  const text = template.replace(/\$\{(!?)([^}]*)\}/g, (whole, bang: string, name: string) => {
    if (bang) return `\${${name}}`; // `${!Literal}` is written out literally
    const own = vars.get(name);
    let out: Rendered | undefined = own;
    if (!out && !name.includes('.') && !name.startsWith('AWS::')) {
      const p = r.ref?.(name);
      if (p !== undefined && p !== null) out = render(p, r, depth + 1);
    }
    if (out?.value !== undefined) return out.value;
    known = false;
    secretRef ??= out?.secretRef;
    return out?.expr ?? whole;
  });
  return known ? { value: text } : { expr: text, secretRef };
}

/** A string property with its location. */
export function strProp(v: unknown, loc: Location, r?: RefResolver, inherited?: boolean): Prop<string> | undefined {
  const x = render(v, r);
  if (x.noValue) return undefined;
  const p: Prop<string> = x.value !== undefined ? { value: x.value, loc } : { expr: x.expr, loc };
  if (inherited) p.inherited = true;
  return p;
}

/** A numeric property (numbers or numeric strings). */
export function numProp(v: unknown, loc: Location, r?: RefResolver, inherited?: boolean): Prop<number> | undefined {
  const x = render(v, r);
  if (x.noValue) return undefined;
  const n = x.value !== undefined && x.value.trim() !== '' ? Number(x.value) : NaN;
  const p: Prop<number> = Number.isFinite(n) ? { value: n, loc } : { expr: x.value ?? x.expr, loc };
  if (inherited) p.inherited = true;
  return p;
}

/** A boolean property; `'true'`/`'false'` strings count. */
export function boolProp(v: unknown, loc: Location, r?: RefResolver, inherited?: boolean): Prop<boolean> | undefined {
  const x = render(v, r);
  if (x.noValue) return undefined;
  const s = x.value?.toLowerCase();
  const p: Prop<boolean> = s === 'true' || s === 'false' ? { value: s === 'true', loc } : { expr: x.value ?? x.expr, loc };
  if (inherited) p.inherited = true;
  return p;
}

/** A list of strings; unknown items are kept as expressions and make the whole value unknown. */
export function listProp(v: unknown, loc: Location, r?: RefResolver, inherited?: boolean): Prop<string[]> | undefined {
  if (v === undefined || v === null) return undefined;
  const items = Array.isArray(v) ? v.map((x) => render(x, r)) : (listItems(v, r ?? {}, 0) ?? [render(v, r)]);
  const present = items.filter((i) => !i.noValue);
  const p: Prop<string[]> = present.every((i) => i.value !== undefined)
    ? { value: present.map((i) => i.value!), loc }
    : { expr: present.map((i) => i.value ?? i.expr).join(', '), loc };
  if (inherited) p.inherited = true;
  return p;
}

/** Set an optional property only when a value was found (keeps absent properties absent). */
export function setDefined<T extends object, K extends keyof T>(target: T, key: K, v: T[K] | undefined): void {
  if (v !== undefined) target[key] = v;
}
