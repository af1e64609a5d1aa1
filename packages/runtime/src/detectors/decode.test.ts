import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasEscape, percentDecode } from './decode.js';

test('percentDecode: standard, %u, overlong and malformed escapes', () => {
  assert.equal(percentDecode('a%20b%2F'), 'a b/');
  assert.equal(percentDecode('%u002e%u002E/'), '../');
  assert.equal(percentDecode('%c0%ae%c0%af'), './');
  assert.equal(percentDecode('100%'), '100%');
  assert.equal(percentDecode('%zz%4'), '%zz%4');
  const s = 'no escapes';
  assert.equal(percentDecode(s), s);
  assert.equal(percentDecode(percentDecode('%252e')), '.');
});

test('hasEscape', () => {
  assert.ok(hasEscape('a%2fb'));
  assert.ok(hasEscape('%u0041'));
  assert.ok(!hasEscape('50% off'));
  assert.ok(!hasEscape('%'));
});
