import { defineRule, type Report } from '../define.js';
import { deps, fnsOrUndefined, label, pkgLoc, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_NON_REGISTRY_SOURCE',
    title: 'Dependency installed from git, a URL or a tarball',
    severity: 'medium',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A package is fetched from a git repository, an arbitrary URL or a tarball instead of the package registry: there is no immutable version, no registry integrity record and no advisory coverage, and whoever controls the URL or branch controls the function code.',
    remediation: 'Publish the package to your registry (or a private one) and depend on an exact version; if a git dependency is unavoidable, pin a full commit hash.',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    const reports: Report[] = [];
    const d = deps(ctx);
    for (const lock of d.lockfiles) {
      for (const p of lock.packages) {
        if (p.source !== 'git' && p.source !== 'url') continue;
        reports.push({
          message: `${label(p)}${via(p)} comes from ${p.source === 'git' ? 'a git repository' : 'a URL'}: ${p.resolved ?? p.spec ?? ''}`.trimEnd(),
          loc: pkgLoc(lock, p),
          fn: fnsOrUndefined(d.functionsOf(lock)),
          key: `${p.name}:${p.resolved ?? p.spec ?? ''}`,
        });
      }
    }
    return reports;
  },
});
