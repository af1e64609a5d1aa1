import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { emptyModel, type FunctionNode } from '../../model/types.js';
import { analyzeDeps } from './project.js';

const root = mkdtempSync(join(tmpdir(), 'fng-deps-'));
after(() => rmSync(root, { recursive: true, force: true }));
const files: Record<string, string | Buffer> = {
  'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { shared: '1.0.0' } }, 'node_modules/shared': { version: '1.0.0', integrity: 'sha512-x' } } }, null, 2),
  'package.json': '{ "name": "mono", "workspaces": ["services/*"], "dependencies": { "shared": "1.0.0" } }',
  'services/api/package.json': '{ "name": "api", "dependencies": { "axios": "^1.6.0" } }',
  'services/api/src/index.js': 'export const h = 1;\n',
  'services/worker/requirements.txt': 'boto3==1.34.0\n',
  'services/worker/app.py': 'x = 1\n',
  'services/broken/package.json': '{ "name": "broken", ',
  'services/binary/yarn.lock': Buffer.from([0x23, 0x00, 0x01, 0x02]),
  'services/broken-pnpm/pnpm-lock.yaml': 'lockfileVersion: "9.0"\npackages: [\n',
  'services/huge/package-lock.json': `{"lockfileVersion":3,"packages":{"":{}}, "pad": "${'x'.repeat(3000)}"}`,
};
for (const [p, c] of Object.entries(files)) {
  mkdirSync(dirname(join(root, p)), { recursive: true });
  writeFileSync(join(root, p), c);
}
const fn = (name: string, codePath: string, runtime?: string): FunctionNode => ({
  id: `serverless.yml#${name}`, name, cloud: 'aws', format: 'serverless', loc: { file: 'serverless.yml', line: 1 },
  codePath, runtime: runtime ? { value: runtime, loc: { file: 'serverless.yml', line: 1 } } : undefined,
  triggers: [], env: [], layers: [], permissions: [],
});

describe('analyzeDeps', () => {
  const model = emptyModel(root);
  model.paths = Object.keys(files).sort();
  const api = fn('api', 'services/api/src/index.js', 'nodejs20.x');
  const worker = fn('worker', 'services/worker', 'python3.12');
  const rootFn = fn('root', 'handler.js');
  const javaFn = fn('java', 'services/api/src/index.js', 'java21');
  model.functions.push(api, worker, rootFn, javaFn);
  const d = analyzeDeps(model, 2048);

  it('links functions to the nearest manifest of their runtime', () => {
    assert.deepEqual(d.unitsOf(api).map((u) => [u.dir, u.ecosystem]), [['services/api', 'npm']]);
    assert.deepEqual(d.unitsOf(worker).map((u) => [u.dir, u.ecosystem]), [['services/worker', 'PyPI']]);
    // unknown runtime: both ecosystems are looked up; only npm exists at the root
    assert.deepEqual(d.unitsOf(rootFn).map((u) => [u.dir, u.ecosystem]), [['.', 'npm']]);
    // another language: a package.json beside its code is tooling, not its dependencies
    assert.deepEqual(d.unitsOf(javaFn), []);
  });
  it('lets a workspace member use the lockfile of the workspace root', () => {
    const u = d.unitsOf(api)[0]!;
    assert.ok(u.inheritedLock);
    assert.deepEqual(u.lockfiles.map((l) => l.file), ['package-lock.json']);
    assert.deepEqual(d.functionsOf(u.lockfiles[0]!).map((f) => f.name).sort(), ['api', 'root']);
  });
  it('turns broken, binary and oversized files into one-line warnings and goes on', () => {
    const w = model.diagnostics.filter((x) => x.level === 'warning');
    const by = (f: string) => w.find((x) => x.file === f || x.message.includes(f));
    assert.match(by('services/broken/package.json')!.message, /not valid JSON/);
    assert.match(by('services/binary/yarn.lock')!.message, /binary/);
    assert.match(by('services/broken-pnpm/pnpm-lock.yaml')!.message, /not valid YAML/);
    assert.match(by('services/huge/package-lock.json')!.message, /over the 2048-byte limit/);
    for (const x of w) assert.ok(!x.message.includes('\n'), x.message);
    assert.ok(d.lockfiles.some((l) => l.file === 'services/worker/requirements.txt'));
  });
});
