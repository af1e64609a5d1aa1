// Path traversal and local file inclusion. A single leading "../" is normal in relative links
// (markdown, HTML), so one segment alone is allowed; what is flagged: two or more segments, a segment
// reaching a sensitive file, any traversal that only appears after URL-decoding, filter-evasion forms
// (....//, ..;/), NUL bytes, and absolute paths to well-known sensitive files.

import { DOT, F, LOOK, NUL, S, SL, classes, list } from './chars.js';

const SENSITIVE = list('etc/passwd etc/shadow etc/hosts etc/group etc/issue proc/self/ proc/version windows/win.ini win.ini boot.ini windows/system32 winnt/ .ssh/ id_rsa .aws/credentials .git/config .git/head web.config web-inf/ .htaccess .htpasswd .bash_history var/log/ root/ inetpub/ system32/ .env wp-config.php appsettings.json');

// U+2215/U+2216/U+FF0F and U+FF0E are slash/dot look-alikes that some decoders fold to ASCII.
function isSlash(c: number): boolean { return c === 47 || c === 92 || c === 0x2215 || c === 0x2216 || c === 0xff0f; }
function isDot(c: number): boolean { return c === 46 || c === 0xff0e; }

interface Scan { segments: number; evasion: boolean; sensitive: boolean; nul: boolean }

function scan(s: string): Scan {
  const n = s.length;
  const r: Scan = { segments: 0, evasion: false, sensitive: false, nul: false };
  let lower: string | null = null;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) { r.nul = true; continue; }
    if (!isDot(c)) continue;
    let j = i;
    while (j < n && isDot(s.charCodeAt(j))) j++;
    const dots = j - i;
    const prev = i === 0 ? 47 : s.charCodeAt(i - 1);
    const atStart = isSlash(prev) || prev === 61 || prev === 58 || prev === 32 || prev === 34 || prev === 39 || i === 0;
    const next = s.charCodeAt(j);
    if (atStart && dots === 2 && (isSlash(next) || j === n)) {
      r.segments++;
      if (isSlash(next)) {
        lower ??= s.toLowerCase();
        let k = j;
        while (k < n && isSlash(s.charCodeAt(k))) k++;
        if (!r.sensitive) for (const t of SENSITIVE) if (lower.startsWith(t, k)) { r.sensitive = true; break; }
      }
    } else if (atStart && dots === 2 && next === 59 && isSlash(s.charCodeAt(j + 1))) {
      r.evasion = true; // ..;/
    } else if (dots >= 4 && isSlash(next) && isSlash(s.charCodeAt(j + 1))) {
      r.evasion = true; // ....// survives a naive "../" strip
    } else if (dots === 2 && (next === 46 || isSlash(next)) && s.charCodeAt(j + 1) === 46 && s.charCodeAt(j + 2) === 47) {
      r.evasion = true; // ../.../ style nesting
    }
    i = j - 1;
  }
  return r;
}

const ABSOLUTE = list('/etc/passwd /etc/shadow /proc/self/ c:\\windows\\ c:/windows/ \\windows\\win.ini file:///etc/ /.aws/credentials /.ssh/id_rsa');
// The same targets as one literal alternation (linear, no allocation): most paths and URLs contain none
const ABSOLUTE_ANY = new RegExp(ABSOLUTE.map((t) => t.replace(/[.\\]/g, '\\$&')).join('|'), 'i');

function absoluteSensitive(s: string): boolean {
  if (!ABSOLUTE_ANY.test(s)) return false;
  const l = s.toLowerCase();
  for (const t of ABSOLUTE) {
    const k = l.indexOf(t);
    if (k >= 0) {
      const p = k === 0 ? 32 : l.charCodeAt(k - 1);
      if (!((p | 32) >= 97 && (p | 32) <= 122) && !(p >= 48 && p <= 57)) return true;
    }
  }
  return false;
}

/** `raw` is the string as received; `s` may be its URL-decoded form. */
export function detectTraversal(s: string, raw: string, m = classes(s)): string | null {
  // every absolute target has a slash or backslash (LOOK), and an s or an f
  if ((m & (SL | LOOK)) !== 0 && (m & (S | F)) !== 0 && absoluteSensitive(s)) return 'traversal.sensitive-file';
  // every finding of scan() needs a NUL or a run of two dots (ASCII, or U+FF0E, counted in LOOK):
  // without them it finds nothing, and 0 segments cannot exceed raw's
  if ((m & (NUL | LOOK)) === 0 && ((m & DOT) === 0 || s.indexOf('..') < 0)) return null;
  const r = scan(s);
  if (r.nul) return 'traversal.nul-byte';
  if (r.evasion) return 'traversal.evasion';
  if (r.segments >= 2) return 'traversal.dot-dot';
  if (r.segments === 1 && r.sensitive) return 'traversal.sensitive-file';
  if (s !== raw && r.segments > scan(raw).segments) return 'traversal.encoded';
  return null;
}
