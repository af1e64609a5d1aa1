// CRLF / log injection: a line break (raw, percent-encoded or Unicode line separator) followed by
// something that would be read as a new HTTP header, a second response, or a forged log line.
// Plain multi-line text (addresses, messages, markdown) is left alone.

const HEADERS = new Set(['set-cookie', 'location', 'content-type', 'content-length', 'content-security-policy', 'refresh', 'transfer-encoding', 'host', 'cookie', 'authorization', 'x-forwarded-for', 'access-control-allow-origin', 'access-control-allow-credentials', 'cache-control', 'connection', 'x-xss-protection', 'content-disposition', 'link', 'x-frame-options', 'strict-transport-security', 'set-cookie2', 'www-authenticate', 'server', 'x-powered-by', 'status']);
const LEVELS = ['info', 'warn', 'warning', 'error', 'debug', 'fatal', 'trace', 'critical', 'notice', 'alert', 'severe', 'audit'];

function isBreak(c: number): boolean { return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85; }

function forgedLine(s: string, i: number): string | null {
  // i: index just after the line break(s)
  const n = s.length;
  while (i < n && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  if (i >= n) return null;
  let j = i;
  while (j < n && j - i < 40 && /[A-Za-z0-9-]/.test(s[j] as string)) j++;
  const word = s.slice(i, j).toLowerCase();
  if (s.charCodeAt(j) === 58 && (HEADERS.has(word) || word.startsWith('x-') || word.startsWith('access-control-'))) return 'crlf.header-injection';
  if (word.startsWith('http') && s.startsWith('/1.', j)) return 'crlf.response-splitting';
  if (s.charCodeAt(i) === 60 && i > 0 && isBreak(s.charCodeAt(i - 1)) && i > 1 && isBreak(s.charCodeAt(i - 2))) return 'crlf.response-splitting';
  // forged log entries: a timestamp or a log level at the start of the new line
  const head = s.slice(i, i + 32);
  if (/^\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}/i.test(head) || /^\[?\d{2}:\d{2}:\d{2}/.test(head)) return 'crlf.log-forging';
  const lw = head.toLowerCase().replace(/^\[/, '');
  for (const lv of LEVELS) {
    if (lw.startsWith(lv)) {
      const c = lw.charCodeAt(lv.length);
      if (c === 58 || c === 93 || c === 32 || c === 124) return word === lv || s[i] === '[' ? 'crlf.log-forging' : null;
    }
  }
  if (s.charCodeAt(i) === 123 && /^\{\s*"(?:level|msg|message|severity|time|user)"/.test(head)) return 'crlf.log-forging';
  return null;
}

export function detectCrlf(s: string, raw: string): string | null {
  const n = s.length;
  // U+560A/U+560D ("嘊嘍") lose their high byte in some HTTP stacks and become LF/CR
  if (s === raw && (/%e5%98%8[ad]/i.test(raw) || raw.indexOf('\u560a') >= 0 || raw.indexOf('\u560d') >= 0)) return 'crlf.unicode-truncation';
  if (s === raw && /%(?:25)?0[ad]|%u000[ad]|%e2%80%a[89]/i.test(raw)) {
    // an escaped line break has no business in a decoded value; decoding happens in a second pass
    const l = raw.toLowerCase();
    if (/%(?:25)?0d%(?:25)?0a/.test(l)) return 'crlf.encoded';
  }
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
