import semver from 'semver';
import { defineRule, type Report } from '../define.js';
import { deps, SUPPLY_CHAIN_COMPLIANCE } from './shared.js';
import type { Ecosystem } from '../../analyzers/deps/types.js';

/** An exact version (or a non-registry spec, reported by FNG_DEP_NON_REGISTRY_SOURCE instead). */
export function isExactSpec(eco: Ecosystem, spec: string): boolean {
  const s = spec.trim();
  if (eco === 'npm') {
    if (/^(git\+|git:|github:|gitlab:|bitbucket:|https?:|file:|link:|workspace:|portal:|patch:)/.test(s) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(s)) return true;
    const alias = /^npm:(?:@?[^@]+)@(.+)$/.exec(s);
    return semver.valid(alias ? alias[1]! : s.replace(/^=/, '')) !== null;
  }
  if (/^(git\+|https?:|file:|\.{0,2}\/)/.test(s) || s.startsWith('@')) return true;
  return /^===?\s*[^\s,*;]+$/.test(s) || /^\d+(\.\d+)*([a-z]+\d*)?$/i.test(s);
}

export default defineRule({
  meta: {
    id: 'FNG_DEP_FLOATING_RANGE',
    title: 'Direct dependency of a deployed function uses a version range',
    severity: 'low',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'The manifest governing a deployed function declares a runtime dependency with a range (`^`, `~`, `>=`, `*`, `latest`). Any build that does not use the frozen lockfile picks up new releases, including a hijacked one, without review.',
    remediation: 'Pin direct runtime dependencies to exact versions (`npm config set save-exact true`, `==` in Python) and let a bot (Renovate, Dependabot) propose upgrades as reviewed changes.',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    const reports: Report[] = [];
    for (const u of deps(ctx).units) {
      if (!u.manifest || u.functions.length === 0) continue;
      for (const d of u.manifest.dependencies) {
        if (d.dev || isExactSpec(u.ecosystem, d.spec)) continue;
        reports.push({
          message: `${d.name} is declared as "${d.spec || '*'}" in ${u.manifest.file}, not an exact version`,
          loc: { file: u.manifest.file, line: d.line },
          fn: u.functions,
          key: `${u.manifest.file}:${d.name}`,
        });
      }
    }
    return reports;
  },
});
