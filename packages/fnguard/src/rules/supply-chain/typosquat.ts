import { defineRule, type Report } from '../define.js';
import { TyposquatChecker } from '../../analyzers/deps/typosquat.js';
import { deps, fnsOrUndefined, label, pkgLoc, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';
import type { Ecosystem } from '../../analyzers/deps/types.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_TYPOSQUAT',
    title: 'Package name looks like a typo of a popular package',
    severity: 'high',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A dependency name is one or two edits (insertion, deletion, substitution or swap of adjacent characters) away from a popular package name. Attackers publish such names (`crossenv`, `reqeusts`) with malicious install scripts or code.',
    remediation: 'Check that the package is the one you meant; if not, remove it, install the real package, and rotate credentials that the install or the function could read.',
    compliance: { ...SUPPLY_CHAIN_COMPLIANCE, 'NIST-800-53': ['SR-3', 'SR-11'] },
    tags: ['typosquatting'],
  },
  check(ctx) {
    const reports: Report[] = [];
    const d = deps(ctx);
    const checkers = new Map<Ecosystem, TyposquatChecker>();
    const allow = new Set(Array.isArray(ctx.options.typosquatAllow) ? (ctx.options.typosquatAllow as unknown[]).filter((x): x is string => typeof x === 'string') : []);
    for (const lock of d.lockfiles) {
      let checker = checkers.get(lock.ecosystem);
      if (!checker) checkers.set(lock.ecosystem, (checker = new TyposquatChecker(lock.ecosystem)));
      for (const p of lock.packages) {
        if (allow.has(p.name)) continue;
        const hit = checker.check(p.name);
        if (!hit) continue;
        reports.push({
          message: `${label(p)}${via(p)} is ${hit.distance} edit${hit.distance > 1 ? 's' : ''} away from the popular package "${hit.popular}"`,
          loc: pkgLoc(lock, p),
          fn: fnsOrUndefined(d.functionsOf(lock)),
          key: `${p.name}~${hit.popular}`,
        });
      }
    }
    return reports;
  },
});
