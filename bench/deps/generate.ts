/**
 * Synthetic corpus for the dependency bench: a monorepo of function folders, each with its
 * serverless.yml and one lockfile (package-lock v3, yarn classic, pnpm v9, poetry.lock or pinned
 * requirements with hashes), and an OSV all.zip of synthetic advisories over the same names.
 * Deterministic (seeded), so runs compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NAME_POOL = 8000;
const npmName = (i: number) => (i % 7 === 0 ? `@scope${i % 13}/lib-${i}` : `lib-${i}`);
const pyName = (i: number) => `py-lib-${i}`;
const version = (r: () => number) => `${Math.floor(r() * 5)}.${Math.floor(r() * 20)}.${Math.floor(r() * 10)}`;
const sri = (i: number) => `sha512-${Buffer.alloc(64, i % 251).toString('base64')}`;

type Pkg = { name: string; version: string; deps: number[] };

function packages(count: number, r: () => number, name: (i: number) => string): Pkg[] {
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(r() * NAME_POOL));
  const ids = [...picked];
  return ids.map((id, k) => ({
    name: name(id),
    version: version(r),
    // a tree: each package depends on up to 3 later ones
    deps: [1, 2, 3].map((d) => k + d * 7).filter((x) => x < ids.length && r() < 0.6),
  }));
}

function packageLock(pkgs: Pkg[]): string {
  const entries: Record<string, unknown> = { '': { name: 'svc', dependencies: Object.fromEntries(pkgs.slice(0, 20).map((p) => [p.name, p.version])) } };
  pkgs.forEach((p, i) => {
    entries[`node_modules/${p.name}`] = {
      version: p.version,
      resolved: `https://registry.npmjs.org/${p.name}/-/${p.name.split('/').pop()}-${p.version}.tgz`,
      integrity: sri(i),
      license: 'MIT',
      ...(p.deps.length ? { dependencies: Object.fromEntries(p.deps.map((d) => [pkgs[d]!.name, `^${pkgs[d]!.version}`])) } : {}),
      ...(i % 97 === 0 ? { hasInstallScript: true } : {}),
    };
  });
  return JSON.stringify({ name: 'svc', lockfileVersion: 3, requires: true, packages: entries }, null, 2);
}

function yarnLock(pkgs: Pkg[]): string {
  const q = (s: string) => (s.startsWith('@') ? `"${s}"` : s);
  return `# yarn lockfile v1\n\n${pkgs.map((p, i) => `${q(`${p.name}@^${p.version}`)}:\n  version "${p.version}"\n  resolved "https://registry.yarnpkg.com/${p.name}/-/x-${p.version}.tgz"\n  integrity ${sri(i)}\n${p.deps.length ? `  dependencies:\n${p.deps.map((d) => `    ${q(pkgs[d]!.name)} "^${pkgs[d]!.version}"`).join('\n')}\n` : ''}`).join('\n')}`;
}

function pnpmLock(pkgs: Pkg[]): string {
  const q = (s: string) => `'${s}'`;
  return `lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n${pkgs.slice(0, 20).map((p) => `      ${q(p.name)}:\n        specifier: ${p.version}\n        version: ${p.version}`).join('\n')}\n\npackages:\n\n${pkgs.map((p, i) => `  ${q(`${p.name}@${p.version}`)}:\n    resolution: {integrity: ${sri(i)}}\n`).join('\n')}\nsnapshots:\n\n${pkgs.map((p) => `  ${q(`${p.name}@${p.version}`)}:${p.deps.length ? `\n    dependencies:\n${p.deps.map((d) => `      ${q(pkgs[d]!.name)}: ${pkgs[d]!.version}`).join('\n')}` : ' {}'}\n`).join('\n')}`;
}

function poetryLock(pkgs: Pkg[]): string {
  return `${pkgs.map((p, i) => `[[package]]\nname = "${p.name}"\nversion = "${p.version}"\noptional = false\npython-versions = ">=3.8"\nfiles = [\n    {file = "${p.name}-${p.version}.tar.gz", hash = "sha256:${(i % 256).toString(16).padStart(2, '0').repeat(32)}"},\n]\n${p.deps.length ? `\n[package.dependencies]\n${p.deps.map((d) => `${pkgs[d]!.name} = ">=${pkgs[d]!.version}"`).join('\n')}\n` : ''}`).join('\n')}\n[metadata]\nlock-version = "2.0"\n`;
}

function requirements(pkgs: Pkg[]): string {
  return pkgs.map((p, i) => `${p.name}==${p.version} \\\n    --hash=sha256:${(i % 256).toString(16).padStart(2, '0').repeat(32)}`).join('\n') + '\n';
}

export interface Corpus { functions: number; lockfiles: number; packages: number }

export function generateMonorepo(dir: string, functions = 50, totalPackages = 20_000, seed = 1): Corpus {
  const r = rng(seed);
  const per = Math.floor(totalPackages / functions);
  let total = 0;
  for (let i = 0; i < functions; i++) {
    const svc = join(dir, `services/svc-${i}`);
    const kind = i % 5; // 0,1 package-lock; 2 yarn; 3 pnpm; 4 python (poetry / requirements)
    const python = kind === 4;
    mkdirSync(join(svc, 'src'), { recursive: true });
    writeFileSync(join(svc, 'serverless.yml'), `service: svc-${i}\nprovider:\n  name: aws\n  runtime: ${python ? 'python3.12' : 'nodejs20.x'}\nfunctions:\n  fn${i}:\n    handler: src/handler.main\n`);
    writeFileSync(join(svc, 'src', python ? 'handler.py' : 'handler.js'), python ? 'def main(e, c):\n    return 1\n' : 'export const main = async () => 1;\n');
    const pkgs = packages(per, r, python ? pyName : npmName);
    total += pkgs.length;
    if (kind <= 1) {
      writeFileSync(join(svc, 'package-lock.json'), packageLock(pkgs));
      writeFileSync(join(svc, 'package.json'), JSON.stringify({ name: `svc-${i}`, dependencies: Object.fromEntries(pkgs.slice(0, 20).map((p) => [p.name, p.version])) }, null, 2));
    } else if (kind === 2) writeFileSync(join(svc, 'yarn.lock'), yarnLock(pkgs));
    else if (kind === 3) writeFileSync(join(svc, 'pnpm-lock.yaml'), pnpmLock(pkgs));
    else if (i % 2) writeFileSync(join(svc, 'poetry.lock'), poetryLock(pkgs));
    else writeFileSync(join(svc, 'requirements.txt'), requirements(pkgs));
  }
  return { functions, lockfiles: functions, packages: total };
}

/**
 * `count` advisories as an OSV all.zip. The first `inPool` (at most 5,000) concern names the
 * lockfiles use (npm 70 %, PyPI 30 %); the rest concern other packages, as most of a real database
 * does. Record i is the same in every database, so a small one is an exact subset of a big one.
 */
export function generateAdvisoryZip(path: string, count = 50_000, inPool = Math.min(count, 5_000)): number {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    const r = rng(1_000_003 * (i + 1));
    const py = r() < 0.3;
    const id = `GHSA-bnch-${i.toString(36).padStart(4, '0')}-${py ? 'py' : 'js'}`;
    const n = Math.floor(r() * NAME_POOL);
    const name = i < inPool ? (py ? pyName(n) : npmName(n)) : `${py ? 'py-other' : 'other'}-${i}`;
    const intro = `${Math.floor(r() * 3)}.${Math.floor(r() * 10)}.0`;
    const fixed = `${Math.floor(r() * 3) + 2}.${Math.floor(r() * 20)}.${Math.floor(r() * 10)}`;
    const rec = {
      schema_version: '1.6.0',
      id,
      modified: '2026-01-01T00:00:00Z',
      aliases: [`CVE-2026-${10000 + i}`],
      summary: `Synthetic advisory ${i}`,
      severity: [{ type: 'CVSS_V3', score: r() < 0.5 ? 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' : 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N' }],
      affected: [{ package: { ecosystem: py ? 'PyPI' : 'npm', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: intro }, { fixed }] }] }],
      database_specific: { severity: 'HIGH' },
    };
    files[`${id}.json`] = strToU8(JSON.stringify(rec));
  }
  writeFileSync(path, zipSync(files, { level: 1 }));
  return count;
}

// `node --import tsx bench/deps/generate.ts DIR` writes DIR/repo and DIR/{all,small}.zip
// (the bench runs it in a child process so the generator's memory is not in the measured peak).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!) && process.argv[2]) {
  const out = process.argv[2];
  const t = performance.now();
  const c = generateMonorepo(join(out, 'repo'), 50, 20_000);
  const n = generateAdvisoryZip(join(out, 'all.zip'), 50_000);
  generateAdvisoryZip(join(out, 'small.zip'), 5_000);
  process.stdout.write(JSON.stringify({ ...c, advisories: n, ms: performance.now() - t }));
}
