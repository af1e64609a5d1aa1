import { detectCmdi } from './cmdi.js';
import { detectCrlf } from './crlf.js';
import { hasEscape, percentDecode } from './decode.js';
import { detectNosql } from './nosql.js';
import { detectSqli } from './sqli.js';
import { detectSsrf } from './ssrf.js';
import { detectTemplate } from './template.js';
import { detectTraversal } from './traversal.js';
import { detectXss } from './xss.js';

export type DetectorName = 'sqli' | 'nosql' | 'cmdi' | 'traversal' | 'ssrf' | 'xss' | 'template' | 'crlf';
export const DETECTOR_NAMES: readonly DetectorName[] = ['sqli', 'nosql', 'cmdi', 'traversal', 'ssrf', 'xss', 'template', 'crlf'];

/** `s` is the text to judge; `raw` the value as received (differs from `s` when `s` is its URL-decoding). */
export type Detector = (s: string, raw: string) => string | null;

export const DETECTORS: Readonly<Record<DetectorName, Detector>> = {
  sqli: detectSqli,
  nosql: detectNosql,
  cmdi: detectCmdi,
  traversal: detectTraversal,
  ssrf: detectSsrf,
  xss: detectXss,
  template: detectTemplate,
  crlf: detectCrlf,
};

export interface Hit { detector: DetectorName; rule: string }

// One pass over the string records which trigger characters occur; a detector runs only if the
// characters its rules need are all there (conditions below are read off each detector's code, so
// skipping is exact, not a heuristic). Most benign values (names, words, numbers, dates, e-mail
// addresses, plain URLs) cost this one pass and nothing else.
const Q = 1, SEMI = 2, PIPE_AMP = 4, DOLLAR = 8, PAREN = 16, LT = 32, BRACE = 64, SLASH = 128, DOT = 256, QMARK = 512;
const COLON = 1024, HASH = 2048, EQ = 4096, NL = 8192, DASH = 16384, AT = 32768, STAR = 65536, BACKTICK = 131072, NUL = 262144, BRACKET = 524288;
const TAB = 1048576;
const CLASS = new Int32Array(128);
const setc = (chars: string, bit: number): void => { for (const ch of chars) CLASS[ch.charCodeAt(0)] |= bit; };
setc(`'"`, Q); setc(';', SEMI); setc('|&', PIPE_AMP); setc('$', DOLLAR); setc('()', PAREN); setc('<>', LT); setc('{}', BRACE);
setc('/\\', SLASH); setc('.', DOT); setc('?', QMARK); setc(':', COLON); setc('#', HASH); setc('=', EQ); setc('\r\n', NL);
setc('-', DASH); setc('@', AT); setc('*', STAR); setc('`', BACKTICK); setc('\0', NUL); setc('[]', BRACKET); setc('\t', TAB);

function classes(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) m |= CLASS[c] as number;
    else if (c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0x560a || c === 0x560d) m |= NL;
    else if (c === 0xff0e || c === 0x2215 || c === 0x2216 || c === 0xff0f) m |= SLASH | DOT;
  }
  return m;
}

/** Characters sqli's tokenizer rules need (`hasSqlPunct` in sqli.ts); without them only keyword forms can fire. */
const SQL_PUNCT = Q | SEMI | PIPE_AMP | PAREN | LT | SLASH | HASH | EQ | DASH | AT | STAR;

/** Bit per detector, in DETECTOR_NAMES order. */
const BIT: Readonly<Record<DetectorName, number>> = { sqli: 1, nosql: 2, cmdi: 4, traversal: 8, ssrf: 16, xss: 32, template: 64, crlf: 128 };

/**
 * The detectors (bits) that can fire on undecoded `s` whose classes are `m`: one call per string
 * (most return 0 and the string is done) rather than one per detector.
 */
function runnable(m: number, s: string): number {
  let r = 0;
  // keyword-only forms (`1 union select 2`) need ≥ 10 characters
  if ((m & SQL_PUNCT) !== 0 || s.length >= 10) r |= 1;
  if (m === 0) return r;
  // an operator after `$`, or a quote breakout followed by ; || &&
  if ((m & DOLLAR) !== 0 || ((m & Q) !== 0 && (m & (SEMI | PIPE_AMP)) !== 0)) r |= 2;
  // separators, substitution, brace expansion, ${IFS}, /dev/tcp/
  if ((m & (SEMI | PIPE_AMP | DOLLAR | NL | BACKTICK | BRACE)) !== 0 || ((m & SLASH) !== 0 && s.indexOf('/dev/') >= 0)) r |= 4;
  // every rule needs a slash (or look-alike) or a NUL; the encoded-only rule is handled by decoding
  if ((m & (SLASH | NUL)) !== 0) r |= 8;
  // "scheme://" or a local scheme ("file:"), a leading //, or a bare metadata address (a dot or colon in it)
  if (((m & COLON) !== 0 && ((m & SLASH) !== 0 || LOCAL_SCHEME.test(s))) || s.startsWith('//') || ((m & (DOT | COLON)) !== 0 && BARE_START.includes(s.charCodeAt(0) | 32))) r |= 16;
  // a tag; a …script: URL (possibly entity- or tab-obfuscated) or CSS expression(); a quote
  // breakout into an attribute (=) or a JS sink ( ( . = )
  if ((m & LT) !== 0 || ((m & COLON) !== 0 && ((m & (PIPE_AMP | TAB | PAREN)) !== 0 || SCRIPT.test(s))) ||
    ((m & (Q | BACKTICK)) !== 0 && (m & (PAREN | DOT | EQ)) !== 0)) r |= 32;
  // {{ ${ #{ … {% <% <# [[ and the ?new( / #set( directives
  if ((m & (BRACE | LT | BRACKET)) !== 0 || ((m & PAREN) !== 0 && (m & (HASH | QMARK)) !== 0)) r |= 64;
  if ((m & NL) !== 0) r |= 128;
  return r;
}

// Literal alternations only (linear, RE2-safe). LOCAL_SCHEME: ssrf.ts's BAD_SCHEMES, which fire without "//".
const LOCAL_SCHEME = /(?:file|gopher|dict|ldaps?|tftp|jar|netdoc|phar|expect|sftp|smb|php|data|ssh2\.exec|dns):/i;
const SCRIPT = /script/i;

/** First letters of ssrf.ts's bare metadata addresses (169.254…, 100.100…, metadata.…, fd00:…), lower-cased. */
const BARE_START = [49, 109, 102];

const NONE: readonly Hit[] = Object.freeze([]);

/**
 * Runs the enabled detectors over a string and, if it carries escapes, over up to two rounds of
 * URL-decoding (double encoding). Returns the first hit per detector; the shared empty array when
 * nothing is found (the common case allocates nothing).
 */
export function scanString(s: string, enabled: readonly DetectorName[]): readonly Hit[] {
  if (s.length < 2) return NONE;
  const m = classes(s);
  const d1 = s.indexOf('%') >= 0 && hasEscape(s) ? percentDecode(s) : s;
  const d2 = d1 !== s && hasEscape(d1) ? percentDecode(d1) : d1;
  // decoded text may contain any character: then every enabled detector runs
  const run = d1 === s ? runnable(m, s) : 255;
  if (run === 0) return NONE;
  let hits: Hit[] | null = null;
  for (let i = 0; i < enabled.length; i++) {
    const name = enabled[i] as DetectorName;
    if ((run & BIT[name]) === 0) continue;
    const det = DETECTORS[name];
    const rule = det(s, s) ?? (d1 !== s ? det(d1, s) : null) ?? (d2 !== d1 ? det(d2, s) : null);
    if (rule !== null) (hits ??= []).push({ detector: name, rule });
  }
  return hits ?? NONE;
}
