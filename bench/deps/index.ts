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

  // three interleaved rounds, median of each figure: the machine may be shared and noisy
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const indexRuns: number[] = [];
  const parseRuns: number[] = [];
  const scanRuns: number[] = [];
  let resolved = 0;
  let linked = 0;
  let findings = 0;
  let vulns = 0;
  for (let round = 0; round < 3; round++) {
    indexRuns.push((await time(() => loadVulnDb(zip)))[1]);
    const [parsed, parseMs] = await time(async () => {
      const m = await buildModel(repo);
      return { m, d: analyzeDeps(m) };
    });
    parseRuns.push(parseMs);
    resolved = parsed.d.lockfiles.reduce((n, l) => n + l.packages.length, 0);
    linked = parsed.m.functions.filter((f) => parsed.d.unitsOf(f).length > 0).length;
    const [res, scanMs] = await time(() => scan(repo, { rules: supplyChainRules, ruleOptions: { vulnDb: zip } }));
    scanRuns.push(scanMs);
    findings = res.findings.length;
    vulns = res.findings.filter((f) => f.ruleId === 'FNG_DEP_KNOWN_VULNERABILITY').length;
  }
  const [indexMs, parseMs, scanMs] = [median(indexRuns), median(parseRuns), median(scanRuns)];
  const index = loadVulnDb(zip);
  const model = { d: analyzeDeps(await buildModel(repo)) };

  // lookup cost against a 10x smaller database, same packages
  const pkgs = model.d.lockfiles.flatMap((l) => l.packages.filter((p) => p.version));
  const lookupAll = (idx: VulnIndex) => { let n = 0; for (const p of pkgs) n += idx.lookup(p.ecosystem, p.name, p.version!).length; return n; };
  const smallIdx = loadVulnDb(small);
  lookupAll(smallIdx);
  lookupAll(index);
  const [hitsSmall, lookupSmallMs] = await time(() => lookupAll(smallIdx));
  const [hitsBig, lookupBigMs] = await time(() => lookupAll(index));

  const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  console.log(`index build (50,000 advisories, ${index.packageCount} packages): ${ms(indexMs)}   [runs ${runs(indexRuns)}]`);
  console.log(`lockfile parse only (model + dependency analysis, ${resolved} packages, ${linked}/${corpus.functions} functions linked): ${ms(parseMs)}   [runs ${runs(parseRuns)}]`);
  console.log(`supply-chain scan (all ${supplyChainRules.length} rules, model + index build included): ${ms(scanMs)}   [runs ${runs(scanRuns)}]; ${findings} findings, ${vulns} known-vulnerability`);
  console.log(`ratio scan / parse: ${(scanMs / parseMs).toFixed(2)}   (scan - index build) / parse: ${((scanMs - indexMs) / parseMs).toFixed(2)}   (medians of 3 interleaved rounds)`);
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
