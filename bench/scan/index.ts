/**
 * Scan benchmark: a synthetic corpus of ≥ 2,000 templates mixing every format; reports files/s,
 * peak memory, and the ratio (full scan) / (read + parse only), measured in the same run.
 * Every measurement is a fresh process on the built package (a user's CLI run), rounds interleaved,
 * medians reported. Run: npm run bench -- scan   (or: node --import tsx bench/scan/index.ts [projects])
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate.js';

const projects = Number(process.argv[2] ?? 2000);
const rounds = 3;
const root = mkdtempSync(join(tmpdir(), 'fnguard-bench-scan-'));
const phaseScript = fileURLToPath(new URL('./phase.mjs', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));

interface Phase { phase: string; ms: number; files: number; functions: number; findings: number; maxRssMb: number }

function run(phase: 'parse' | 'scan', workers?: number): Phase {
  const r = spawnSync(process.execPath, [phaseScript, phase, root, ...(workers ? [String(workers)] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${phase} phase failed: ${r.stderr.split('\n').slice(0, 5).join(' ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Phase;
}

const median = (xs: Phase[]): Phase => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)]!;

try {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repo, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
  const t0 = performance.now();
  const templates = generateCorpus(root, projects);
  console.log(`corpus: ${projects} projects, ${templates} template files, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const parse: Phase[] = [];
  const single: Phase[] = [];
  const parallel: Phase[] = [];
  for (let i = 0; i < rounds; i++) {
    parse.push(run('parse'));
    single.push(run('scan', 1));
    parallel.push(run('scan'));
  }
  const p = median(parse);
  const s = median(single);
  const m = median(parallel);
  const fmt = (x: Phase) => `${(x.ms / 1000).toFixed(2)} s  ${Math.round((x.files / x.ms) * 1000)} files/s  peak RSS ${x.maxRssMb} MB`;
  console.log(`parse only            : ${fmt(p)}  (${p.files} files)`);
  console.log(`full scan, 1 thread   : ${fmt(s)}  (${s.functions} functions, ${s.findings} findings)`);
  console.log(`full scan, all cores  : ${fmt(m)}`);
  console.log(`ratio full/parse: ${(m.ms / p.ms).toFixed(2)} with all cores, ${(s.ms / p.ms).toFixed(2)} on one thread (target ≤ 2.0); medians of ${rounds} interleaved rounds`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
