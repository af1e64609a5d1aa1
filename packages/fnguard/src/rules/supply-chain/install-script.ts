import { defineRule } from '../define.js';
import { label, perPackage, SUPPLY_CHAIN_COMPLIANCE, via } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_DEP_INSTALL_SCRIPT',
    title: 'Dependency runs an install script',
    severity: 'medium',
    category: 'supply-chain',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A package declares a `preinstall`, `install` or `postinstall` script (npm `hasInstallScript`, pnpm `requiresBuild`). It runs arbitrary code on every developer machine and CI runner that installs the function, with their credentials — the usual way malicious packages act.',
    remediation: 'Install with `--ignore-scripts` (or pnpm `onlyBuiltDependencies` / npm install-scripts approval) and allow scripts only for the packages that need them after review.',
    compliance: SUPPLY_CHAIN_COMPLIANCE,
  },
  check(ctx) {
    return perPackage(ctx, (p) =>
      p.hasInstallScript ? { message: `${label(p)}${via(p)} runs an install script`, key: `${p.name}@${p.version ?? ''}` } : undefined,
    );
  },
});
