/**
 * Scan benchmark: a synthetic corpus of ≥ 2,000 templates mixing every format; reports files/s,
 * peak memory, and the ratio (full scan) / (read + parse only), measured in the same run.
 * Run: npm run bench -- scan   (or: node --import tsx bench/scan/index.ts [projects])
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.js';

const projects = Number(process.argv[2] ?? 2000);
const root = mkdtempSync(join(tmpdir(), 'fnguard-bench-scan-'));
const phaseScript = fileURLToPath(new URL('./phase.ts', import.meta.url));

interface Phase { phase: string; ms: number; files: number; functions: number; findings: number; maxRssMb: number }

function run(phase: 'parse' | 'scan'): Phase {
  const r = spawnSync(process.execPath, ['--import', 'tsx', phaseScript, phase, root, '3'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${phase} phase failed: ${r.stderr.split('\n').slice(0, 5).join(' ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Phase;
}

try {
  const t0 = performance.now();
  const templates = generateCorpus(root, projects);
  console.log(`corpus: ${projects} projects, ${templates} template files, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const parse = run('parse');
  const full = run('scan');
  const fmt = (p: Phase) => `${(p.ms / 1000).toFixed(2)} s  ${Math.round((p.files / p.ms) * 1000)} files/s  peak RSS ${p.maxRssMb} MB`;
  console.log(`parse only : ${fmt(parse)}  (${parse.files} files)`);
  console.log(`full scan  : ${fmt(full)}  (${full.files} files, ${full.functions} functions, ${full.findings} findings)`);
  const ratio = full.ms / parse.ms;
  console.log(`ratio full/parse: ${ratio.toFixed(2)} (target ≤ 2.0)`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
