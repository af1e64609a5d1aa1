import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badHeaderValue, clientIp, hasHeader, normalizeHeaders, parseCookies, responseHeaderList, securityHeaders } from './headers.js';

test('normalizeHeaders lower-cases and merges multi-value maps', () => {
  assert.deepEqual(normalizeHeaders({ 'Content-Type': 'a', X: 'b' }, { 'X-Multi': ['1', '2'], X: ['c', 'd'] }), { 'content-type': 'a', 'x-multi': '1, 2', x: 'c, d' });
  assert.deepEqual(normalizeHeaders(null, 5), {});
});

test('badHeaderValue: CR, LF, NUL', () => {
  assert.ok(badHeaderValue('a\r\nb'));
  assert.ok(badHeaderValue('a\0'));
  assert.ok(!badHeaderValue('text/html; q=0.9'));
});

test('clientIp: the platform address wins; X-Forwarded-For only through trusted hops, from the right', () => {
  const h = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' };
  assert.equal(clientIp(h, '198.51.100.1', 1), '198.51.100.1');
  assert.equal(clientIp(h, undefined, 0), undefined);
  assert.equal(clientIp(h, undefined, 1), '10.0.0.2');
  assert.equal(clientIp(h, undefined, 2), '203.0.113.7');
  assert.equal(clientIp({ 'x-forwarded-for': '203.0.113.9:51234' }, undefined, 1), '203.0.113.9');
});

test('securityHeaders: adds what is missing, keeps handler values, no-store only when authenticated', () => {
  const all = securityHeaders(responseHeaderList({}), () => false, true);
  assert.ok(all.some(([k, v]) => k === 'Strict-Transport-Security' && v.startsWith('max-age=')));
  assert.ok(all.some(([k, v]) => k === 'Cache-Control' && v === 'no-store'));
  const anon = securityHeaders(responseHeaderList({}), (n) => n === 'content-security-policy', false);
  assert.ok(!anon.some(([k]) => k === 'Cache-Control' || k === 'Content-Security-Policy'));
  assert.equal(securityHeaders(responseHeaderList({ hsts: false }), () => false, false).some(([k]) => k === 'Strict-Transport-Security'), false);
});

test('parseCookies', () => {
  assert.deepEqual(parseCookies('a=1; b = x=y ;bad; =z'), [['a', '1'], ['b', 'x=y']]);
});

test('hasHeader: any capitalisation, own names only', () => {
  assert.equal(hasHeader({ 'Content-Type': 'x' }, 'content-type'), true);
  assert.equal(hasHeader({ 'content-type': 'x' }, 'content-type'), true);
  assert.equal(hasHeader({ 'X-Other': 'x' }, 'content-type'), false);
  assert.equal(hasHeader(undefined, 'content-type'), false);
  assert.deepEqual(responseHeaderList(false), []);
});

test('forEachCookie: many separators without "=" (each "=" search reused), empty names skipped', () => {
  assert.deepEqual(parseCookies(`${';'.repeat(100_000)}a=1`), [['a', '1']]);
  assert.deepEqual(parseCookies('=1; a=; b=2'), [['a', ''], ['b', '2']]);
});
