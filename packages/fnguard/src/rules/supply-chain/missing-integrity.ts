import { defineRule } from '../define.js';
import { label, perPackage, SUPPLY_CHAIN_COMPLIANCE } from './shared.js';

/** sha1 only (npm `sha1-…`, pip `sha1:…`) is collision-prone; sha256/384/512 are fine. */
export function integrityProblem(integrity: string[]): 'missing' | 'sha1' | undefined {
  if (integrity.length === 0) return 'missing';
  return integrity.every((i) => /^(sha1|md5)[-:]/i.test(i)) ? 'sha1' : undefined;
}

export default defineRule({
  meta: {
    id: 'FNG_DEP_MISSING_INTEGRITY',
    title: 'Lockfile entry without an integrity hash, or SHA-1 only',
    severity: 'medium',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A registry package in the lockfile has no integrity hash (npm `integrity`, yarn `checksum`, pnpm `resolution.integrity`, poetry/Pipfile hashes), or only a SHA-1 one. The package manager then installs whatever the registry or a proxy serves.',
    remediation: 'Regenerate the lockfile with a current package manager (npm ≥ 7 records sha512), check that no tool strips the integrity fields, and install in frozen mode.',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    return perPackage(
      ctx,
      (p, lock) => {
        if (p.source !== 'registry') return undefined;
        const problem = integrityProblem(p.integrity);
        if (!problem) return undefined;
        return {
          message: problem === 'missing' ? `${label(p)} has no integrity hash in ${lock.file}` : `${label(p)} is verified with SHA-1 only`,
          key: `${p.name}@${p.version ?? ''}:${problem}`,
        };
      },
      // requirements files without --hash are covered by FNG_DEP_PYTHON_UNPINNED / hash mode
      (lock) => lock.kind !== 'requirements',
    );
  },
});
