import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJson, parseYaml } from './structured.js';
import { ParseError } from '../core/errors.js';

test('YAML keeps key and item lines and expands CloudFormation short tags', () => {
  const d = parseYaml('a:\n  b: !Ref Foo\n  c: !GetAtt Role.Arn\nlist:\n  - 1\n  - !Sub "x"\n', 't.yaml');
  const v = d.value as { a: object; list: unknown[] };
  assert.deepEqual(v.a, { b: { Ref: 'Foo' }, c: { 'Fn::GetAtt': ['Role', 'Arn'] } });
  assert.deepEqual(v.list[1], { 'Fn::Sub': 'x' });
  assert.equal(d.loc(v.a, 'c').line, 3);
  assert.equal(d.loc(v.list, 1).line, 6);
});

test('YAML merge keys copy entries with their original lines', () => {
  const d = parseYaml('base: &b\n  x: 1\nuse:\n  <<: *b\n  y: 2\n', 't.yaml');
  const v = d.value as { use: object };
  assert.deepEqual(v.use, { x: 1, y: 2 });
  assert.equal(d.loc(v.use, 'x').line, 2);
});

test('a YAML alias bomb fails fast with a ParseError', () => {
  let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 0; i < 9; i++) {
    const n = String.fromCharCode(98 + i);
    bomb += `${n}: &${n} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]\n`;
  }
  assert.throws(() => parseYaml(bomb, 'bomb.yaml'), (e: unknown) => e instanceof ParseError && /alias/.test(e.message));
});

test('broken YAML and JSON give a one-line ParseError with the line', () => {
  assert.throws(() => parseYaml('a: [b\nc: d\n', 'x.yaml'), (e: unknown) => e instanceof ParseError && e.line !== undefined && !e.message.includes('\n'));
  assert.throws(() => parseJson('{\n "a": 1,\n "b": }', 'x.json'), (e: unknown) => e instanceof ParseError && e.line === 3);
});

test('JSON with comments and tabs keeps lines', () => {
  const d = parseJson('{\n\t// c\n\t"a": {\n\t\t"b": [1,\n\t\t 2]\n\t}\n}', 'x.json');
  const v = d.value as { a: { b: number[] } };
  assert.deepEqual(v.a.b, [1, 2]);
  assert.equal(d.loc(v.a.b, 1).line, 5);
  assert.equal(d.loc(v, 'a').line, 3);
});
