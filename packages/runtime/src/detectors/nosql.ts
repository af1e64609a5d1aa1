// NoSQL operator injection: MongoDB-style operators arriving as object keys ({"$ne": null}),
// bracket query keys (user[$ne]=1) or JSON text inside strings, and JavaScript injected into $where.

import { DOLLAR, DQ, PA, SEMI, SQ, classes, isAlnum, isWord, list, words } from './chars.js';

const OPERATORS = words(list('where ne eq gt gte lt lte in nin regex exists or and nor not expr function accumulator elemmatch size type mod all text jsonschema lookup merge out set unset push rename inc options comment'));

function opAt(s: string, i: number): boolean {
  // i is the index of '$'
  let j = i + 1;
  while (j < s.length && j - i <= 12) {
    const c = s.charCodeAt(j) | 32;
    if (c < 97 || c > 122) break;
    j++;
  }
  if (j === i + 1) return false;
  return isWord(OPERATORS, s, i + 1, j) && !isAlnum(s.charCodeAt(j)) && s.charCodeAt(j) !== 95;
}

/** An object key that is itself an operator or a bracket form carrying one (`a[$gt]`). */
export function isOperatorKey(key: string): boolean {
  if (key.charCodeAt(0) === 36) return opAt(key, 0);
  const b = key.indexOf('[$');
  return b >= 0 && opAt(key, b + 1);
}

const JS_TAIL = list('== return sleep( this. while( function( tojson db.');

export function detectNosql(s: string, _raw?: string, m = classes(s)): string | null {
  let i = (m & DOLLAR) !== 0 ? s.indexOf('$') : -1;
  while (i >= 0) {
    // only where an operator can start a key: after {, [, a quote or a comma (spaces allowed between)
    let b = i - 1;
    while (b >= 0 && (s.charCodeAt(b) === 32 || s.charCodeAt(b) === 9 || s.charCodeAt(b) === 10) && i - b < 16) b--;
    const p = b < 0 ? 123 : s.charCodeAt(b);
    if ((p === 123 || p === 91 || p === 34 || p === 39 || p === 44) && opAt(s, i)) {
      return 'nosql.operator';
    }
    i = s.indexOf('$', i + 1);
  }
  // $where JavaScript: a quote breakout followed by ; || or && and a JS-only construct
  // (and the breakout below needs ; | or &)
  if ((m & (SQ | DQ)) === 0 || (m & (SEMI | PA)) === 0) return null;
  const l = s.toLowerCase();
  if (!/['"]\s{0,8}(?:;|\|\||&&)/.test(l)) return null;
  for (const t of JS_TAIL) if (l.indexOf(t) >= 0) return 'nosql.javascript';
  return null;
}
