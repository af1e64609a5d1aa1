import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectNosql, isOperatorKey } from './nosql.js';
import { expectDetector } from './detectors.testkit.js';

test('nosql: operators in JSON text and bracket keys, and $where JavaScript', () => {
  expectDetector(detectNosql, [
    ['{"pw": {"$ne": 1}}', 'nosql.operator'], ['name[$regex]=^a', 'nosql.operator'], ["{ '$where': 'x' }", 'nosql.operator'],
    ["'; return true; //", 'nosql.javascript'], ["a' || this.admin == true || 'a", 'nosql.javascript'],
  ], ['Costs $5 or $10', 'US$ne', 'price: $in stock', '{"$schema": "x"}', '{"$ref": "#/a"}', "it's; fine", 'return policy applies']);
});

test('nosql: operator keys', () => {
  for (const k of ['$gt', '$where', 'user[$ne]', '$ELEMMATCH']) assert.ok(isOperatorKey(k), k);
  for (const k of ['$schema', '$id', 'price$', 'user[name]', '$gtx', '']) assert.ok(!isOperatorKey(k), k);
});
