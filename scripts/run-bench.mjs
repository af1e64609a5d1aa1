#!/usr/bin/env node
// `npm run bench`: runs every bench/<name>/index.ts (or the ones named on the command line) one
// after another, each in its own process so peak memory figures do not mix.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const wanted = process.argv.slice(2);
const benches = readdirSync('bench', { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join('bench', e.name, 'index.ts')))
  .map((e) => e.name)
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', name, 'index.ts')], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
