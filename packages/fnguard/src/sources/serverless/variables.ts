/**
 * Serverless Framework variables, resolved statically and in place on the parsed config:
 * `${self:…}`, `${file(./x.yml):a.b}` (inside the scan root only, through ctx.readFile),
 * `${opt:…}` (unknown: fallbacks are used), `${sls:stage}`, `${param:…}`, `${strToBool(…)}`,
 * nested variables and fallback lists `${a, b, 'c'}`.
 *
 * Safety: `${env:…}` never reads the scanner's environment; `${ssm:…}`, `${aws:…}`, `${cf:…}`,
 * `${s3:…}` and unknown sources stay Unresolved (SSM / Secrets Manager marked as secret
 * references); JavaScript variable files are never executed. Depth, cycle and work limits keep
 * hostile configs from hanging the scan. Messages name expressions as written, never values.
 *
 * Objects keep their identity, so positions recorded by the parser stay valid; values included
 * from another file keep that file's positions (see DocSet).
 */
import { posix } from 'node:path';
import type { Location, SecretStore } from '../../model/types.js';
import type { Locator } from '../aws-common/policy.js';
import { Unresolved, isPlainObject } from '../aws-common/values.js';
import { describeError } from '../../core/errors.js';
import { parseStructured, type StructuredDoc } from '../structured.js';
import type { SourceContext } from '../types.js';

/** Positions across the main file and the files it includes. */
export class DocSet implements Locator {
  readonly docs: StructuredDoc[] = [];

  constructor(main: StructuredDoc) {
    this.docs.push(main);
  }

  loc(container: unknown, key?: string | number): Location {
    for (const d of this.docs) if (d.has(container)) return d.loc(container, key);
    return this.docs[0]!.loc(container, key);
  }
}

/** Nesting of variable evaluations (about two levels per `${self:…}` hop). */
const MAX_DEPTH = 40;
/** Upper bound on variable evaluations per service file. */
const MAX_EVALUATIONS = 50_000;
/** Longer strings are not searched for variables (brace matching must stay cheap). */
const MAX_STRING = 64 * 1024;
/** `${` occurrences examined per string. */
const MAX_TOKEN_ATTEMPTS = 256;

/** `${source:…}` or `${source(…)…}`: a serverless variable. `${AWS::Region}` and `${Logical}` are CloudFormation's. */
const VARIABLE_START = /^\s*[a-zA-Z][\w-]*(\(|:(?!:))/;

type Value = unknown;

export class Variables {
  private readonly files = new Map<string, Value>();
  private readonly visited = new WeakSet<object>();
  private readonly inProgress = new Set<string>();
  private evaluations = 0;
  private readonly reported = new Set<string>();
  private stageCache: string | undefined;

  constructor(
    private readonly root: Record<string, unknown>,
    private readonly docs: DocSet,
    /** Directory of serverless.yml relative to the scan root ('' for the root). */
    private readonly serviceDir: string,
    private readonly ctx: SourceContext,
    private readonly file: string,
  ) {}

  /** Resolve every value of the config in place. */
  resolveAll(): void {
    this.resolveTree(this.root, 0);
  }

  /** The stage: `provider.stage` when static, else 'dev' (the framework default). */
  stage(): string {
    if (this.stageCache === undefined) {
      this.stageCache = 'dev';
      const provider = this.root['provider'];
      if (isPlainObject(provider)) {
        const s = this.resolveKey(provider, 'stage', 0);
        if (typeof s === 'string' && s) this.stageCache = s;
      }
    }
    return this.stageCache;
  }

  private resolveTree(node: unknown, depth: number): void {
    if (node === null || typeof node !== 'object' || node instanceof Unresolved) return;
    if (this.visited.has(node)) return;
    this.visited.add(node);
    // Structure does not count towards the variable depth (the parser bounds nesting).
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) this.resolveKey(node, i, depth);
    } else {
      for (const k of Object.keys(node)) this.resolveKey(node as Record<string, unknown>, k, depth);
    }
  }

  /** Resolve `container[key]` in place and return it. */
  private resolveKey(container: Record<string, unknown> | unknown[], key: string | number, depth: number): Value {
    const c = container as Record<string | number, unknown>;
    const v = c[key];
    if (typeof v === 'string' && v.includes('${')) {
      const out = this.resolveString(v, this.docs.loc(container, key), depth);
      c[key] = out;
      this.resolveTree(out, depth);
      return out;
    }
    this.resolveTree(v, depth);
    return v;
  }

  private note(level: 'warn' | 'info', loc: Location, message: string): void {
    const k = `${loc.file}:${loc.line}:${message}`;
    if (this.reported.has(k)) return;
    this.reported.add(k);
    this.ctx[level](loc.file, message, loc.line);
  }

  /** A string with variables: a single variable keeps its type; mixed text becomes a string. */
  resolveString(s: string, loc: Location, depth: number): Value {
    if (s.length > MAX_STRING) {
      this.note('info', loc, `a ${s.length}-character value was not searched for variables`);
      return s;
    }
    const tokens = splitTokens(s);
    if (!tokens) return s;
    const parts: Value[] = [];
    for (const t of tokens) {
      if (typeof t === 'string') parts.push(t);
      else parts.push(this.resolveExpr(t.inner, loc, depth + 1));
    }
    if (parts.length === 1) return parts[0];
    const unresolved = parts.find((p) => p instanceof Unresolved) as Unresolved | undefined;
    const nonScalar = parts.some((p) => p !== null && typeof p === 'object' && !(p instanceof Unresolved));
    if (unresolved || nonScalar) {
      const secret = parts.find((p): p is Unresolved => p instanceof Unresolved && p.secretRef !== undefined);
      return new Unresolved(s, secret?.secretRef);
    }
    return parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('');
  }

  /** The inside of one `${…}`: the reference, then fallbacks. */
  private resolveExpr(inner: string, loc: Location, depth: number): Value {
    const written = `\${${inner}}`;
    if (depth > MAX_DEPTH || ++this.evaluations > MAX_EVALUATIONS) {
      this.note('warn', loc, `variable ${truncate(written)} not resolved: nesting or work limit reached`);
      return new Unresolved(written);
    }
    const alternatives = splitTopLevel(inner, ',').map((x) => x.trim());
    let first: Unresolved | undefined;
    for (const alt of alternatives) {
      const v = this.evalPart(alt, loc, depth);
      if (v instanceof Unresolved) {
        // A secret store reference is deployed as such; a literal fallback next to it is not the value.
        if (v.secretRef) return new Unresolved(written, v.secretRef);
        first ??= v;
        continue;
      }
      if (v !== undefined && v !== null) return v;
    }
    return new Unresolved(written, first?.secretRef);
  }

  private evalPart(part: string, loc: Location, depth: number): Value {
    if (part.startsWith('${') && part.endsWith('}') && splitTokens(part)?.length === 1) return this.resolveString(part, loc, depth + 1);
    const quoted = /^(['"])(.*)\1$/s.exec(part);
    if (quoted) return quoted[2];
    if (/^-?\d+(\.\d+)?$/.test(part)) return Number(part);
    if (part === 'true' || part === 'false') return part === 'true';
    // Nested variables inside an address: `self:custom.${sls:stage}.url`.
    let text = part;
    if (text.includes('${')) {
      const r = this.resolveString(text, loc, depth + 1);
      if (typeof r !== 'string') return r instanceof Unresolved ? r : new Unresolved(part);
      text = r;
    }
    const m = /^([a-zA-Z][\w-]*)(?:\(([^)]*)\))?(?::(.*))?$/s.exec(text);
    if (!m || (m[2] === undefined && m[3] === undefined)) return text; // a bare literal fallback
    const [, source, arg, address] = m as unknown as [string, string, string | undefined, string | undefined];
    switch (source) {
      case 'self':
        return this.lookup(this.root, address ?? '', loc, depth, `self:${address ?? ''}`);
      case 'file':
        return this.fromFile(arg ?? '', address, loc, depth);
      case 'sls':
        return address === 'stage' ? this.stage() : new Unresolved(`\${${part}}`);
      case 'param':
        return this.param(address ?? '', depth);
      case 'strToBool': {
        const x = (arg ?? '').trim().toLowerCase();
        return x === 'true' || x === '1' ? true : x === 'false' || x === '0' ? false : new Unresolved(`\${${part}}`);
      }
      case 'ssm':
        return new Unresolved(`\${${part}}`, ssmStore(address ?? ''));
      default:
        // opt, env, aws, cf, s3, git, and v4 resolvers (vault, terraform, doppler…): unknown statically.
        return new Unresolved(`\${${part}}`);
    }
  }

  /** `${param:x}`: v4 `stages.<stage>.params` / `params.<stage>`, then the `default` stage. */
  private param(name: string, depth: number): Value {
    const stages = isPlainObject(this.root['stages']) ? this.root['stages'] : {};
    const params = isPlainObject(this.root['params']) ? this.root['params'] : {};
    for (const stage of [this.stage(), 'default']) {
      const fromStages = isPlainObject(stages[stage]) ? stages[stage]['params'] : undefined;
      for (const g of [fromStages, params[stage]]) {
        if (isPlainObject(g) && name in g) return this.resolveKey(g, name, depth + 1);
      }
    }
    return new Unresolved(`\${param:${name}}`);
  }

  /** Follow a dotted address, resolving variables met on the way (cycle-safe). */
  private lookup(start: Value, address: string, loc: Location, depth: number, label: string): Value {
    const key = label;
    if (this.inProgress.has(key)) {
      this.note('warn', loc, `variable \${${truncate(label)}} refers to itself; left unresolved`);
      return new Unresolved(`\${${label}}`);
    }
    this.inProgress.add(key);
    try {
      let cur: Value = start;
      const segs = address === '' ? [] : address.split('.');
      for (const seg of segs) {
        if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = this.resolveKey(cur, Number(seg), depth + 1);
        else if (isPlainObject(cur) && seg in cur) cur = this.resolveKey(cur, seg, depth + 1);
        else return undefined;
        if (cur instanceof Unresolved) return cur;
      }
      this.resolveTree(cur, depth + 1);
      return cur;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** `${file(path)}` / `${file(path):address}`: YAML/JSON files inside the root only. */
  private fromFile(rawPath: string, address: string | undefined, loc: Location, depth: number): Value {
    const p = rawPath.trim().replace(/^(['"])(.*)\1$/, '$2');
    const written = `\${file(${p})${address !== undefined ? ':' + address : ''}}`;
    if (!p) return new Unresolved(written);
    const rel = posix.normalize(posix.join(this.serviceDir || '.', p));
    if (rel === '..' || rel.startsWith('../') || posix.isAbsolute(p)) {
      // Never read outside the scanned root (an untrusted pull request could point anywhere).
      this.note('warn', loc, `not read ${truncate(p)}: path is outside the scanned root`);
      return new Unresolved(written);
    }
    if (!/\.(ya?ml|json)$/i.test(rel)) {
      this.note('info', loc, `${truncate(written)} not resolved: only YAML and JSON files are read (code is never run)`);
      return new Unresolved(written);
    }
    let content = this.files.get(rel);
    if (content === undefined) {
      content = new Unresolved(written);
      const f = this.ctx.readFile(rel, loc); // refuses (and reports) paths outside the root
      if (f) {
        this.ctx.consume(f.path);
        try {
          const doc = parseStructured(f.text, f.path);
          this.docs.docs.push(doc);
          this.ctx.keep(f, 'serverless');
          content = doc.value;
        } catch (err) {
          this.note('warn', loc, `${truncate(written)} not resolved: ${f.path}: ${describeError(err)}`);
        }
      }
      this.files.set(rel, content);
    }
    if (content instanceof Unresolved) return new Unresolved(written);
    return this.lookup(content, address ?? '', loc, depth, `file(${rel}):${address ?? ''}`);
  }
}

/** SSM parameters under /aws/reference/secretsmanager/ are Secrets Manager secrets. */
function ssmStore(address: string): SecretStore {
  return address.includes('/aws/reference/secretsmanager/') ? 'aws-secrets-manager' : 'aws-ssm';
}

function truncate(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

type Token = string | { inner: string };

/**
 * Split text into literal parts and top-level serverless `${…}` variables (nested braces
 * balanced). Returns undefined when there is no variable. CloudFormation `${Logical}` and
 * `${AWS::Region}` are kept as text.
 */
export function splitTokens(s: string): Token[] | undefined {
  const out: Token[] = [];
  let lit = '';
  let found = false;
  let i = 0;
  // Each attempt scans forward for its closing brace: bound the attempts so text full of
  // unbalanced `${` stays linear-ish (the rest is kept as literal text).
  let attempts = 0;
  while (i < s.length) {
    if (s[i] === '$' && s[i + 1] === '{' && ++attempts <= MAX_TOKEN_ATTEMPTS) {
      const end = matchingBrace(s, i + 1);
      if (end > 0) {
        const inner = s.slice(i + 2, end);
        if (VARIABLE_START.test(inner)) {
          if (lit) out.push(lit);
          lit = '';
          out.push({ inner });
          found = true;
          i = end + 1;
          continue;
        }
      }
    }
    lit += s[i];
    i++;
  }
  if (lit) out.push(lit);
  return found ? out : undefined;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if ((ch === '"' || ch === "'") && depth > 0) quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Split on a separator outside quotes, parentheses and nested `${…}`. */
export function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let cur = '';
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth--;
    else if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}
