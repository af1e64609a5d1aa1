import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

test('no installed package has a GPL-family-only licence (fnguard ships under Apache-2.0)', () => {
  const r = spawnSync(process.execPath, ['scripts/check-licenses.mjs', '--json'], { cwd: repo, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { checked: number; bad: { name: string; license: string }[] };
  assert.ok(out.checked > 50, 'the licence check found suspiciously few packages');
  assert.deepEqual(out.bad, []);
  assert.equal(r.status, 0);
});
