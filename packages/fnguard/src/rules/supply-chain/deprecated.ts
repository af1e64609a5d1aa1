import { defineRule, type Report } from '../define.js';
import { deps, fnsOrUndefined, label, pkgLoc, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_DEPRECATED',
    title: 'Deprecated package',
    severity: 'low',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'The lockfile records that the maintainers deprecated this package version: it no longer receives fixes, and deprecated names are sometimes taken over.',
    remediation: 'Move to the replacement the deprecation message names, or to a maintained alternative.',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    const reports: Report[] = [];
    const d = deps(ctx);
    for (const lock of d.lockfiles) {
      for (const p of lock.packages) {
        if (!p.deprecated) continue;
        reports.push({
          message: `${label(p)}${via(p)} is deprecated: ${p.deprecated.slice(0, 160)}`,
          loc: pkgLoc(lock, p),
          fn: fnsOrUndefined(d.functionsOf(lock)),
          key: `${p.name}@${p.version ?? ''}`,
        });
      }
    }
    return reports;
  },
});
