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

// One pass over the string records which trigger characters occur; a detector runs only if a
// character it needs is present. Most benign values (names, words, numbers) skip nearly everything.
const Q = 1, SEMI = 2, PIPE_AMP = 4, DOLLAR = 8, PAREN = 16, LT = 32, BRACE = 64, SLASH = 128, DOT = 256, PCT = 512;
const COLON = 1024, HASH = 2048, EQ = 4096, NL = 8192, DASH = 16384, AT = 32768, STAR = 65536, BACKTICK = 131072, NUL = 262144, BRACKET = 524288;
const CLASS = new Uint32Array(128);
const setc = (chars: string, bit: number): void => { for (const ch of chars) CLASS[ch.charCodeAt(0)] |= bit; };
setc(`'"`, Q); setc(';', SEMI); setc('|&', PIPE_AMP); setc('$', DOLLAR); setc('()', PAREN); setc('<>', LT); setc('{}', BRACE);
setc('/\\', SLASH); setc('.', DOT); setc('%', PCT); setc(':', COLON); setc('#', HASH); setc('=', EQ); setc('\r\n', NL);
setc('-', DASH); setc('@', AT); setc('*', STAR); setc('`', BACKTICK); setc('\0', NUL); setc('[]', BRACKET); setc('+', Q | SEMI);

function classes(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) m |= CLASS[c] as number;
    else if (c === 0x2028 || c === 0x2029 || c === 0x85) m |= NL;
    else if (c === 0xff0e || c === 0x2215 || c === 0x2216 || c === 0xff0f) m |= SLASH | DOT;
    else if (c === 0x560a || c === 0x560d) m |= NL;
  }
  return m;
}

/** Which character classes make each detector worth running (any one suffices). */
const NEEDS: Readonly<Record<DetectorName, number>> = {
  sqli: Q | SEMI | PIPE_AMP | PAREN | LT | SLASH | HASH | EQ | DASH | AT | STAR,
  nosql: DOLLAR | Q,
  cmdi: SEMI | PIPE_AMP | DOLLAR | NL | BACKTICK | BRACE,
  traversal: SLASH | NUL | PCT,
  ssrf: COLON | SLASH | DOT,
  xss: LT | COLON | Q | BACKTICK | PCT,
  template: BRACE | LT | HASH | PCT | DOLLAR | BRACKET,
  crlf: NL | PCT,
};

/**
 * Runs the enabled detectors over a string and, if it carries escapes, over up to two rounds of
 * URL-decoding (double encoding). Returns the first hit per detector, or an empty array.
 */
export function scanString(s: string, enabled: readonly DetectorName[]): Hit[] {
  if (s.length < 2) return [];
  const m = classes(s);
  let hits: Hit[] | null = null;
  if (m === 0) {
    // plain words: only SQL keyword forms (`1 union select …`) can matter
    if (s.length < 10 || !enabled.includes('sqli')) return [];
    const r = detectSqli(s);
    return r === null ? [] : [{ detector: 'sqli', rule: r }];
  }
  const d1 = (m & PCT) !== 0 && hasEscape(s) ? percentDecode(s) : s;
  const d2 = d1 !== s && hasEscape(d1) ? percentDecode(d1) : d1;
  for (const name of enabled) {
    const det = DETECTORS[name];
    // decoded text may contain any character, so the prefilter only applies to undecoded strings
    if (d1 === s && (m & NEEDS[name]) === 0 && !(name === 'sqli' && s.length >= 10)) continue;
    const rule = det(s, s) ?? (d1 !== s ? det(d1, s) : null) ?? (d2 !== d1 ? det(d2, s) : null);
    if (rule !== null) (hits ??= []).push({ detector: name, rule });
  }
  return hits ?? [];
}
