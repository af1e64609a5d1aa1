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

interface NpmrcConfig { hosts: string[]; scopes: Map<string, string> }

/** Registries configured in a folder's `.npmrc`: `registry=` hosts and `@scope:registry=` per scope. */
function npmrc(ctx: RuleContext, dir: string): NpmrcConfig {
  const out: NpmrcConfig = { hosts: [], scopes: new Map() };
  const rel = dir === '.' ? '.npmrc' : `${dir}/.npmrc`;
  if (!ctx.model.paths.includes(rel)) return out;
  const r = readInsideRoot(ctx.model.root, rel);
  if (!('file' in r)) return out;
  for (const l of r.file.text.split(/\r?\n/)) {
    const m = /^\s*(?:(@[\w.-]+):)?registry\s*=\s*(\S+)/.exec(l);
    const host = m ? hostOf(m[2]!) : undefined;
    if (!m || !host) continue;
    out.hosts.push(host);
    if (m[1]) out.scopes.set(m[1].toLowerCase(), host);
  }
  return out;
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
      // the lockfile's folder wins over the root for a scope configured in both
      const rcs = lock.ecosystem === 'npm' ? [npmrc(ctx, dir), ...(dir !== '.' ? [npmrc(ctx, '.')] : [])] : [];
      const rc: NpmrcConfig = { hosts: rcs.flatMap((c) => c.hosts), scopes: new Map([...rcs].reverse().flatMap((c) => [...c.scopes])) };
      const allowed = new Set([
        ...PUBLIC_HOSTS[lock.ecosystem],
        ...extra.filter((h): h is string => !!h),
        ...rc.hosts,
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
        if (!host) continue;
        // a scope mapped to a private registry must come from it: the same name on the public
        // registry is exactly what a dependency-confusion attacker publishes
        const scopeHost = p.name.startsWith('@') ? rc.scopes.get(p.name.split('/')[0]!.toLowerCase()) : undefined;
        if (scopeHost && host !== scopeHost) {
          reports.push({
            message: `${label(p)}${via(p)} was resolved from ${host}, but .npmrc maps ${p.name.split('/')[0]} to ${scopeHost}`,
            loc: pkgLoc(lock, p),
            fn: fnsOrUndefined(d.functionsOf(lock)),
            key: `${p.name}:${host}`,
          });
          continue;
        }
        if (allowed.has(host)) continue;
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
