import { defineRule, type Report } from '../define.js';
import { advisoryMatches } from './known-vulnerability.js';
import { deps, fnsOrUndefined, label, pkgLoc, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_MALICIOUS_PACKAGE',
    title: 'Known malicious package in the dependency tree',
    severity: 'critical',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A package resolved for a function matches a malicious-package advisory (OSV `MAL-` records): the code was published to steal credentials, mine or open a backdoor, and runs with the function identity.',
    remediation: 'Remove the package and whatever pulled it in, rotate every credential the function or the build machine could read, rebuild from a clean lockfile and review deployments made with it.',
    compliance: { ...SUPPLY_CHAIN_COMPLIANCE, 'NIST-800-53': ['SR-3', 'SR-11', 'SI-7'] },
    tags: ['malware'],
  },
  async check(ctx) {
    const reports: Report[] = [];
    for (const { lock, pkg, match } of await advisoryMatches(ctx)) {
      if (!match.advisory.malicious) continue;
      reports.push({
        message: `${label(pkg)}${via(pkg)} is a known malicious package (${match.advisory.id}): ${match.advisory.summary}`,
        loc: pkgLoc(lock, pkg),
        fn: fnsOrUndefined(deps(ctx).functionsOf(lock)),
        key: `${pkg.name}@${pkg.version}:${match.advisory.id}`,
      });
    }
    return reports;
  },
});
