import { detectCmdi } from './cmdi.js';
import { detectCrlf } from './crlf.js';
import { BRACE, BRACKET, BT, COLON, D, DOLLAR, DOT, DQ, EQ, F, HASH, J, LOOK, LP, LT, N, NL, NUL, P, PA, PCT, QM, S, SEMI, SL, SQ, U, US, W, X, classes } from './chars.js';
import { hasEscape, percentDecode } from './decode.js';
import { detectNosql } from './nosql.js';
import { SQL_PUNCT, detectSqli } from './sqli.js';
import { detectSsrf } from './ssrf.js';
import { detectTemplate } from './template.js';
import { detectTraversal } from './traversal.js';
import { detectXss, quoteBreakout } from './xss.js';

export type DetectorName = 'sqli' | 'nosql' | 'cmdi' | 'traversal' | 'ssrf' | 'xss' | 'template' | 'crlf';
export const DETECTOR_NAMES: readonly DetectorName[] = ['sqli', 'nosql', 'cmdi', 'traversal', 'ssrf', 'xss', 'template', 'crlf'];

/**
 * `s` is the text to judge; `raw` the value as received (differs from `s` when `s` is its URL-decoding);
 * `m` is `classes(s)` when the caller has it already (computed otherwise).
 */
export type Detector = (s: string, raw: string, m?: number) => string | null;

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

// A detector runs only if the characters its rules need are all there (`classes` in chars.ts records
// them in one pass; conditions below are read off each detector's code, so skipping is exact, not a
// heuristic). Most benign values (names, words, numbers, dates, e-mail addresses, plain URLs) cost this
// one pass and nothing else.

const Q = SQ | DQ;
/** Letter bits (and '_') only narrow checks for words; a string with nothing else has no trigger at all. */
const LETTERS = U | N | F | W | X | US | P | D | S | J;

/**
 * The detectors (bits) that can fire on undecoded `s` whose classes are `m`: one call per string
 * (most return 0 and the string is done) rather than one per detector.
 */
function runnable(m: number, s: string): number {
  // keyword-only forms (`1 union select 2`) need ≥ 10 characters
  let r = (m & SQL_PUNCT) !== 0 || s.length >= 10 ? 1 : 0;
  if ((m & ~LETTERS) === 0) return r;
  // an operator after `$`, or a quote breakout followed by ; || &&
  if ((m & DOLLAR) !== 0 || ((m & Q) !== 0 && (m & (SEMI | PA)) !== 0)) r |= 2;
  // separators, substitution, brace expansion, ${IFS}, /dev/tcp/ or /dev/udp/ (a d and a p)
  if ((m & (SEMI | PA | DOLLAR | NL | BT | BRACE)) !== 0 || ((m & (SL | D | P)) === (SL | D | P) && s.indexOf('/dev/') >= 0)) r |= 4;
  // every rule needs a slash (or look-alike) or a NUL; the encoded-only rule is handled by decoding
  if ((m & (SL | LOOK | NUL)) !== 0) r |= 8;
  if ((m & COLON) !== 0) {
    // "scheme://" or a local scheme ("file:", each has one of the letters f p d s j); a …script: URL
    // (possibly entity- or tab-obfuscated) or CSS expression()
    if ((m & (SL | F | P | D | S | J)) !== 0) r |= 16;
    if ((m & (PA | NL | LP)) !== 0 || ((m & (S | P)) === (S | P) && SCRIPT.test(s))) r |= 32;
  }
  // a leading //, or a bare metadata address (169.254…, 100.100…, metadata.…, fd00:…: a dot or colon in it)
  const c0 = s.charCodeAt(0) | 32;
  if (((m & SL) !== 0 && s.startsWith('//')) || ((m & (DOT | COLON)) !== 0 && (c0 === 49 || c0 === 109 || c0 === 102))) r |= 16;
  // a tag, or a quote breakout into an attribute (a quote and =) or a JS sink (( . or =, and a quote
  // followed by breakout punctuation: "O'Neill", "John's" are done here)
  if ((m & LT) !== 0 || ((m & Q) !== 0 && (m & EQ) !== 0) || ((m & (Q | BT)) !== 0 && (m & (LP | DOT | EQ)) !== 0 && quoteBreakout(s, m))) r |= 32;
  // {{ ${ #{ … {% <% <# [[ and the ?new( / #set( directives
  if ((m & (BRACE | LT | BRACKET)) !== 0 || ((m & LP) !== 0 && (m & (HASH | QM)) !== 0)) r |= 64;
  if ((m & NL) !== 0) r |= 128;
  return r;
}

const SCRIPT = /script/i;

const NONE: readonly Hit[] = Object.freeze([]);

const DETECTOR_LIST: readonly Detector[] = DETECTOR_NAMES.map((d) => DETECTORS[d]);

/** The first rule `det` finds in `s` or its decodings. */
function judge(det: Detector, s: string, m: number, d1: string, d2: string): string | null {
  return det(s, s, m) ?? (d1 !== s ? det(d1, s) ?? (d2 !== d1 ? det(d2, s) : null) : null);
}

/**
 * Runs the enabled detectors over a string and, if it carries escapes, over up to two rounds of
 * URL-decoding (double encoding). `m` is `classes(s)` when the caller has it already. Returns the first hit per detector, in `enabled` order; the shared
 * empty array when nothing is found (the common case allocates nothing).
 */
export function scanString(s: string, enabled: readonly DetectorName[], m = classes(s)): readonly Hit[] {
  if (s.length < 2) return NONE;
  // the common key or word: letters, digits and spaces only, too short for a keyword form (see runnable)
  if ((m & ~LETTERS) === 0 && s.length < 10) return NONE;
  const d1 = (m & PCT) !== 0 && hasEscape(s) ? percentDecode(s) : s;
  const d2 = d1 !== s && hasEscape(d1) ? percentDecode(d1) : d1;
  // decoded text may contain any character: then every enabled detector runs
  const run = d1 === s ? runnable(m, s) : 255;
  // The common case, nothing found, walks only the runnable detectors (no per-name lookups); on the
  // first hit the result is built in `enabled` order, reusing what is known (detectors before i found
  // nothing, detector i found `first`).
  for (let i = 0; run >> i !== 0; i++) {
    const first = ((run >> i) & 1) !== 0 && enabled.includes(DETECTOR_NAMES[i] as DetectorName) ? judge(DETECTOR_LIST[i] as Detector, s, m, d1, d2) : null;
    if (first === null) continue;
    const hits: Hit[] = [];
    for (const name of enabled) {
      const k = DETECTOR_NAMES.indexOf(name);
      const rule = k === i ? first : k > i && ((run >> k) & 1) !== 0 ? judge(DETECTORS[name], s, m, d1, d2) : null;
      if (rule !== null) hits.push({ detector: name, rule });
    }
    return hits;
  }
  return NONE;
}
