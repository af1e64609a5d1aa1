// Platform-neutral engine: options → resolved config, and the checks for an HTTP request or a queue
// record. Adapters turn platform events into these views; nothing here knows about AWS/Azure/GCP.

import { DETECTOR_NAMES, type DetectorName } from './detectors/index.js';
import { emit, stdoutSink, type EventContext, type SecurityFinding, type Sink } from './events/ocsf.js';
import { badHeaderValue, clientIp, forEachCookie, responseHeaderList, securityHeaders, SPOOFABLE, type HeaderMap, type ResponseHeader, type SecurityHeaderOptions } from './headers/headers.js';
import { LocalRateLimiter, RedisRateLimiter, rateKey, type RateLimitOptions, type SharedRateLimitOptions } from './limits/rate.js';
import { compileSchema, type Schema, type ValidationResult, type Validator } from './validate/schema.js';
import { DEFAULT_LIMITS, walk, type Limits, type Mode, type WalkConfig, type WalkState } from './validate/walk.js';

export type { Mode } from './validate/walk.js';

export interface GuardOptions {
  /** Default action of every detector. Default 'block'. */
  mode?: 'block' | 'monitor';
  /** Per-detector override: 'block', 'monitor' (log only) or 'off'. */
  detectors?: Partial<Record<DetectorName, Mode>>;
  /** Action for structural problems (size limits, prototype keys, bad headers, content type). Default 'block'. */
  structural?: 'block' | 'monitor';
  limits?: Partial<Limits>;
  /**
   * Schemas by route or source. HTTP: "POST /orders" (method + route/path), "/orders" (any method), then
   * "http". Records: the source name ("sqs", "sns", "kinesis", "dynamodb", "s3", "eventbridge", "queue",
   * "cloudevent"). Standard Schema (zod…) or JSON Schema (subset, see README).
   */
  schemas?: Record<string, Schema>;
  /** Content types accepted for request bodies (prefix match on the media type); false to skip. */
  contentTypes?: readonly string[] | false;
  /** Proxies in front of the function that append to X-Forwarded-For. Default: platform-specific (see README). */
  trustedProxyHops?: number;
  /** Remove client-spoofable forwarding headers (X-Forwarded-For, X-Real-IP…) from the event. Default false. */
  stripForwardedHeaders?: boolean;
  /** Security response headers to add, or false. */
  securityHeaders?: SecurityHeaderOptions | false;
  /** Lower-case header names in the event passed to the handler (API Gateway v1 / ALB). Default true. */
  normalizeHeaders?: boolean;
  rateLimit?: RateLimitOptions;
  sharedRateLimit?: SharedRateLimitOptions;
  /** Where security events go. Default: one JSON line on stdout. */
  sink?: Sink;
  /** On an internal guard error, run the handler anyway (true) or reject (false, default). */
  failOpen?: boolean;
  platform?: 'aws' | 'azure' | 'gcp';
  /** Force the event source instead of detecting it from the event's shape. */
  source?: string;
  functionName?: string;
  /** Warn (one event at cold start) about secret-looking values in environment variables. Default true. */
  checkEnv?: boolean;
  /** Cap on security events written per invocation. Default 20. */
  maxEventsPerInvocation?: number;
  /**
   * Lambda HTTP events: replace a JSON request body by the value the guard parsed and checked (as
   * Middy's http-json-body-parser does), so the body is parsed once per request. Default false.
   */
  parseJsonBody?: boolean;
}

export const DEFAULT_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data', 'application/cloudevents+json'];

export interface HttpView {
  method: string;
  /** Route template when the platform knows it (API Gateway), else the path. */
  route: string;
  path: string;
  headers: HeaderMap;
  /** Cookies the platform moved out of the headers ("name=value" each; API Gateway v2, function URLs). */
  cookies?: readonly unknown[];
  query: Record<string, unknown>;
  pathParams: Record<string, unknown>;
  /** Raw body text (already base64-decoded). */
  body?: string;
  /** Body the framework already parsed (GCP/express); used when `body` is absent. */
  parsedBody?: unknown;
  platformIp?: string;
  principal?: string;
}

export interface HttpVerdict {
  /** 0 = allow; otherwise the status to answer with. */
  status: number;
  authenticated: boolean;
  sourceIp?: string;
  /** The parsed JSON body (allowed requests with a JSON body only). */
  json?: unknown;
}

export const GENERIC_BODIES: Record<number, string> = {
  400: '{"message":"Bad Request"}', 413: '{"message":"Payload Too Large"}', 415: '{"message":"Unsupported Media Type"}',
  429: '{"message":"Too Many Requests"}', 500: '{"message":"Internal Server Error"}',
};

/** Headers a scan should not read as text: opaque credentials (never inspected, never logged). */
const OPAQUE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-amz-security-token']);

/**
 * Headers whose value the platform writes or has already parsed, when it has the platform's form:
 * a client cannot put free text there, so scanning them for injections is wasted work. Anything that
 * does not match the form (a client-supplied trace id, say) is scanned like any other header.
 * User-Agent, Referer, Origin, Cookie, X-Forwarded-For and custom headers are always scanned.
 */
const PLATFORM_HEADERS: ReadonlyMap<string, RegExp> = new Map([
  // digits only: API Gateway, ALB and the function URL front end reject a malformed length
  ['content-length', /^\d{1,20}$/],
  // set by API Gateway / ALB / function URLs from the connection
  ['x-forwarded-port', /^\d{1,5}$/],
  ['x-forwarded-proto', /^https?$/],
  // X-Ray trace header (Root=1-…;Parent=…;Sampled=1); bounded, unambiguous repetition: linear
  ['x-amzn-trace-id', /^[A-Za-z]{1,16}=[\w-]{1,64}(?:;[A-Za-z]{1,16}=[\w:-]{0,64}){0,6}$/],
]);
const NO_SSRF: readonly DetectorName[] = DETECTOR_NAMES.filter((d) => d !== 'ssrf');

const NO_COOKIES: readonly unknown[] = [];

let coldStart = true;
/** True for the first invocation in this instance; adapters call it once per invocation. */
export function takeColdStart(): boolean {
  const c = coldStart;
  coldStart = false;
  return c;
}

export class Engine {
  readonly cfg: WalkConfig;
  readonly opts: GuardOptions;
  readonly sink: Sink;
  /** Security response headers to add (empty when switched off). */
  private readonly responseHeaderList: readonly ResponseHeader[];
  private readonly schemas = new Map<string, Validator>();
  private readonly local?: LocalRateLimiter;
  private readonly shared?: RedisRateLimiter;
  private readonly headerDetectors: readonly DetectorName[];
  private readonly contentTypes: readonly string[] | false;

  constructor(opts: GuardOptions = {}) {
    this.opts = opts;
    const base: Mode = opts.mode ?? 'block';
    const modes = {} as Record<DetectorName, Mode>;
    for (const d of DETECTOR_NAMES) modes[d] = opts.detectors?.[d] ?? base;
    const enabled = DETECTOR_NAMES.filter((d) => modes[d] !== 'off');
    this.cfg = {
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      enabled,
      modes,
      structural: opts.structural === 'monitor' ? 'monitored' : 'blocked',
    };
    // Referer/Origin are URLs the browser wrote (localhost in development): SSRF does not apply to headers
    this.headerDetectors = enabled.filter((d) => NO_SSRF.includes(d));
    this.sink = opts.sink ?? stdoutSink;
    this.responseHeaderList = responseHeaderList(opts.securityHeaders ?? {});
    this.contentTypes = opts.contentTypes === undefined ? DEFAULT_CONTENT_TYPES : opts.contentTypes;
    for (const [k, s] of Object.entries(opts.schemas ?? {})) this.schemas.set(k, compileSchema(s));
    if (opts.rateLimit) this.local = new LocalRateLimiter(opts.rateLimit.limit, opts.rateLimit.windowMs ?? 60_000);
    if (opts.sharedRateLimit) this.shared = new RedisRateLimiter(opts.sharedRateLimit);
  }

  /** Environment values read once: process.env lookups are slow enough to matter per invocation. */
  readonly env = {
    awsFunction: process.env.AWS_LAMBDA_FUNCTION_NAME,
    awsRegion: process.env.AWS_REGION,
    gcpFunction: process.env.K_SERVICE ?? process.env.FUNCTION_TARGET,
  };

  state(): WalkState { return { keys: 0, findings: [], stop: false }; }

  /** Writes the findings as security events (capped per invocation). */
  report(findings: readonly SecurityFinding[], ctx: EventContext): void {
    const max = this.opts.maxEventsPerInvocation ?? 20;
    for (let i = 0; i < findings.length && i < max; i++) emit(this.sink, findings[i] as SecurityFinding, ctx);
  }

  /** An internal error: logged without the error text (it may quote event data). */
  internalError(err: unknown, ctx: EventContext): void {
    const name = err instanceof Error ? err.name : typeof err;
    emit(this.sink, { category: 'internal', rule: `internal.${name}`, location: 'guard', action: this.opts.failOpen ? 'monitored' : 'blocked', severity: 'high' }, ctx);
  }

  schemaFor(key: string): Validator | undefined { return this.schemas.get(key); }

  /** Lookup order: "METHOD route", route, "METHOD path", path, "http". */
  private httpSchema(view: HttpView): Validator | undefined {
    const m = view.method.toUpperCase();
    return this.schemas.get(`${m} ${view.route}`) ?? this.schemas.get(view.route) ?? this.schemas.get(`${m} ${view.path}`) ?? this.schemas.get(view.path) ?? this.schemas.get('http');
  }

  private blocked(st: WalkState): boolean {
    for (const f of st.findings) if (f.action === 'blocked') return true;
    return false;
  }

  private verdict(st: WalkState, ctx: EventContext, status: number, authenticated: boolean, ip: string | undefined): HttpVerdict {
    this.report(st.findings, ctx);
    return ip !== undefined ? { status, authenticated, sourceIp: ip } : { status, authenticated };
  }

  private contentTypeAllowed(ct: string): boolean {
    if (this.contentTypes === false) return true;
    for (const t of this.contentTypes) if (ct === t || (t === 'application/json' && ct.endsWith('+json'))) return true;
    return false;
  }

  /** All HTTP checks. Findings are reported here; the caller only acts on the status. */
  async http(view: HttpView, ctx: EventContext): Promise<HttpVerdict> {
    const st = this.state();
    const h = view.headers;
    const cookies = view.cookies ?? NO_COOKIES;
    const authenticated = h.authorization !== undefined || h.cookie !== undefined || cookies.length > 0 || view.principal !== undefined;
    const trusted = this.opts.trustedProxyHops ?? (view.platformIp !== undefined ? 0 : 1);
    const ip = clientIp(h, view.platformIp, trusted);
    if (ip !== undefined) ctx.sourceIp = ip;
    if (view.principal !== undefined) ctx.principal = view.principal;
    const finish = (status: number): HttpVerdict => this.verdict(st, ctx, status, authenticated, ip);
    const structural = this.cfg.structural;

    // 1. headers: CR/LF/NUL in a value is request smuggling, then injection in the text of each header
    for (const name of Object.keys(h)) {
      if (badHeaderValue(h[name] as string) || badHeaderValue(name)) {
        st.findings.push({ category: 'header', rule: 'header.crlf', location: `headers.${name}`, action: structural, severity: 'high' });
      }
    }
    for (const c of cookies) {
      if (typeof c === 'string' && badHeaderValue(c)) st.findings.push({ category: 'header', rule: 'header.crlf', location: 'headers.cookie', action: structural, severity: 'high' });
    }
    if (this.blocked(st)) return finish(400);

    // 2. rate limits, before any expensive work
    const rl = this.opts.rateLimit, srl = this.opts.sharedRateLimit;
    if (this.local && rl && this.local.hit(rateKey(rl.by ?? 'ip', ip, view.principal))) {
      st.findings.push({ category: 'rate', rule: 'rate.local', location: 'invocation', action: 'blocked', severity: 'medium' });
      return finish(429);
    }
    if (this.shared && srl && await this.shared.hit(rateKey(srl.by ?? 'ip', ip, view.principal))) {
      st.findings.push({ category: 'rate', rule: 'rate.shared', location: 'invocation', action: 'blocked', severity: 'medium' });
      return finish(429);
    }

    // 3. body size and content type
    const body = view.body;
    const lim = this.cfg.limits;
    if (body !== undefined && body.length > 0) {
      // UTF-8 needs at most 3 bytes per UTF-16 unit: only count bytes when it could matter
      if (body.length > lim.maxBodyBytes || (body.length * 3 > lim.maxBodyBytes && Buffer.byteLength(body) > lim.maxBodyBytes)) {
        st.findings.push({ category: 'limits', rule: 'limits.body-size', location: 'body', action: structural, severity: 'medium' });
        if (structural === 'blocked') return finish(413);
      }
    }
    const cth = h['content-type'] ?? '';
    const semi = cth.indexOf(';');
    const ct = (semi < 0 ? cth : cth.slice(0, semi)).trim().toLowerCase();
    const hasBody = (body !== undefined && body.length > 0) || (view.parsedBody !== undefined && view.parsedBody !== null && view.parsedBody !== '');
    if (hasBody && !this.contentTypeAllowed(ct)) {
      st.findings.push({ category: 'content-type', rule: 'content-type.not-allowed', location: 'headers.content-type', action: structural, severity: 'low' });
      if (structural === 'blocked') return finish(415);
    }

    // 4. parse the body
    let parsed: unknown = view.parsedBody;
    let jsonParsed = false;
    const json = ct === 'application/json' || ct.endsWith('+json');
    if (body !== undefined && body.length > 0) {
      if (json) {
        // V8's JSON.parse is iterative, so deep input cannot overflow the stack; the walk enforces maxDepth
        try { parsed = JSON.parse(body); jsonParsed = true; } catch {
          st.findings.push({ category: 'validation', rule: 'validation.json', location: 'body', action: structural, severity: 'low' });
          if (structural === 'blocked') return finish(400);
          parsed = body;
        }
      } else if (ct === 'application/x-www-form-urlencoded') {
        parsed = formToObject(body);
      } else {
        parsed = body;
      }
    }

    // 5. every string the request carries
    const cfg = this.cfg;
    walk(view.query, 'query', cfg, st);
    walk(view.pathParams, 'path', cfg, st);
    if (!st.stop) walk(view.path, 'path(raw)', cfg, st, 0, this.headerDetectors);
    const scanCookie = (cn: string, cv: string): void => { if (!st.stop) walk(cv, 'cookie.', cfg, st, 0, this.headerDetectors, cn); };
    for (const name of Object.keys(h)) {
      if (st.stop) break;
      const value = h[name] as string;
      if (name === 'cookie') forEachCookie(value, scanCookie);
      else if (!OPAQUE_HEADERS.has(name) && PLATFORM_HEADERS.get(name)?.test(value) !== true) {
        walk(value, 'headers.', cfg, st, 0, this.headerDetectors, name);
      }
    }
    for (const c of cookies) if (typeof c === 'string') forEachCookie(c, scanCookie);
    walk(parsed, 'body', cfg, st);
    if (this.blocked(st)) return finish(400);

    // 6. schema
    const validator = this.schemas.size === 0 ? undefined : this.httpSchema(view);
    if (validator) {
      const r = await validator(parsed);
      if (!r.ok) {
        st.findings.push({ category: 'validation', rule: 'validation.schema', location: schemaLocation('body', r.path), action: structural, severity: 'low' });
        if (structural === 'blocked') return finish(400);
      }
    }
    const ok = finish(0);
    if (jsonParsed) ok.json = parsed;
    return ok;
  }

  /**
   * Checks one queue/stream record (or a whole non-batch event). True when it must not be processed.
   * Synchronous unless the schema validator is async: a batch should not pay a promise per record.
   */
  record(payload: unknown, location: string, source: string, ctx: EventContext, st: WalkState = this.state()): boolean | Promise<boolean> {
    walk(payload, location, this.cfg, st);
    const validator = this.blocked(st) ? undefined : this.schemaFor(source);
    if (validator === undefined) return this.recordDone(st, ctx, this.blocked(st));
    const r = validator(payload);
    return r instanceof Promise ? r.then((x) => this.recordValidated(x, location, st, ctx)) : this.recordValidated(r, location, st, ctx);
  }

  private recordValidated(r: ValidationResult, location: string, st: WalkState, ctx: EventContext): boolean {
    if (r.ok) return this.recordDone(st, ctx, false);
    st.findings.push({ category: 'validation', rule: 'validation.schema', location: schemaLocation(location, r.path), action: this.cfg.structural, severity: 'low' });
    return this.recordDone(st, ctx, this.cfg.structural === 'blocked');
  }

  private recordDone(st: WalkState, ctx: EventContext, bad: boolean): boolean {
    this.report(st.findings, ctx);
    return bad;
  }

  /** Text of a queue message: JSON when it parses (and is not too deep), else the string itself. */
  parseMessage(text: string, location: string, st: WalkState): unknown {
    const lim = this.cfg.limits;
    if (text.length > lim.maxBodyBytes) {
      st.findings.push({ category: 'limits', rule: 'limits.body-size', location, action: this.cfg.structural, severity: 'medium' });
      return undefined;
    }
    const c = text.charCodeAt(0);
    if (c === 123 || c === 91) {
      try { return JSON.parse(text); } catch { return text; }
    }
    return text;
  }

  /** Headers to add to a response, given a lookup of what is already there. */
  responseHeaders(present: (lowerName: string) => boolean, authenticated: boolean): Array<[string, string]> {
    return securityHeaders(this.responseHeaderList, present, authenticated);
  }

  /** Removes spoofable forwarding headers in place (when configured). */
  strip(headers: Record<string, unknown> | undefined): void {
    if (!this.opts.stripForwardedHeaders || !headers) return;
    for (const k of Object.keys(headers)) if (SPOOFABLE.includes(k.toLowerCase())) delete headers[k];
  }
}

/** `body` + a validator path ("/items/0" from JSON Schema, "items/0" from Standard Schema) → "body/items/0". */
function schemaLocation(base: string, path: string | undefined): string {
  const p = (path ?? '').replace(/^\/+/, '');
  return p ? `${base}/${p}` : base;
}

/** application/x-www-form-urlencoded → object; repeated keys become arrays. */
export function formToObject(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
