// SSRF targets: URLs whose host is loopback, private, link-local, CGNAT or a cloud metadata endpoint,
// numeric IP spellings (decimal, hex, octal, short forms) that resolvers accept, wildcard-DNS names that
// embed a private IP, and non-HTTP schemes that reach local resources (file:, gopher:, dict:…).
// The host is parsed with WHATWG URL — the parser fetch() itself uses — so what we judge is what
// the function would connect to.

import { COLON, SL, classes, isAlnum, isWord, list, words } from './chars.js';

const BAD_SCHEMES = words(list('file gopher dict ldap ldaps tftp jar netdoc phar expect sftp smb php data ssh2.exec dns'));
const METADATA_HOSTS = words(list('metadata.google.internal metadata metadata.goog instance-data instance-data.ec2.internal metadata.azure.internal kubernetes.default.svc'));
const BARE = list('169.254.169.254 metadata.google.internal fd00:ec2::254 100.100.100.200 169.254.170.2');

/** IPv4 dotted string (already normalised by URL) to a number, or -1. */
function v4(h: string): number {
  const p = h.split('.');
  if (p.length !== 4) return -1;
  let x = 0;
  for (const q of p) {
    if (q.length === 0 || q.length > 3) return -1;
    const v = Number(q);
    if (!Number.isInteger(v) || v > 255) return -1;
    x = x * 256 + v;
  }
  return x;
}

function privateV4(x: number): boolean {
  const a = Math.floor(x / 16777216), b = Math.floor(x / 65536) % 256;
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
}

function privateV6(h: string): boolean {
  const l = h.toLowerCase();
  if (l === '::1' || l === '::') return true;
  if (/^f[cd][0-9a-f]{0,2}:/.test(l) || /^fe[89ab][0-9a-f]?:/.test(l)) return true;
  // IPv4-mapped / -compatible: ::ffff:7f00:1 or ::ffff:127.0.0.1
  const m = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(l);
  if (m) return privateV4(parseInt(m[1] as string, 16) * 65536 + parseInt(m[2] as string, 16));
  const d = /^::(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(l);
  return d !== null && privateV4(v4(d[1] as string));
}

/** Was the host written in a non-dotted-quad numeric form (2130706433, 0x7f000001, 0177.0.0.1, 127.1)? */
function obfuscatedNumeric(written: string): boolean {
  if (/^\d+$/.test(written) || /^0x[0-9a-f]+$/i.test(written)) return true;
  const p = written.split('.');
  if (p.length < 2 || p.length > 4) return false;
  let numeric = true, odd = p.length !== 4;
  for (const q of p) {
    if (!/^(?:0x[0-9a-f]*|\d+)$/i.test(q)) { numeric = false; break; }
    if ((q.length > 1 && q[0] === '0') || q.length > 3) odd = true;
  }
  return numeric && odd;
}

/** A private IPv4 embedded in a hostname (127.0.0.1.nip.io, 10-0-0-1.sslip.io). */
function embeddedPrivate(host: string): boolean {
  const m = /(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?:[.-]|$)/.exec(host);
  if (!m) return false;
  const x = v4(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
  return x >= 0 && privateV4(x);
}

/**
 * Plain DNS names with an alphabetic TLD (the usual benign URL) are judged without a full URL parse;
 * anything with userinfo, brackets, escapes, backslashes, non-ASCII or numeric labels goes to `URL`.
 * The host starts at `st` (after "scheme://") and the URL ends at `end`. Returns undefined when the
 * fast path cannot decide.
 */
function fastHost(s: string, st: number, end: number): string | null | undefined {
  let i = st;
  let lastDot = -1, digit = false, upper = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35 || c === 58) break; // / ? # :port
    if (c === 46) lastDot = i;
    else if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 97 && c <= 122) || c === 45)) return undefined;
  }
  if (lastDot < 0 || i - lastDot < 3) return undefined;
  for (let k = lastDot + 1; k < i; k++) { const l = s.charCodeAt(k) | 32; if (l < 97 || l > 122) return undefined; }
  // the host is ASCII letters, digits, '-' and '.': when already lower-case it is judged in place (a
  // suffix starting with '.' cannot reach back past the '/' before the host)
  const host = upper ? s.slice(st, i).toLowerCase() : s;
  const he = upper ? host.length : i;
  if (host.endsWith('.localhost', he) || host.endsWith('.internal', he) || isWord(METADATA_HOSTS, s, st, i)) return 'ssrf.internal-host';
  // the embedded address needs digits
  return digit && embeddedPrivate(upper ? host : s.slice(st, i)) ? 'ssrf.rebinding' : null;
}

function judgeUrl(candidate: string): string | null {
  const colon = candidate.indexOf(':');
  const scheme = candidate.slice(0, colon).toLowerCase();
  if (BAD_SCHEMES.set.has(scheme)) return scheme === 'data' ? null : 'ssrf.scheme';
  if (candidate.charCodeAt(colon + 1) === 47 && candidate.charCodeAt(colon + 2) === 47) {
    const fast = fastHost(candidate, colon + 3, candidate.length);
    if (fast !== undefined) return fast;
  }
  let u: URL;
  try { u = new URL(candidate); } catch { return null; }
  let host = u.hostname;
  if (host.length === 0) return null;
  if (host.startsWith('[')) host = host.slice(1, -1);
  const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(candidate)?.[1] ?? host;
  if (host === 'localhost' || host.endsWith('.localhost') || METADATA_HOSTS.set.has(host) || host.endsWith('.internal')) return 'ssrf.internal-host';
  if (host.includes(':')) return privateV6(host) ? 'ssrf.private-ip' : null;
  const x = v4(host);
  if (x >= 0) {
    if (obfuscatedNumeric(written.toLowerCase())) return 'ssrf.obfuscated-ip';
    return privateV4(x) ? (x === 2852039166 ? 'ssrf.metadata' : 'ssrf.private-ip') : null;
  }
  return embeddedPrivate(host) ? 'ssrf.rebinding' : null;
}

function isSchemeChar(c: number): boolean { return isAlnum(c) || c === 43 || c === 45 || c === 46; }

// Characters that end a URL (whitespace, quotes, angle brackets): found natively (a linear character class)
const URL_END = /[ \t\n\r"'<>`]/g;

export function detectSsrf(s: string, _raw?: string, m = classes(s)): string | null {
  const n = s.length;
  // every "scheme:" followed by // (or a bad scheme without //)
  let i = (m & COLON) !== 0 ? s.indexOf(':') : -1;
  let lastEnd = 0;
  while (i > 0) {
    let st = i;
    while (st > lastEnd && isSchemeChar(s.charCodeAt(st - 1))) st--;
    if (st < i) {
      URL_END.lastIndex = i + 1;
      const e = URL_END.test(s) ? URL_END.lastIndex - 1 : n;
      const end = Math.min(e, st + 2048);
      if (s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 47) {
        // "scheme://host…" with a plain DNS host is decided here, without slicing the URL
        const fast = i < end && !isWord(BAD_SCHEMES, s, st, i) ? fastHost(s, i + 3, end) : undefined;
        const r = fast !== undefined ? fast : judgeUrl(s.slice(st, end));
        if (r !== null) return r;
      } else if (isWord(BAD_SCHEMES, s, st, i)) {
        const r = judgeUrl(s.slice(st, end));
        if (r !== null) return r;
      }
      lastEnd = e;
      i = s.indexOf(':', Math.max(e, i + 1));
      continue;
    }
    i = s.indexOf(':', i + 1);
  }
  if ((m & SL) !== 0 && s.startsWith('//')) {
    const r = judgeUrl('http:' + s.slice(0, 2048));
    if (r !== null) return r;
  }
  // a bare metadata address (no scheme) as the whole value or its start
  const c0 = s.charCodeAt(0) | 32;
  if (c0 === 49 || c0 === 109 || c0 === 102) {
    const l = s.slice(0, 32).toLowerCase();
    for (const b of BARE) if (l.startsWith(b)) return 'ssrf.metadata';
  }
  return null;
}
