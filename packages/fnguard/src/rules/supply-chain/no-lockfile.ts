import { defineRule, type Report } from '../define.js';
import { deps, fnsOrUndefined, SUPPLY_CHAIN_COMPLIANCE } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_NO_LOCKFILE',
    title: 'Dependencies declared without a lockfile',
    severity: 'medium',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A package.json, pyproject.toml or Pipfile declares runtime dependencies but no lockfile (package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, poetry.lock, Pipfile.lock) sits beside it or in a workspace root above it: each build resolves whatever versions are newest, so a compromised release ships without review.',
    remediation: 'Commit the lockfile your package manager writes (`npm install`, `yarn`, `pnpm install`, `poetry lock`, `pipenv lock`) and install with the frozen mode (`npm ci`, `--frozen-lockfile`, `poetry install --sync`).',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    const reports: Report[] = [];
    for (const u of deps(ctx).units) {
      const m = u.manifest;
      if (!m || u.lockfiles.length > 0 || u.inheritedLock) continue;
      const runtime = m.dependencies.filter((d) => !d.dev);
      if (runtime.length === 0) continue;
      reports.push({
        message: `${m.file} declares ${runtime.length} dependenc${runtime.length === 1 ? 'y' : 'ies'} but no lockfile pins them`,
        loc: { file: m.file, line: runtime[0]!.line },
        fn: fnsOrUndefined(u.functions),
        key: m.file,
      });
    }
    return reports;
  },
});
