/**
 * Policy-generation benchmark: least-privilege policies (code analysis, IAM mapping, policy,
 * verification by the IAM engine) for a generated serverless service of 50, 100 and 200
 * functions with mixed JS / TS / Python handlers. Reports time per function at each size
 * (linear scaling keeps it flat) and the ratio to building the model (read + parse templates)
 * measured in the same run.
 * Run: node --import tsx bench/iam-policy/index.ts [sizes…]   (default: 50 100 200)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../packages/fnguard/src/scan.js';
import { generateForModel } from '../../packages/fnguard/src/analyzers/iam/generate/index.js';
import { generateService } from './generate.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(50, 100, 200);
const REPEAT = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Row { functions: number; modelMs: number; policyMs: number; policyCpuMs: number; calls: number; verified: number; statements: number }

/** CPU time of this process (user + system), in ms: steadier than wall time on a loaded machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const rows: Row[] = [];
const roots: string[] = [];
try {
  // Warm-up: load the Python grammar, the oxc binding and the IAM dataset files once.
  {
    const root = mkdtempSync(join(tmpdir(), 'fnguard-bench-policy-'));
    roots.push(root);
    generateService(root, 8);
    await generateForModel(await buildModel(root));
  }
  for (const n of sizes) {
    const root = mkdtempSync(join(tmpdir(), 'fnguard-bench-policy-'));
    roots.push(root);
    generateService(root, n);
    const modelTimes: number[] = [];
    const policyTimes: number[] = [];
    const policyCpu: number[] = [];
    let last: Awaited<ReturnType<typeof generateForModel>> = [];
    for (let r = 0; r < REPEAT; r++) {
      const t0 = performance.now();
      const model = await buildModel(root);
      const t1 = performance.now();
      const c1 = cpuMs();
      last = await generateForModel(model);
      const c2 = cpuMs();
      const t2 = performance.now();
      modelTimes.push(t1 - t0);
      policyTimes.push(t2 - t1);
      policyCpu.push(c2 - c1);
    }
    if (last.length !== n) throw new Error(`expected ${n} functions, the model has ${last.length}`);
    rows.push({
      functions: n,
      modelMs: median(modelTimes),
      policyMs: median(policyTimes),
      policyCpuMs: median(policyCpu),
      calls: last.reduce((s, p) => s + p.analysis.calls.length, 0),
      verified: last.filter((p) => p.verification.ok).length,
      statements: last.reduce((s, p) => s + p.policy.Statement.length, 0),
    });
  }
} finally {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
}

console.log('functions  SDK calls  statements  verified  model (parse) ms  policies ms  policies CPU ms  CPU ms/function  policies/model');
for (const r of rows) {
  console.log(
    `${String(r.functions).padStart(9)}  ${String(r.calls).padStart(9)}  ${String(r.statements).padStart(10)}  ${`${r.verified}/${r.functions}`.padStart(8)}  ` +
      `${r.modelMs.toFixed(0).padStart(16)}  ${r.policyMs.toFixed(0).padStart(11)}  ${r.policyCpuMs.toFixed(0).padStart(14)}  ${(r.policyCpuMs / r.functions).toFixed(2).padStart(15)}  ${(r.policyMs / r.modelMs).toFixed(2).padStart(14)}`,
  );
}
const first = rows[0]!;
const lastRow = rows[rows.length - 1]!;
const growth = lastRow.policyCpuMs / lastRow.functions / (first.policyCpuMs / first.functions);
console.log(`scaling: CPU ms/function at ${lastRow.functions} functions / at ${first.functions} = ${growth.toFixed(2)} (1.00 = linear; medians of ${REPEAT} runs)`);
if (rows.some((r) => r.verified !== r.functions)) {
  console.error('some generated policies failed verification');
  process.exit(1);
}
