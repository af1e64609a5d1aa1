// Request header hygiene and security response headers.

export type HeaderMap = Record<string, string>;

/** Lower-cases names and joins repeated values with ", " (multi-value maps from API Gateway v1 / ALB). */
export function normalizeHeaders(single: unknown, multi?: unknown): HeaderMap {
  // API Gateway v2 and function URLs already deliver lower-case names with string values: no copy
  if ((multi === undefined || multi === null) && single !== null && typeof single === 'object' && alreadyNormal(single as Record<string, unknown>)) return single as HeaderMap;
  const out: HeaderMap = {};
  if (multi !== null && typeof multi === 'object') {
    for (const [k, v] of Object.entries(multi)) {
      if (Array.isArray(v)) out[k.toLowerCase()] = v.filter((x) => typeof x === 'string').join(', ');
    }
  }
  if (single !== null && typeof single === 'object') {
    for (const [k, v] of Object.entries(single)) {
      const l = k.toLowerCase();
      if (typeof v === 'string' && out[l] === undefined) out[l] = v;
      else if (Array.isArray(v) && out[l] === undefined) out[l] = v.filter((x) => typeof x === 'string').join(', ');
    }
  }
  return out;
}

function alreadyNormal(h: Record<string, unknown>): boolean {
  if (Array.isArray(h)) return false;
  for (const k in h) {
    if (typeof h[k] !== 'string') return false;
    for (let i = 0; i < k.length; i++) { const c = k.charCodeAt(i); if (c >= 65 && c <= 90) return false; }
  }
  return true;
}

/** Header names whose value a client can set to impersonate another address or host. */
export const SPOOFABLE = ['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-cluster-client-ip', 'fastly-client-ip', 'x-forwarded-host', 'x-original-url', 'x-rewrite-url', 'x-host'];

/** A header value with CR, LF or NUL: a smuggling / splitting attempt, rejected whatever the mode. */
export function badHeaderValue(v: string): boolean {
  for (let i = 0; i < v.length; i++) { const c = v.charCodeAt(i); if (c === 10 || c === 13 || c === 0) return true; }
  return false;
}

/**
 * The client address. `platformIp` is what the platform itself observed (API Gateway's sourceIp);
 * otherwise X-Forwarded-For is read from the right, skipping `trustedHops` proxies we operate —
 * entries further left were written by the client and are never trusted.
 */
export function clientIp(headers: HeaderMap, platformIp: string | undefined, trustedHops: number): string | undefined {
  if (platformIp !== undefined && platformIp !== '') return platformIp;
  if (trustedHops <= 0) return undefined;
  const xff = headers['x-forwarded-for'];
  if (xff === undefined) return undefined;
  const parts = xff.split(',');
  const ip = parts[parts.length - trustedHops]?.trim();
  if (ip === undefined || ip === '') return undefined;
  // Azure appends "ip:port"; keep the address
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip);
  return m ? m[1] : ip.replace(/^\[|\](?::\d+)?$/g, '');
}

export interface SecurityHeaderOptions {
  hsts?: string | false;
  contentTypeOptions?: string | false;
  frameOptions?: string | false;
  referrerPolicy?: string | false;
  csp?: string | false;
  /** Cache-Control set on responses to authenticated requests when the handler set none. */
  authenticatedCacheControl?: string | false;
  permissionsPolicy?: string | false;
  crossOriginOpenerPolicy?: string | false;
}

export const DEFAULT_SECURITY_HEADERS: Required<SecurityHeaderOptions> = {
  hsts: 'max-age=31536000; includeSubDomains',
  contentTypeOptions: 'nosniff',
  frameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  // an API response has no business loading anything
  csp: "default-src 'none'; frame-ancestors 'none'",
  authenticatedCacheControl: 'no-store',
  permissionsPolicy: 'interest-cohort=()',
  crossOriginOpenerPolicy: 'same-origin',
};

const NAMES: Array<[keyof SecurityHeaderOptions, string]> = [
  ['hsts', 'Strict-Transport-Security'], ['contentTypeOptions', 'X-Content-Type-Options'], ['frameOptions', 'X-Frame-Options'],
  ['referrerPolicy', 'Referrer-Policy'], ['csp', 'Content-Security-Policy'], ['permissionsPolicy', 'Permissions-Policy'],
  ['crossOriginOpenerPolicy', 'Cross-Origin-Opener-Policy'], ['authenticatedCacheControl', 'Cache-Control'],
];

/** A response header to add: its name, lower-cased name, value, and whether only authenticated responses get it. */
export interface ResponseHeader { name: string; lower: string; value: string; authOnly: boolean }

/** The configured headers, resolved once per guard (no per-response lower-casing). */
export function responseHeaderList(opts: SecurityHeaderOptions | false): ResponseHeader[] {
  if (opts === false) return [];
  const all: Required<SecurityHeaderOptions> = { ...DEFAULT_SECURITY_HEADERS, ...opts };
  const out: ResponseHeader[] = [];
  for (const [key, name] of NAMES) {
    const value = all[key];
    if (value !== false) out.push({ name, lower: name.toLowerCase(), value, authOnly: key === 'authenticatedCacheControl' });
  }
  return out;
}

/**
 * The headers to add, given the names already present (lower-case). Handler-set values win, so an
 * endpoint that needs a different CSP keeps it; Cache-Control only on authenticated responses.
 */
export function securityHeaders(list: readonly ResponseHeader[], present: (lowerName: string) => boolean, authenticated: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const h of list) if ((authenticated || !h.authOnly) && !present(h.lower)) out.push([h.name, h.value]);
  return out;
}

/** True when `headers` has `lower` under any capitalisation (allocates only for same-length names). */
export function hasHeader(headers: Record<string, unknown> | undefined, lower: string): boolean {
  if (headers === undefined) return false;
  if (headers[lower] !== undefined) return true;
  for (const k in headers) if (k.length === lower.length && k.toLowerCase() === lower) return true;
  return false;
}

/**
 * Calls `each(name, value)` for every pair of a Cookie header (values are what an attacker controls),
 * without building intermediate arrays: it runs on every request that carries cookies.
 */
export function forEachCookie(header: string, each: (name: string, value: string) => void): void {
  let start = 0;
  let eq = -1;
  while (start <= header.length) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    // the next "=" is reused until passed, so a header of many ";" with no "=" stays linear
    if (eq < start) { eq = header.indexOf('=', start); if (eq < 0) eq = header.length + 1; }
    if (eq > start && eq < end) {
      const name = header.slice(start, eq).trim();
      if (name !== '') each(name, header.slice(eq + 1, end).trim());
    }
    start = end + 1;
  }
}

/** Cookie header → name/value pairs. */
export function parseCookies(header: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  forEachCookie(header, (n, v) => out.push([n, v]));
  return out;
}
