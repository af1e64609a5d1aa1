import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { compileSchema, UnsupportedSchemaError, type JsonSchema } from './schema.js';

const order: JsonSchema = {
  type: 'object', required: ['id', 'items'], additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 3, maxLength: 8 }, note: { type: ['string', 'null'] },
    items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/item' } }, kind: { enum: ['a', 'b'] }, v: { const: 1 },
    n: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 }, pick: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  },
  $defs: { item: { type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: 1, maximum: 9 } } } },
};

test('JSON Schema subset: accepts valid, rejects each kind of violation with a path', async () => {
  const v = compileSchema(order);
  assert.deepEqual(await v({ id: 'abc', items: [{ qty: 2 }], kind: 'a', v: 1, n: 1.5, pick: 3, note: null }), { ok: true, value: { id: 'abc', items: [{ qty: 2 }], kind: 'a', v: 1, n: 1.5, pick: 3, note: null } });
  const bad: Array<[unknown, string]> = [
    [{ items: [{ qty: 1 }] }, '/id'], [{ id: 'ab', items: [{ qty: 1 }] }, '/id'], [{ id: 'abc', items: [] }, '/items'],
    [{ id: 'abc', items: [{ qty: 10 }] }, '/items/0/qty'], [{ id: 'abc', items: [{ qty: 1 }], extra: 1 }, '/extra'],
    [{ id: 'abc', items: [{ qty: 1 }], kind: 'c' }, '/kind'], [{ id: 'abc', items: [{ qty: 1 }], n: 0.3 }, '/n'],
    [{ id: 'abc', items: [{ qty: 1 }], pick: 1.5 }, '/pick'], [[], '/'], [{ id: '😀😀😀😀😀😀😀😀😀', items: [{ qty: 1 }] }, '/id'],
  ];
  for (const [value, path] of bad) {
    const r = await v(value);
    assert.equal(r.ok, false, JSON.stringify(value));
    assert.equal(r.path, path, JSON.stringify(value));
  }
  // 8 emoji = 8 code points: within maxLength 8
  assert.equal((await v({ id: '😀😀😀😀😀😀😀😀', items: [{ qty: 1 }] })).ok, true);
});

test('JSON Schema subset: unsupported keywords are refused at configuration time', () => {
  assert.throws(() => compileSchema({ type: 'string', pattern: '^(a+)+$' } as JsonSchema), UnsupportedSchemaError);
  assert.throws(() => compileSchema({ properties: { a: { format: 'email' } } } as unknown as JsonSchema), /format/);
});

test('Standard Schema (zod) validators are used through ~standard', async () => {
  const v = compileSchema(z.object({ name: z.string().max(3) }));
  assert.equal((await v({ name: 'abc' })).ok, true);
  const r = await v({ name: 'abcd' });
  assert.equal(r.ok, false);
  assert.equal(r.path, 'name');
});

test('JSON Schema compiler: property names are data, never code; inherited names need an own property', async () => {
  // names that would break out of a string literal or a switch case in generated code
  const hostile = ['"); globalThis.pwned = 1; ("', "'\n}", '\u2028', '`${x}`', 'constructor', '__proto__', 'toString'];
  const v = compileSchema({
    type: 'object', required: ['constructor', 'toString'], additionalProperties: false,
    properties: Object.fromEntries(hostile.map((k) => [k, { type: 'string' }])),
  });
  assert.equal((globalThis as Record<string, unknown>).pwned, undefined);
  // Object.prototype's own "constructor"/"toString" do not satisfy `required`
  assert.deepEqual(await v({}), { ok: false, value: undefined, path: '/constructor' });
  const ok = JSON.parse(`{${hostile.map((k) => `${JSON.stringify(k)}:"x"`).join(',')}}`) as unknown;
  assert.equal((await v(ok)).ok, true);
  assert.equal((await v({ ...(ok as object), toString: 1 })).path, '/toString');
  assert.throws(() => compileSchema({ type: 'string', maxLength: 'x' as unknown as number }), UnsupportedSchemaError);
});

test('JSON Schema compiler: boolean subschemas', async () => {
  const v = compileSchema({ type: 'object', properties: { free: true as unknown as JsonSchema, never: false as unknown as JsonSchema } });
  assert.equal((await v({ free: [1, { a: 2 }] })).ok, true);
  assert.deepEqual(await v({ never: 1 }), { ok: false, value: undefined, path: '/never' });
});
