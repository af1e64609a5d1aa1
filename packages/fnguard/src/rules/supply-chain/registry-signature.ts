import { defineRule, type Report } from '../define.js';
import { NPM_REGISTRY, SignatureCheckError, verifyNpmSignatures } from '../../analyzers/deps/signatures.js';
import { hostOf } from './unexpected-registry.js';
import { deps, fnsOrUndefined, label, pkgLoc, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';
import type { DepPackage, Lockfile } from '../../analyzers/deps/types.js';

type FetchOption = Parameters<typeof verifyNpmSignatures>[1];

export default defineRule({
  meta: {
    id: 'FNG_DEP_REGISTRY_SIGNATURE',
    title: 'npm package without a valid registry signature',
    severity: 'high',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'With `--online`, each npm package resolved from registry.npmjs.org is checked like `npm audit signatures`: the registry ECDSA signature over name, version and integrity must verify with the registry public keys, and the registry integrity must equal the lockfile one. A failure means the tarball was altered or served by something impersonating the registry.',
    remediation: 'Do not deploy: reinstall from the official registry, compare the integrity with a clean lockfile, and investigate the proxy or mirror that served the package.',
    compliance: { ...SUPPLY_CHAIN_COMPLIANCE, 'NIST-800-53': ['SR-4', 'SR-11', 'SI-7'] },
    tags: ['integrity'],
  },
  async check(ctx) {
    if (ctx.options.online !== true) return [];
    const d = deps(ctx);
    const todo: { lock: Lockfile; pkg: DepPackage }[] = [];
    for (const lock of d.lockfiles) {
      if (lock.ecosystem !== 'npm') continue;
      for (const pkg of lock.packages) {
        const host = pkg.resolved ? hostOf(pkg.resolved) : undefined;
        if (pkg.version && pkg.source === 'registry' && (host === undefined || host === 'registry.npmjs.org' || host === 'registry.yarnpkg.com')) todo.push({ lock, pkg });
      }
    }
    if (todo.length === 0) return [];
    let results;
    try {
      const sri = (p: DepPackage) => p.integrity.find((i) => /^sha512-/.test(i));
      results = await verifyNpmSignatures(todo.map(({ pkg }) => ({ name: pkg.name, version: pkg.version!, integrity: sri(pkg) })), ctx.options.registryFetch as FetchOption | undefined, NPM_REGISTRY);
    } catch (err) {
      if (!(err instanceof SignatureCheckError)) throw err;
      ctx.model.diagnostics.push({ level: 'warning', file: '.', message: `npm signatures not verified: ${err.message}` });
      return [];
    }
    const bad = new Map(results.filter((r) => r.status !== 'valid').map((r) => [`${r.name}@${r.version}`, r] as const));
    const reports: Report[] = [];
    for (const { lock, pkg } of todo) {
      const r = bad.get(`${pkg.name}@${pkg.version}`);
      if (!r) continue;
      const what = r.status === 'missing' ? 'has no registry signature' : r.status === 'not-found' ? `is not on the registry (${r.detail})` : r.status === 'integrity-mismatch' ? `does not match the registry: ${r.detail}` : `has an invalid registry signature: ${r.detail}`;
      reports.push({
        message: `${label(pkg)}${via(pkg)} ${what}`,
        loc: pkgLoc(lock, pkg),
        fn: fnsOrUndefined(d.functionsOf(lock)),
        severity: r.status === 'missing' || r.status === 'not-found' ? 'medium' : 'high',
        key: `${pkg.name}@${pkg.version}:${r.status}`,
      });
    }
    return reports;
  },
});
