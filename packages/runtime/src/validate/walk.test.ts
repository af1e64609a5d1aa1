import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../core.js';
import { walk } from './walk.js';

const engine = new Engine({ sink: () => {}, limits: { maxDepth: 4, maxKeys: 10, maxStringLength: 20 } });
const run = (v: unknown, e = engine) => { const st = e.state(); walk(v, 'body', e.cfg, st); return st.findings.map((f) => `${f.rule}@${f.location}`); };

test('walk: limits on depth, key count and string length', () => {
  assert.deepEqual(run({ a: { b: { c: { d: { e: 1 } } } } }), ['limits.depth@body.a.b.c.d']);
  assert.deepEqual(run({ a: Array.from({ length: 11 }, () => 1) }), ['limits.keys@body.a']);
  assert.deepEqual(run({ s: 'x'.repeat(21) }), ['limits.string-length@body.s']);
  assert.deepEqual(run({ ok: ['fine', 1, null, true] }), []);
});

test('walk: prototype-pollution keys in every spelling', () => {
  assert.deepEqual(run(JSON.parse('{"__proto__": {"admin": true}}')), ['prototype.key@body.__proto__']);
  assert.deepEqual(run({ constructor: { prototype: { admin: true } } }), ['prototype.key@body.constructor']);
  assert.deepEqual(run({ 'a[__proto__][x]': 1 }), ['prototype.key@body.a[__proto__][x]']);
  assert.deepEqual(run({ 'constructor[prototype][x]': 1 }), ['prototype.key@body.constructor[prototype][x]']);
  assert.deepEqual(run({ constructor: 'a string is fine' }), []);
});

test('walk: NoSQL operator keys and injection in values and keys; monitor mode records without blocking', () => {
  assert.deepEqual(run({ pw: { $ne: null } }), ['nosql.operator-key@body.pw.$ne']);
  assert.deepEqual(run({ q: "' or 1=1--" }), ['sqli.tautology@body.q']);
  const mon = new Engine({ sink: () => {}, detectors: { sqli: 'monitor' } });
  const st = mon.state();
  walk({ q: "' or 1=1--", r: '<script>x</script>' }, 'body', mon.cfg, st);
  assert.deepEqual(st.findings.map((f) => [f.rule, f.action]), [['sqli.tautology', 'monitored'], ['xss.tag', 'blocked']]);
  const off = new Engine({ sink: () => {}, detectors: { xss: 'off' } });
  assert.deepEqual(run({ r: '<script>x</script>' }, off), []);
});
