/**
 * Bench: `fnguard iam audit` on generated account exports (bench/iam/generate.ts).
 *   node --import tsx bench/iam/index.ts
 * Each size runs in its own process (peak memory is per process). Prints, per size: parse-only
 * time (the same-run baseline), audit time, roles/s, peak RSS, and the audit/parse ratio; then
 * how time grows from 500 to 2,000 roles (linear scaling means ×4 time for ×4 roles).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExport } from './generate.js';

interface Result {
  roles: number;
  policies: number;
  bytes: number;
  parseMs: number;
  auditMs: number;
  parseCpuMs: number;
  auditCpuMs: number;
  findings: number;
  peakRssMb: number;
}

async function child(file: string): Promise<Result> {
  const { readFileSync } = await import('node:fs');
  const { loadAccountExport } = await import('../../packages/fnguard/src/sources/aws-account/index.js');
  const { auditAccountExport } = await import('../../packages/fnguard/src/cli/commands/iam-audit.js');
  const { expandActionPattern } = await import('../../packages/fnguard/src/analyzers/iam/actions.js');
  expandActionPattern('*'); // load the dataset first: a fixed cost, not per role
  const text = readFileSync(file, 'utf8');
  const cpu = (since: NodeJS.CpuUsage): number => {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1000;
  };
  let t = performance.now();
  let c = process.cpuUsage();
  const { stats } = loadAccountExport(text, file);
  const parseMs = performance.now() - t;
  const parseCpuMs = cpu(c);
  t = performance.now();
  c = process.cpuUsage();
  const res = await auditAccountExport(file); // reads and parses again, then runs every IAM rule
  const auditMs = performance.now() - t;
  const auditCpuMs = cpu(c);
  return { roles: stats.roles, policies: stats.policies, bytes: text.length, parseMs, auditMs, parseCpuMs, auditCpuMs, findings: res.findings.length, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

const SIZES = [500, 1000, 2000];

if (process.argv[2] === '--child') {
  const r = await child(process.argv[3]!);
  process.stdout.write(JSON.stringify(r));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-iam-bench-'));
  const results: Result[] = [];
  for (const roles of SIZES) {
    const file = join(dir, `export-${roles}.json`);
    writeFileSync(file, generateExport(roles));
    const p = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (p.status !== 0) {
      process.stderr.write(p.stderr);
      process.exit(1);
    }
    results.push(JSON.parse(p.stdout) as Result);
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs: wall times include waiting for the CPU, CPU times do not`);
  console.log('roles  policies  export MB  parse ms (cpu)  audit ms (cpu)  audit/parse cpu  roles/s wall (cpu)  findings  peak RSS MB');
  for (const r of results) {
    console.log(
      [
        String(r.roles).padStart(5),
        String(r.policies).padStart(9),
        (r.bytes / 1e6).toFixed(1).padStart(10),
        `${r.parseMs.toFixed(0)} (${r.parseCpuMs.toFixed(0)})`.padStart(15),
        `${r.auditMs.toFixed(0)} (${r.auditCpuMs.toFixed(0)})`.padStart(15),
        (r.auditCpuMs / r.parseCpuMs).toFixed(1).padStart(16),
        `${((r.roles / r.auditMs) * 1000).toFixed(0)} (${((r.roles / r.auditCpuMs) * 1000).toFixed(0)})`.padStart(19),
        String(r.findings).padStart(9),
        r.peakRssMb.toFixed(0).padStart(12),
      ].join(' '),
    );
  }
  const [a, b, c] = results;
  const ratio = (x: Result, y: Result, k: 'auditMs' | 'auditCpuMs') => (y[k] / x[k]).toFixed(2);
  console.log(`scaling (linear = ×2 per doubling): 500→1000 roles audit cpu ×${ratio(a!, b!, 'auditCpuMs')}, 1000→2000 ×${ratio(b!, c!, 'auditCpuMs')}; wall ×${ratio(a!, b!, 'auditMs')}, ×${ratio(b!, c!, 'auditMs')}`);
}
