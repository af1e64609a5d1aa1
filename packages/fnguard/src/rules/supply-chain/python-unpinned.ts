import { defineRule, type Report } from '../define.js';
import { deps, fnsOrUndefined, pkgLoc, SUPPLY_CHAIN_COMPLIANCE } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_PYTHON_UNPINNED',
    title: 'Python requirement not pinned with ==',
    severity: 'medium',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A requirements file installs a package without an exact `==` version, so every build may install a different (possibly hijacked) release. Without `--hash` options pip also does not verify what it downloads.',
    remediation: 'Generate the requirements with `pip-compile --generate-hashes` (or `uv pip compile --generate-hashes`) and install with `pip install --require-hashes -r requirements.txt`.',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    const reports: Report[] = [];
    const d = deps(ctx);
    for (const lock of d.lockfiles) {
      if (lock.kind !== 'requirements') continue;
      const hashed = lock.packages.some((p) => p.integrity.length > 0);
      for (const p of lock.packages) {
        if (p.version || p.source !== 'registry') continue;
        reports.push({
          message: `${p.name} is required as "${p.spec || p.name}" without an exact == version${hashed ? '' : ' and without --hash'}`,
          loc: pkgLoc(lock, p),
          fn: fnsOrUndefined(d.functionsOf(lock)),
          key: `${p.file ?? lock.file}:${p.name}`,
        });
      }
    }
    return reports;
  },
});
