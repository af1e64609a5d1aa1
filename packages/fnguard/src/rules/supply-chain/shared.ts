/** Helpers shared by supply-chain rules: the memoised dependency analysis and report shapes. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FunctionNode, Location } from '../../model/types.js';
import type { Report, RuleContext, RuleMeta } from '../define.js';
import { analyzeDeps, type DepsAnalysis } from '../../analyzers/deps/project.js';
import { loadVulnDb, type VulnIndex } from '../../analyzers/deps/osv.js';
import { queryOsvOnline } from '../../analyzers/deps/online.js';
import type { DepPackage, Lockfile } from '../../analyzers/deps/types.js';

export function deps(ctx: RuleContext): DepsAnalysis {
  return ctx.memo('deps:analysis', () => {
    const max = typeof ctx.options.maxLockfileBytes === 'number' ? ctx.options.maxLockfileBytes : undefined;
    return analyzeDeps(ctx.model, max);
  });
}

export const pkgLoc = (l: Lockfile, p: DepPackage): Location => ({ file: p.file ?? l.file, line: p.line });
export const fnsOrUndefined = (fns: FunctionNode[]): FunctionNode[] | undefined => (fns.length > 0 ? fns : undefined);
export const label = (p: DepPackage): string => (p.version ? `${p.name}@${p.version}` : p.name);
/** ` (via a → b → c)` for transitive packages, `` for direct ones. */
/**
 * The loop of the per-package rules: one report for each locked package that `problem` objects
 * to, located at the package's lockfile line and attributed to the functions the lockfile governs.
 */
export function perPackage(
  ctx: RuleContext,
  problem: (p: DepPackage, lock: Lockfile) => { message: string; key: string } | undefined,
  lockfiles: (lock: Lockfile) => boolean = () => true,
): Report[] {
  const d = deps(ctx);
  const reports: Report[] = [];
  for (const lock of d.lockfiles) {
    if (!lockfiles(lock)) continue;
    for (const p of lock.packages) {
      const found = problem(p, lock);
      if (found) reports.push({ ...found, loc: pkgLoc(lock, p), fn: fnsOrUndefined(d.functionsOf(lock)) });
    }
  }
  return reports;
}

export const via = (p: DepPackage): string => (p.path.length > 1 ? ` (via ${p.path.join(' → ')})` : ' (direct)');

/** Default cache folder of `fnguard db update`. */
export function defaultDbDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'fnguard', 'osv');
}

/**
 * The advisory index for this scan: `--online` queries OSV's batch API for exactly the packages
 * found; else `--vuln-db PATH`; else the `fnguard db update` cache when present; else none.
 */
export function vulnIndex(ctx: RuleContext): Promise<VulnIndex | undefined> {
  return ctx.memo('deps:osv', async () => {
    const model = ctx.model;
    if (ctx.options.online === true) {
      const pkgs = deps(ctx).lockfiles.flatMap((l) => l.packages.filter((p) => p.version).map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version! })));
      try {
        return await queryOsvOnline(pkgs);
      } catch (err) {
        model.diagnostics.push({ level: 'warning', file: '.', message: `OSV online query failed: ${(err as Error).message.split('\n')[0]}` });
        return undefined;
      }
    }
    const path = typeof ctx.options.vulnDb === 'string' ? ctx.options.vulnDb : existsSync(defaultDbDir()) ? defaultDbDir() : undefined;
    if (!path) {
      if (deps(ctx).lockfiles.length > 0) model.diagnostics.push({ level: 'info', file: '.', message: 'no vulnerability database: run `fnguard db update`, pass --vuln-db PATH or --online' });
      return undefined;
    }
    try {
      const idx = loadVulnDb(path);
      if (idx.skipped > 0) model.diagnostics.push({ level: 'warning', file: '.', message: `vulnerability database ${path}: ${idx.skipped} unreadable record(s) skipped` });
      return idx;
    } catch (err) {
      model.diagnostics.push({ level: 'warning', file: '.', message: `vulnerability database ${path} not read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return undefined;
    }
  });
}

/** Compliance references shared by the supply-chain rules. */
export const SUPPLY_CHAIN_COMPLIANCE: RuleMeta['compliance'] = {
  'PCI-DSS-4.0': ['6.3.2', '6.3.3'],
  'OWASP-SLS-2017': ['A9'],
  'NIST-800-53': ['SR-3', 'SA-12', 'SI-2'],
};
