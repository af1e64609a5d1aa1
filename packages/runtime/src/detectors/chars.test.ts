import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DASH, LOOK, NL, PCT, QM, SL, U, US, classes, isWord, list, words } from './chars.js';

test('classes: each bit is set by its characters only', () => {
  assert.equal(classes('abc 123'), 0);
  assert.equal(classes('-*'), DASH);
  assert.equal(classes('%+'), PCT);
  assert.equal(classes('?'), QM);
  assert.equal(classes('/'), SL);
  assert.equal(classes('\\\uff0e\u2215'), LOOK);
  assert.equal(classes('\t\r\n\u2028\u2029\u0085\u560a\u560d'), NL);
  assert.equal(classes('uU_'), U | US);
});

test('isWord: the same answer as lower-casing a slice and looking it up, incl. U+212A and U+0130', () => {
  const w = words(list('ksh like if sleep'));
  const lower = (s: string, a: number, e: number): boolean => w.set.has(s.slice(a, e).toLowerCase());
  for (const s of ['KSH', '\u212ash', 'li\u212ae', 'IF', '\u0130f', 'if\u0130', 'SLEEP', 'sleeps', 'x', '', 'sl eep']) {
    for (let a = 0; a <= s.length; a++) for (let e = a; e <= s.length; e++) assert.equal(isWord(w, s, a, e), lower(s, a, e), `${s}[${a},${e})`);
  }
});
