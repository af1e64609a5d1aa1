import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DASH, LOOK, NL, PCT, QM, SEMI, SL, U, US, classes, edgeIn, isWord, list, words, wordsIn } from './chars.js';

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

test('classes: non-ASCII characters never alias the ASCII class of their low 7 bits; odd and even lengths', () => {
  // U+00BB and U+00A7 end in the bits of ';' and "'"; U+3C3C those of '<'
  for (const s of ['\u00bb', '\u00a7!', 'ab\u3c3c', '\u00e9\u00e9']) assert.equal(classes(s), 0, s);
  assert.equal(classes('\u00bb;'), SEMI);
  assert.equal(classes('a\u2028'), NL);
  assert.equal(classes('\u00e9\uff0f'), LOOK);
  assert.equal(classes('ab;'), SEMI);
  assert.equal(classes('a;'), SEMI);
  assert.equal(classes(';'), SEMI);
  assert.equal(classes(''), 0);
});

test('isWord/edgeIn: words up to 31 characters, first and last characters in either case', () => {
  const w = words(list('dbms_pipe.receive_message md5 x'));
  assert.ok(isWord(w, 'DBMS_PIPE.RECEIVE_MESSAGE', 0, 25) && isWord(w, 'MD5', 0, 3) && isWord(w, 'X', 0, 1));
  assert.ok(!isWord(w, 'md5 ', 0, 4) && !isWord(w, 'xx', 0, 2));
  assert.ok(edgeIn(w.last, 53) && edgeIn(w.first, 68) && edgeIn(w.first, 0x212a) === false && !edgeIn(w.last, 0x2028));
  assert.ok(edgeIn(words(list('dblink')).last, 0x212a));
  assert.throws(() => words(['a'.repeat(32)]));
});

test('wordsIn: the narrowed regex finds what the full alternation finds, given the classes', () => {
  const ws = list('union waitfor outfile dumpfile xp_cmdshell');
  const full = new RegExp(ws.join('|'), 'i'), narrow = wordsIn(ws);
  for (const s of ['Gift wrap please', 'WAITFOR', 'UnIoN', 'xp_CmdShell', 'outfile', 'dumpfil', 'neighbour', 'x_p', '', 'union'.toUpperCase() + ' waitfor']) {
    assert.equal(narrow(classes(s))?.test(s) ?? false, full.test(s), s);
  }
  assert.equal(narrow(classes('plain text')), null);
  assert.equal(String(narrow(classes('with f'))), '/waitfor/i');
});
