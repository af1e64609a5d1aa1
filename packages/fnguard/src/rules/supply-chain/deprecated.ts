import { defineRule, type Report } from '../define.js';
import { deps, fnsOrUndefined, label, pkgLoc, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';
import { defaultNpmCache, deprecationsFromNpmCache } from '../../analyzers/deps/npm-cache.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_DEPRECATED',
    title: 'Deprecated package',
    severity: 'low',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'The maintainers deprecated this package version, as the lockfile (pnpm) or the local npm cache (option `npmCache`: true for ~/.npm/_cacache, or a cacache folder) records: it no longer receives fixes, and deprecated names are sometimes taken over.',
    remediation: 'Move to the replacement the deprecation message names, or to a maintained alternative.',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    const reports: Report[] = [];
    const d = deps(ctx);
    const opt = ctx.options.npmCache;
    const cache = typeof opt === 'string' ? opt : opt === true ? defaultNpmCache() : undefined;
    const fromCache = cache
      ? deprecationsFromNpmCache(cache, d.lockfiles.filter((l) => l.ecosystem === 'npm').flatMap((l) => l.packages.filter((p) => p.version && p.source === 'registry').map((p) => ({ name: p.name, version: p.version! }))))
      : new Map<string, string>();
    for (const lock of d.lockfiles) {
      for (const p of lock.packages) {
        const why = p.deprecated ?? (lock.ecosystem === 'npm' ? fromCache.get(`${p.name}@${p.version}`) : undefined);
        if (!why) continue;
        reports.push({
          message: `${label(p)}${via(p)} is deprecated: ${why.slice(0, 160)}`,
          loc: pkgLoc(lock, p),
          fn: fnsOrUndefined(d.functionsOf(lock)),
          key: `${p.name}@${p.version ?? ''}`,
        });
      }
    }
    return reports;
  },
});
