import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMonorepo, generateAdvisoryZip } from './generate.ts';
import { buildModel } from '../../packages/fnguard/src/scan.ts';
import { runRules } from '../../packages/fnguard/src/findings/engine.ts';
import { analyzeDeps } from '../../packages/fnguard/src/analyzers/deps/project.ts';
import { supplyChainRules } from '../../packages/fnguard/src/rules/supply-chain/index.ts';
const dir = mkdtempSync(join(tmpdir(), 'p-'));
generateMonorepo(join(dir, 'r'), 10, 4000);
generateAdvisoryZip(join(dir, 'a.zip'), 5000);
const m0 = await buildModel(join(dir, 'r')); analyzeDeps(m0);
for (let k = 0; k < 2; k++) {
  const m = await buildModel(join(dir, 'r'));
  let t = performance.now();
  await runRules(m, supplyChainRules.slice(0, 0), { vulnDb: join(dir, 'a.zip') });
  const opts = { vulnDb: join(dir, 'a.zip') };
  for (const r of supplyChainRules) {
    t = performance.now();
    const f = await runRules(m, [r], opts);
    console.log(r.meta.id, (performance.now() - t).toFixed(0), f.length);
  }
}
