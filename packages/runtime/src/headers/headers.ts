// Request header hygiene and security response headers.

export type HeaderMap = Record<string, string>;

/** Lower-cases names and joins repeated values with ", " (multi-value maps from API Gateway v1 / ALB). */
export function normalizeHeaders(single: unknown, multi?: unknown): HeaderMap {
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
  ['crossOriginOpenerPolicy', 'Cross-Origin-Opener-Policy'],
];

/**
 * The headers to add, given the names already present (lower-case). Handler-set values win, so an
 * endpoint that needs a different CSP keeps it.
 */
export function securityHeaders(opts: Required<SecurityHeaderOptions>, present: (lowerName: string) => boolean, authenticated: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, name] of NAMES) {
    const v = opts[key];
    if (v !== false && !present(name.toLowerCase())) out.push([name, v]);
  }
  if (authenticated && opts.authenticatedCacheControl !== false && !present('cache-control')) out.push(['Cache-Control', opts.authenticatedCacheControl]);
  return out;
}

/** Parses a Cookie header into name/value pairs (values are what an attacker controls). */
export function parseCookies(header: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of header.split(';')) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
  }
  return out;
}
