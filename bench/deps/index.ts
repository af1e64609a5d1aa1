/**
 * Bench: dependency analysis on a synthetic monorepo (50 functions, 50 lockfiles, 20,000 resolved
 * packages) against an OSV all.zip of 50,000 synthetic advisories.
 *   node --import tsx bench/deps/index.ts
 * Prints, from one run: advisory index build time, lockfile-parse-only time (same-run baseline:
 * model + dependency analysis), full supply-chain scan time, the ratio scan/parse, lookup time
 * against 5,000 vs 50,000 advisories (the 45,000 extra concern other packages: lookups must not grow
 * with the database size), and peak RSS. Absolute times depend on machine load; ratios are same-run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildModel, scan } from '../../packages/fnguard/src/scan.js';
import { analyzeDeps } from '../../packages/fnguard/src/analyzers/deps/project.js';
import { loadVulnDb, type VulnIndex } from '../../packages/fnguard/src/analyzers/deps/osv.js';
import { supplyChainRules } from '../../packages/fnguard/src/rules/supply-chain/index.js';

const ms = (t: number) => `${t.toFixed(0)} ms`;
const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
};

const dir = mkdtempSync(join(tmpdir(), 'fng-bench-deps-'));
try {
  const repo = join(dir, 'repo');
  const zip = join(dir, 'all.zip');
  const small = join(dir, 'small.zip');
  const gen = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./generate.ts', import.meta.url)), dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (gen.status !== 0) throw new Error(`generator failed: ${gen.stderr.split('\n')[0]}`);
  const corpus = JSON.parse(gen.stdout) as { functions: number; lockfiles: number; packages: number; advisories: number; ms: number };
  const advisories = corpus.advisories;
  console.log(`corpus: ${corpus.functions} functions, ${corpus.lockfiles} lockfiles, ${corpus.packages} packages; ${advisories} advisories, all.zip ${(statSync(zip).size / 1e6).toFixed(1)} MB (generated in a child process in ${ms(corpus.ms)})`);

  // warm-up: module loading and JIT are not what is measured
  await scan(join(repo, 'services/svc-0'), { rules: supplyChainRules, ruleOptions: { vulnDb: small } });

  const [index, indexMs] = await time(() => loadVulnDb(zip));
  const [model, parseMs] = await time(async () => {
    const m = await buildModel(repo);
    const d = analyzeDeps(m);
    return { m, d };
  });
  const resolved = model.d.lockfiles.reduce((n, l) => n + l.packages.length, 0);
  const linked = model.m.functions.filter((f) => model.d.unitsOf(f).length > 0).length;
  const [res, scanMs] = await time(() => scan(repo, { rules: supplyChainRules, ruleOptions: { vulnDb: zip } }));
  const vulns = res.findings.filter((f) => f.ruleId === 'FNG_DEP_KNOWN_VULNERABILITY').length;

  // lookup cost against a 10x smaller database, same packages
  const pkgs = model.d.lockfiles.flatMap((l) => l.packages.filter((p) => p.version));
  const lookupAll = (idx: VulnIndex) => { let n = 0; for (const p of pkgs) n += idx.lookup(p.ecosystem, p.name, p.version!).length; return n; };
  const smallIdx = loadVulnDb(small);
  lookupAll(smallIdx);
  lookupAll(index);
  const [hitsSmall, lookupSmallMs] = await time(() => lookupAll(smallIdx));
  const [hitsBig, lookupBigMs] = await time(() => lookupAll(index));

  console.log(`index build (50,000 advisories, ${index.packageCount} packages): ${ms(indexMs)}`);
  console.log(`lockfile parse only (model + dependency analysis, ${resolved} packages, ${linked}/${model.m.functions.length} functions linked): ${ms(parseMs)}`);
  console.log(`supply-chain scan (all ${supplyChainRules.length} rules, index build included): ${ms(scanMs)}; ${res.findings.length} findings, ${vulns} known-vulnerability`);
  console.log(`ratio scan / parse: ${(scanMs / parseMs).toFixed(2)}   (scan - index build) / parse: ${((scanMs - indexMs) / parseMs).toFixed(2)}`);
  console.log(`lookups of ${pkgs.length} packages: ${ms(lookupSmallMs)} vs 5,000 advisories, ${ms(lookupBigMs)} vs 50,000 (same ${hitsBig} hits; the extra 45,000 concern other packages) — ratio ${(lookupBigMs / Math.max(lookupSmallMs, 0.001)).toFixed(2)} for 10x the advisories (linear would be ~10)`);
  if (hitsSmall !== hitsBig) console.error(`lookup mismatch: ${hitsSmall} vs ${hitsBig}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (resolved < 20_000 || advisories < 50_000 || linked !== corpus.functions) {
    console.error(`bench corpus incomplete: ${resolved} packages, ${advisories} advisories, ${linked} functions linked`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
