import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../scan.js';
import { partition } from './parallel.js';
import type { SourceFile } from './types.js';

const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const file = (path: string, text = ''): SourceFile => ({ path, abs: `/r/${path}`, text });

test('a model built on two worker threads equals the single-threaded one', async () => {
  const single = await buildModel(examples, { workers: 1 });
  const parallel = await buildModel(examples, { workers: 2 });
  assert.ok(single.functions.length > 5);
  // Map order is not meaningful (rules do not depend on it; findings are sorted), so compare sorted entries.
  const entries = (m: Map<string, unknown>) => [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const norm = (m: typeof single) => JSON.parse(JSON.stringify({ ...m, identities: entries(m.identities), apis: entries(m.apis) }));
  const a = norm(single);
  const b = norm(parallel);
  a.diagnostics.sort((x: { file: string; message: string }, y: { file: string; message: string }) => (x.file + x.message < y.file + y.message ? -1 : 1));
  b.diagnostics.sort((x: { file: string; message: string }, y: { file: string; message: string }) => (x.file + x.message < y.file + y.message ? -1 : 1));
  assert.deepEqual(b, a);
});

test('partition keeps Terraform together and joins folders linked by serverless includes', () => {
  const groups = partition([
    file('svc-a/serverless.yml', 'resources:\n  - ${file(../shared/resources.yml)}\n'),
    file('shared/resources.yml'),
    file('svc-b/template.yaml'),
    file('envs/prod/main.tf'),
    file('modules/fn/main.tf'),
  ]).map((g) => g.map((f) => f.path).sort());
  assert.deepEqual(groups.sort((x, y) => (x[0]! < y[0]! ? -1 : 1)), [
    ['envs/prod/main.tf', 'modules/fn/main.tf'],
    ['shared/resources.yml', 'svc-a/serverless.yml'],
    ['svc-b/template.yaml'],
  ]);
});
