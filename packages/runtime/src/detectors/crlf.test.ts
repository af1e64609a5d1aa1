import { test } from 'node:test';
import { detectCrlf } from './crlf.js';
import { percentDecode } from './decode.js';
import { expectDetector } from './detectors.testkit.js';
import assert from 'node:assert/strict';

test('crlf: header injection, response splitting, forged log lines; plain multi-line text passes', () => {
  expectDetector(detectCrlf, [
    ['a\r\nSet-Cookie: x=1', 'crlf.header-injection'], ['a\nX-Test: 1', 'crlf.header-injection'], ['a\r\n\r\n<html>', 'crlf.response-splitting'],
    ['u\nERROR: fake', 'crlf.log-forging'], ['u\n2025-01-01 10:00 login', 'crlf.log-forging'], ['u\u2028[WARN] x', 'crlf.log-forging'],
    ['x%0d%0aLocation:/', 'crlf.encoded'],
  ], ['Line one\nLine two', 'Dear Ann,\r\n\r\nThanks!\r\nBob', '12 Main St\nDublin 2', '# Title\n\n- item', 'Note:\nremember milk', 'a%20b']);
});

test('crlf: single encoded LF is judged after decoding', () => {
  const raw = 'x%0aSet-Cookie: a=b';
  assert.equal(detectCrlf(percentDecode(raw), raw), 'crlf.header-injection');
});

test('crlf: Unicode line breaks and truncated U+560A count like CR/LF', () => {
  expectDetector(detectCrlf, [['a\u2028ERROR: x', 'crlf.log-forging'], ['x\u560aSet-Cookie: a=1', 'crlf.unicode-truncation']], ['a\tERROR: x', 'a b']);
});
