// CRLF / log injection: a line break (raw, percent-encoded or Unicode line separator) followed by
// something that would be read as a new HTTP header, a second response, or a forged log line.
// Plain multi-line text (addresses, messages, markdown) is left alone.

import { NL, PCT, classes, isAlnum, list } from './chars.js';

const HEADERS = new Set(list('set-cookie location content-type content-length content-security-policy refresh transfer-encoding host cookie authorization x-forwarded-for access-control-allow-origin access-control-allow-credentials cache-control connection x-xss-protection content-disposition link x-frame-options strict-transport-security set-cookie2 www-authenticate server x-powered-by status'));
const LEVELS = list('info warn warning error debug fatal trace critical notice alert severe audit');

function isBreak(c: number): boolean { return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85; }

const LEVEL_SET = new Set(LEVELS);

function isTokenChar(c: number): boolean { return isAlnum(c) || c === 45; }

/** What follows a line break at i: a header, a second response, or a forged log line? O(1) work (bounded). */
function forgedLine(s: string, i: number): string | null {
  const n = s.length;
  const st = i;
  while (i < n && i - st < 8 && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  if (i >= n) return null;
  const c0 = s.charCodeAt(i);
  if (c0 === 60) return i > 1 && isBreak(s.charCodeAt(i - 1)) && isBreak(s.charCodeAt(i - 2)) ? 'crlf.response-splitting' : null;
  if (c0 === 123) return /^\{\s{0,4}"(?:level|msg|message|severity|time|user)"/.test(s.slice(i, i + 24)) ? 'crlf.log-forging' : null;
  const bracket = c0 === 91;
  const ws = bracket ? i + 1 : i;
  let j = ws;
  while (j < n && j - ws < 40 && isTokenChar(s.charCodeAt(j))) j++;
  if (j === ws) return null;
  const word = s.slice(ws, j).toLowerCase();
  const next = s.charCodeAt(j);
  if (!bracket && next === 58 && (HEADERS.has(word) || word.startsWith('x-') || word.startsWith('access-control-'))) return 'crlf.header-injection';
  if (!bracket && word === 'http' && s.startsWith('/1.', j)) return 'crlf.response-splitting';
  // forged log entries: a timestamp or a log level at the start of the new line
  if (c0 >= 48 && c0 <= 57 || (bracket && s.charCodeAt(ws) >= 48 && s.charCodeAt(ws) <= 57)) {
    const head = s.slice(ws, ws + 20);
    return /^\d{4}-\d{2}-\d{2}[tT ]\d{2}:\d{2}/.test(head) || /^\d{2}:\d{2}:\d{2}/.test(head) ? 'crlf.log-forging' : null;
  }
  if (LEVEL_SET.has(word) && (next === 58 || next === 93 || next === 32 || next === 124)) {
    // "ERROR: …", "[WARN] …", "INFO something" — a bare level word must be upper-case (prose "info " is not a log line)
    return bracket || next === 58 || next === 93 || s.slice(ws, j) === word.toUpperCase() ? 'crlf.log-forging' : null;
  }
  return null;
}

export function detectCrlf(s: string, raw: string, m = classes(s)): string | null {
  const n = s.length;
  // U+560A/U+560D ("嘊嘍") lose their high byte in some HTTP stacks and become LF/CR (both count as NL
  // in `m`, which describes raw here)
  if (s === raw && (((m & PCT) !== 0 && /%e5%98%8[ad]/i.test(raw)) || ((m & NL) !== 0 && (raw.indexOf('\u560a') >= 0 || raw.indexOf('\u560d') >= 0)))) return 'crlf.unicode-truncation';
  if (s === raw && (m & PCT) !== 0 && /%(?:25)?0[ad]|%u000[ad]|%e2%80%a[89]/i.test(raw)) {
    // an escaped line break has no business in a decoded value; decoding happens in a second pass
    const l = raw.toLowerCase();
    if (/%(?:25)?0d%(?:25)?0a/.test(l)) return 'crlf.encoded';
  }
  // every line break isBreak knows is an NL character
  if ((m & NL) === 0) return null;
  for (let i = 0; i < n; i++) {
    if (!isBreak(s.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < n && isBreak(s.charCodeAt(j)) && j - i < 4) j++;
    const r = forgedLine(s, j);
    if (r !== null) return r;
    i = j - 1;
  }
  return null;
}
