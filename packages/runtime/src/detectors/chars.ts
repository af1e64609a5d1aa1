// Character classes shared by scanString and the detectors: one pass over a string records which
// trigger characters occur (a bitmask), so a detector can skip every rule whose characters are missing
// without scanning again. A bit is set exactly for the characters listed for it below (CLASS), which is
// what makes the skips exact: "bit clear" means "indexOf would have returned -1".

export const SQ = 1, DQ = 2, BT = 4, SEMI = 8, PA = 16, DOLLAR = 32, LP = 64, LT = 128, BRACE = 256, SL = 512, DOT = 1024;
export const QM = 2048, COLON = 4096, HASH = 8192, EQ = 16384, DASH = 32768, AT = 65536, BRACKET = 131072, PCT = 262144;
export const NUL = 524288, NL = 1048576, LOOK = 2097152;
/** ASCII letters (either case) and '_': enough to rule out most keyword regexes for short tokens. */
export const U = 1 << 22, N = 1 << 23, F = 1 << 24, W = 1 << 25, X = 1 << 26, US = 1 << 27, P = 1 << 28, D = 1 << 29, S = 1 << 30, J = 1 << 31;

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
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) m |= CLASS[c] as number;
    else if (c === 0x2028 || c === 0x2029 || c === 0x85 || c === 0x560a || c === 0x560d) m |= NL;
    else if (c === 0xff0e || c === 0x2215 || c === 0x2216 || c === 0xff0f) m |= LOOK;
  }
  return m;
}

/** A word list, and the (length, first, last character) of each word as a cheap pre-test (see `isWord`). */
export interface Words { set: ReadonlySet<string>; keys: ReadonlySet<number> }

// String#toLowerCase turns only A-Z and U+212A KELVIN SIGN ('k') into ASCII letters, and changes the
// length only for U+0130 (leaving a non-ASCII U+0307 behind): a lower-cased slice equal to an ASCII
// word has the word's length, and first and last characters that fold to the word's.
function fold(c: number): number { return c >= 65 && c <= 90 ? c | 32 : c === 0x212a ? 107 : c; }
function key(n: number, f: number, l: number): number {
  f = fold(f);
  l = fold(l);
  return f < 128 && l < 128 && n < 64 ? (n << 14) | (f << 7) | l : -1;
}

export function words(ws: string[]): Words {
  return { set: new Set(ws), keys: new Set(ws.map((w) => key(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1)))) };
}

/** `w.set.has(s.slice(a, e).toLowerCase())`, without the slice for almost every miss. */
export function isWord(w: Words, s: string, a: number, e: number): boolean {
  return e > a && w.keys.has(key(e - a, s.charCodeAt(a), s.charCodeAt(e - 1))) && w.set.has(s.slice(a, e).toLowerCase());
}
