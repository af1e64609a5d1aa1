// Character classes shared by scanString and the detectors: one pass over a string records which
// trigger characters occur (a bitmask), so a detector can skip every rule whose characters are missing
// without scanning again. A bit is set exactly for the characters listed for it below (CLASS), which is
// what makes the skips exact: "bit clear" means "indexOf would have returned -1".

export const SQ = 1, DQ = 2, BT = 4, SEMI = 8, PA = 16, DOLLAR = 32, LP = 64, LT = 128, BRACE = 256, SL = 512, DOT = 1024;
export const QM = 2048, COLON = 4096, HASH = 8192, EQ = 16384, DASH = 32768, AT = 65536, BRACKET = 131072, PCT = 262144;
export const NUL = 524288, NL = 1048576, LOOK = 2097152;
/** ASCII letters (either case) and '_': enough to rule out most keyword regexes for short tokens. */
export const U = 1 << 22, N = 1 << 23, F = 1 << 24, W = 1 << 25, X = 1 << 26, US = 1 << 27, P = 1 << 28, D = 1 << 29, S = 1 << 30, J = 1 << 31;

/**
 * `new RegExp(ws.join('|'), 'i')` narrowed, for a string whose classes are `m`, to the words whose
 * letters' bits are all in `m` (null when none are): the same matches, since a non-unicode /i regex
 * matches an ASCII letter only with an ASCII letter, and fewer alternatives run faster (/waitfor/i on
 * prose with a w and an f). The subset is looked up by m's 10 letter bits; each regex is built on first use.
 */
export function wordsIn(ws: readonly string[]): (m: number) => RegExp | null {
  const need = ws.map((w) => { let b = 0; for (let i = 0; i < w.length; i++) b |= CLASS[w.charCodeAt(i)] as number; return b >>> 22; });
  const subset = new Int32Array(1024);
  for (let l = 0; l < 1024; l++) need.forEach((b, i) => { if ((b & ~l) === 0) subset[l] |= 1 << i; });
  const built: RegExp[] = [];
  return (m) => {
    const k = subset[m >>> 22] as number;
    return k === 0 ? null : (built[k] ??= new RegExp(ws.filter((_, i) => ((k >> i) & 1) !== 0).join('|'), 'i'));
  };
}

/** An ASCII letter or digit. */
export function isAlnum(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57);
}

/** A space-separated word list. */
export const list = (words: string): string[] => words.split(' ');

// The characters of each bit above, in bit order. Characters no rule tells apart share a bit: DASH is
// - or *, PCT is % or +, NL is a line break (\r \n U+2028 U+2029 U+0085, and U+560A/U+560D which some
// HTTP stacks truncate to LF/CR) or a tab, LOOK a backslash or a slash/dot look-alike some decoders
// fold to ASCII (U+2215 U+2216 U+FF0F U+FF0E).
const CLASS = new Int32Array(128);
list(`' " \` ; |& $ ( <> {} / . ? : # = -* @ [] %+ \0 \r\n\t \\ uU nN fF wW xX _ pP dD sS jJ`).forEach((chars, bit) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)] |= 1 << bit;
});

export function classes(s: string): number {
  // ASCII runs two characters a step (measured ~15% faster than one); from the first non-ASCII pair on,
  // one at a time with the look-alike checks
  let m = 0, i = 0;
  for (; i + 1 < s.length; i += 2) {
    const a = s.charCodeAt(i), b = s.charCodeAt(i + 1);
    if ((a | b) >= 128) break;
    m |= (CLASS[a] as number) | (CLASS[b] as number);
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) m |= CLASS[c] as number;
    else if (c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0x560a || c === 0x560d) m |= NL;
    else if (c === 0xff0e || c === 0x2215 || c === 0x2216 || c === 0xff0f) m |= LOOK;
  }
  return m;
}

/**
 * A word list, and per character the lengths (bit n: length n, all words are shorter than 32) of the words
 * starting (`first`) and ending (`last`) with it, either case: a cheap pre-test (see `isWord`).
 */
export interface Words { set: ReadonlySet<string>; first: Int32Array; last: Int32Array; keys: ReadonlySet<number> }

export function words(ws: string[]): Words {
  const first = new Int32Array(128), last = new Int32Array(128);
  for (const w of ws) {
    // the tables hold lengths < 32 and lower-case first/last characters (each list here is static)
    if (w.length >= 32 || w !== w.toLowerCase()) throw new Error(w);
    for (const [t, c] of [[first, w.charCodeAt(0)], [last, w.charCodeAt(w.length - 1)]] as const) {
      t[c] |= 1 << w.length;
      if (c >= 97 && c <= 122) t[c - 32] |= 1 << w.length;
    }
  }
  return { set: new Set(ws), first, last, keys: new Set(ws.map((w) => key(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1)))) };
}

// String#toLowerCase turns only A-Z and U+212A KELVIN SIGN ('k') into ASCII letters, and changes the
// length only for U+0130 (leaving a non-ASCII U+0307 behind): a lower-cased slice equal to an ASCII
// word has the word's length, and first and last characters that fold to the word's.
function at(t: Int32Array, c: number): number {
  return c < 128 ? (t[c] as number) : c === 0x212a ? (t[107] as number) : 0;
}
function fold(c: number): number { return c >= 65 && c <= 90 ? c | 32 : c === 0x212a ? 107 : c; }
/** (length, first, last) of a word, folded: the tables above pair lengths with one end at a time. */
function key(n: number, f: number, l: number): number { return (n << 14) | (fold(f) << 7) | fold(l); }

/** Does some word of the list start (`t` = `first`) or end (`last`) with character `c`? (isWord's pre-test) */
export function edgeIn(t: Int32Array, c: number): boolean {
  return at(t, c) !== 0;
}

/** `w.set.has(s.slice(a, e).toLowerCase())`, without the slice for almost every miss. */
export function isWord(w: Words, s: string, a: number, e: number): boolean {
  const n = e - a;
  const f = s.charCodeAt(a), l = s.charCodeAt(e - 1);
  return n > 0 && n < 32 && (at(w.first, f) & at(w.last, l) & (1 << n)) !== 0 && w.keys.has(key(n, f, l)) && w.set.has(s.slice(a, e).toLowerCase());
}
