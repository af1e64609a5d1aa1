import { defineRule } from '../define.js';
import { label, perPackage, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';

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
    return perPackage(ctx, (p) =>
      p.source === 'git' || p.source === 'url'
        ? {
            message: `${label(p)}${via(p)} comes from ${p.source === 'git' ? 'a git repository' : 'a URL'}: ${p.resolved ?? p.spec ?? ''}`.trimEnd(),
            key: `${p.name}:${p.resolved ?? p.spec ?? ''}`,
          }
        : undefined,
    );
  },
});
