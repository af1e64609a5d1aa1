import { posix } from 'node:path';
import { defineRule, type Report, type RuleContext } from '../define.js';
import { readInsideRoot } from '../../sources/discover.js';
import { deps, fnsOrUndefined, label, pkgLoc, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';
import type { Lockfile } from '../../analyzers/deps/types.js';

const PUBLIC_HOSTS: Record<Lockfile['ecosystem'], string[]> = {
  npm: ['registry.npmjs.org', 'registry.yarnpkg.com'],
  PyPI: ['pypi.org', 'files.pythonhosted.org', 'pypi.python.org'],
};

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Registry hosts configured in `.npmrc` (registry= and @scope:registry=) in a folder. */
function npmrcHosts(ctx: RuleContext, dir: string): string[] {
  const rel = dir === '.' ? '.npmrc' : `${dir}/.npmrc`;
  if (!ctx.model.paths.includes(rel)) return [];
  const r = readInsideRoot(ctx.model.root, rel);
  if (!('file' in r)) return [];
  return r.file.text.split(/\r?\n/).map((l) => /^\s*(?:@[\w.-]+:)?registry\s*=\s*(\S+)/.exec(l)?.[1]).map((u) => (u ? hostOf(u) : undefined)).filter((h): h is string => !!h);
}

export default defineRule({
  meta: {
    id: 'FNG_DEP_UNEXPECTED_REGISTRY',
    title: 'Package resolved from an unexpected registry (dependency confusion)',
    severity: 'high',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A package was resolved from a host that is neither the public registry nor one configured for the project (.npmrc, `--index-url`, the `registries` option), or a requirements file adds `--extra-index-url`, which lets pip take a same-named package from whichever index offers the higher version.',
    remediation: 'Resolve every package through one configured registry (a proxy that serves both internal and public packages), reserve your internal names or scope on the public registry, and replace `--extra-index-url` with a single `--index-url`.',
    compliance: { ...SUPPLY_CHAIN_COMPLIANCE, 'NIST-800-53': ['SR-3', 'SR-11', 'CM-7'] },
    tags: ['dependency-confusion'],
  },
  check(ctx) {
    const reports: Report[] = [];
    const d = deps(ctx);
    const extra = Array.isArray(ctx.options.registries) ? (ctx.options.registries as unknown[]).map((r) => (typeof r === 'string' ? hostOf(r) ?? r.toLowerCase() : undefined)) : [];
    for (const lock of d.lockfiles) {
      const dir = posix.dirname(lock.file);
      const allowed = new Set([
        ...PUBLIC_HOSTS[lock.ecosystem],
        ...extra.filter((h): h is string => !!h),
        ...(lock.ecosystem === 'npm' ? [...npmrcHosts(ctx, dir), ...(dir !== '.' ? npmrcHosts(ctx, '.') : [])] : []),
        ...(lock.indexes ?? []).filter((i) => !i.extra).map((i) => hostOf(i.url)).filter((h): h is string => !!h),
      ]);
      for (const idx of lock.indexes ?? []) {
        if (!idx.extra) continue;
        reports.push({
          message: `${idx.file} adds --extra-index-url ${hostOf(idx.url) ?? idx.url}: pip may install a same-named package from either index`,
          loc: { file: idx.file, line: idx.line },
          fn: fnsOrUndefined(d.functionsOf(lock)),
          key: `extra-index:${idx.url}`,
        });
      }
      for (const p of lock.packages) {
        if (p.source !== 'registry' || !p.resolved) continue;
        const host = hostOf(p.resolved);
        if (!host || allowed.has(host)) continue;
        reports.push({
          message: `${label(p)}${via(p)} was resolved from ${host}, not a configured registry`,
          loc: pkgLoc(lock, p),
          fn: fnsOrUndefined(d.functionsOf(lock)),
          key: `${p.name}:${host}`,
        });
      }
    }
    return reports;
  },
});
