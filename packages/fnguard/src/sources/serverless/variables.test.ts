import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitTokens, splitTopLevel } from './variables.js';

test('splitTokens keeps CloudFormation ${…} as text and finds nested serverless variables', () => {
  assert.equal(splitTokens('arn:aws:s3:::${AWS::AccountId}-${Bucket}'), undefined);
  assert.deepEqual(splitTokens('a-${self:custom.${opt:stage, "dev"}.x}-b'), ['a-', { inner: 'self:custom.${opt:stage, "dev"}.x' }, '-b']);
  assert.deepEqual(splitTokens('${file(./a.yml):b}'), [{ inner: 'file(./a.yml):b' }]);
  assert.equal(splitTokens('${self:unclosed'), undefined);
});

test('splitTopLevel ignores separators in quotes, parentheses and nested variables', () => {
  assert.deepEqual(splitTopLevel(`opt:stage, 'a,b', \${self:x, 'y'}, file(./a,b.yml)`, ',').map((x) => x.trim()), [
    'opt:stage', "'a,b'", "${self:x, 'y'}", 'file(./a,b.yml)',
  ]);
});

test('text full of unbalanced ${ is tokenized with bounded work and no exception', () => {
  const hostile = '${'.repeat(30_000) + '${self:x}';
  assert.equal(splitTokens(hostile), undefined);
  const fine = '${self:a}'.repeat(10);
  assert.equal(splitTokens(fine)?.length, 10);
});
