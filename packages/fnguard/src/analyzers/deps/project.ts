/**
 * Finds every manifest and lockfile under the scan root, parses them (bad input → one-line
 * diagnostic, scan goes on) and links each function to the dependency unit governing its code:
 * from `fn.codePath` upward (inside the root) to the nearest folder with a manifest or lockfile
 * of the function's ecosystem.
 */
import { posix } from 'node:path';
import type { FunctionNode, Model } from '../../model/types.js';
import { readInsideRoot } from '../../sources/discover.js';
import { parsePackageJson, parsePackageLock } from './npm.js';
import { parsePnpmLock } from './pnpm.js';
import { parsePipfile, parsePipfileLock, parsePoetryLock, parsePyproject, parseRequirements } from './python.js';
import { parseYarnLock } from './yarn.js';
import type { Ecosystem, Lockfile, Manifest } from './types.js';

export const DEFAULT_MAX_LOCKFILE_BYTES = 32 * 1024 * 1024;

type Role =
  | { eco: 'npm'; kind: 'package.json' | 'package-lock' | 'npm-shrinkwrap' | 'yarn' | 'pnpm' }
  | { eco: 'PyPI'; kind: 'pyproject' | 'Pipfile' | 'requirements' | 'poetry' | 'pipfile-lock' };

export function roleOf(path: string): Role | undefined {
  const base = posix.basename(path);
  switch (base) {
    case 'package.json': return { eco: 'npm', kind: 'package.json' };
    case 'package-lock.json': return { eco: 'npm', kind: 'package-lock' };
    case 'npm-shrinkwrap.json': return { eco: 'npm', kind: 'npm-shrinkwrap' };
    case 'yarn.lock': return { eco: 'npm', kind: 'yarn' };
    case 'pnpm-lock.yaml': return { eco: 'npm', kind: 'pnpm' };
    case 'pyproject.toml': return { eco: 'PyPI', kind: 'pyproject' };
    case 'Pipfile': return { eco: 'PyPI', kind: 'Pipfile' };
    case 'poetry.lock': return { eco: 'PyPI', kind: 'poetry' };
    case 'Pipfile.lock': return { eco: 'PyPI', kind: 'pipfile-lock' };
    default:
      return /^requirements([-_.][\w.-]*)?\.txt$/i.test(base) ? { eco: 'PyPI', kind: 'requirements' } : undefined;
  }
}

/** One folder's dependency setup for one ecosystem. */
export interface DepUnit {
  dir: string;
  ecosystem: Ecosystem;
  manifest?: Manifest;
  lockfiles: Lockfile[];
  /** The lockfile sits in an ancestor folder (workspace root). */
  inheritedLock?: boolean;
  functions: FunctionNode[];
}

export interface DepsAnalysis {
  units: DepUnit[];
  lockfiles: Lockfile[];
  /** Functions whose code a lockfile governs (empty for lockfiles no function uses). */
  functionsOf(lockfile: Lockfile): FunctionNode[];
  unitsOf(fn: FunctionNode): DepUnit[];
}

/**
 * Ecosystems a runtime needs: nodejs20.x / node → npm, python3.12 → PyPI; another known runtime
 * (java, dotnet, go, ruby, provided…) → none; not stated → both.
 */
export function ecosystemsOf(fn: FunctionNode): Ecosystem[] {
  const rt = (fn.runtime?.value ?? '').toLowerCase();
  if (/node|javascript|typescript/.test(rt)) return ['npm'];
  if (/python/.test(rt)) return ['PyPI'];
  if (rt) return [];
  return ['npm', 'PyPI'];
}

export function analyzeDeps(model: Model, maxBytes = DEFAULT_MAX_LOCKFILE_BYTES): DepsAnalysis {
  const kept = new Set(model.files.map((f) => f.path));
  const read = (rel: string, from?: { file: string; line: number }): string | undefined => {
    const r = readInsideRoot(model.root, rel, maxBytes);
    if ('file' in r) {
      // kept so `# fnguard-ignore RULE: reason` comments in requirements/yarn/pnpm files are honoured
      if (!kept.has(r.file.path)) {
        kept.add(r.file.path);
        model.files.push({ path: r.file.path, format: 'manifest', text: r.file.text });
      }
      return r.file.text;
    }
    model.diagnostics.push({ level: 'warning', file: from?.file ?? rel, line: from?.line, message: `dependency file ${rel} not read: ${r.refused}` });
    return undefined;
  };
  const tryParse = <T>(rel: string, parse: (text: string) => T): T | undefined => {
    const text = read(rel);
    if (text === undefined) return undefined;
    try {
      return parse(text);
    } catch (err) {
      const e = err as Error & { line?: number };
      model.diagnostics.push({ level: 'warning', file: rel, line: e.line, message: `dependency file skipped: ${e.message.split('\n')[0]}` });
      return undefined;
    }
  };

  // group files per folder and ecosystem
  const byDir = new Map<string, Map<string, string>>();
  for (const p of model.paths) {
    const role = roleOf(p);
    if (!role) continue;
    const dir = posix.dirname(p);
    const m = byDir.get(dir) ?? new Map<string, string>();
    const key = role.kind === 'requirements' ? `requirements:${p}` : role.kind;
    m.set(key, p);
    byDir.set(dir, m);
  }
  const includedReqs = new Set<string>();
  const units = new Map<string, DepUnit>();
  for (const [dir, files] of [...byDir].sort(([a], [b]) => a.localeCompare(b))) {
    const pj = files.get('package.json');
    const manifest = pj ? tryParse(pj, (t) => parsePackageJson(pj, t)) : undefined;
    const npmLocks: Lockfile[] = [];
    const lock = files.get('npm-shrinkwrap') ?? files.get('package-lock');
    if (lock) { const l = tryParse(lock, (t) => parsePackageLock(lock, t, manifest)); if (l) npmLocks.push(l); }
    const yarn = files.get('yarn');
    if (yarn) { const l = tryParse(yarn, (t) => parseYarnLock(yarn, t, manifest)); if (l) npmLocks.push(l); }
    const pnpm = files.get('pnpm');
    if (pnpm) { const l = tryParse(pnpm, (t) => parsePnpmLock(pnpm, t)); if (l) npmLocks.push(l); }
    if (pj || npmLocks.length > 0) units.set(`npm:${dir}`, { dir, ecosystem: 'npm', manifest, lockfiles: npmLocks, functions: [] });

    const pp = files.get('pyproject');
    const pf = files.get('Pipfile');
    const pyManifest = (pp ? tryParse(pp, (t) => parsePyproject(pp, t)) : undefined) ?? (pf ? tryParse(pf, (t) => parsePipfile(pf, t)) : undefined);
    const pyLocks: Lockfile[] = [];
    const poetry = files.get('poetry');
    if (poetry) { const l = tryParse(poetry, (t) => parsePoetryLock(poetry, t, pp ? pyManifest : undefined)); if (l) pyLocks.push(l); }
    const pipLock = files.get('pipfile-lock');
    if (pipLock) {
      const pipManifest = pf ? tryParse(pf, (t) => parsePipfile(pf, t)) : undefined;
      const l = tryParse(pipLock, (t) => parsePipfileLock(pipLock, t, pipManifest));
      if (l) pyLocks.push(l);
    }
    for (const [key, rel] of files) {
      if (!key.startsWith('requirements:')) continue;
      const l = tryParse(rel, (t) => parseRequirements(rel, t, (inc, from, line) => read(inc, { file: from, line })));
      if (!l) continue;
      for (const p of l.packages) if (p.file) includedReqs.add(p.file);
      pyLocks.push(l);
    }
    if (pyManifest || pyLocks.length > 0) units.set(`PyPI:${dir}`, { dir, ecosystem: 'PyPI', manifest: pyManifest, lockfiles: pyLocks, functions: [] });
  }
  // a requirements file pulled in by `-r` is reported through the file that includes it
  for (const u of units.values()) {
    if (u.ecosystem !== 'PyPI') continue;
    const before = u.lockfiles.length;
    u.lockfiles = u.lockfiles.filter((l) => l.kind !== 'requirements' || !includedReqs.has(l.file));
    if (before > 0 && u.lockfiles.length === 0) u.inheritedLock = true;
  }
  // manifests without a lockfile of their own: a workspace-root lockfile above governs them
  for (const u of units.values()) {
    if (u.lockfiles.length > 0 || u.inheritedLock) continue;
    for (let d = u.dir; d !== '.' && d !== ''; ) {
      d = posix.dirname(d);
      const up = units.get(`${u.ecosystem}:${d}`);
      if (up && up.lockfiles.length > 0 && !up.inheritedLock) {
        u.lockfiles = up.lockfiles;
        u.inheritedLock = true;
        break;
      }
    }
  }
  // link functions
  const byLock = new Map<Lockfile, FunctionNode[]>();
  const byFn = new Map<FunctionNode, DepUnit[]>();
  for (const fn of model.functions) {
    if (!fn.codePath) continue;
    const code = fn.codePath.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
    const isFile = model.paths.includes(code);
    const start = isFile ? posix.dirname(code) : code || '.';
    const mine: DepUnit[] = [];
    for (const eco of ecosystemsOf(fn)) {
      for (let d = posix.normalize(start); ; d = posix.dirname(d)) {
        const u = units.get(`${eco}:${d}`);
        if (u) {
          mine.push(u);
          break;
        }
        if (d === '.' || d === '/' || d.startsWith('..')) break;
      }
    }
    byFn.set(fn, mine);
    for (const u of mine) {
      if (!u.functions.includes(fn)) u.functions.push(fn);
      for (const l of u.lockfiles) {
        const list = byLock.get(l) ?? [];
        if (!list.includes(fn)) list.push(fn);
        byLock.set(l, list);
      }
    }
  }
  const lockfiles = [...new Set([...units.values()].flatMap((u) => u.lockfiles))];
  return {
    units: [...units.values()],
    lockfiles,
    functionsOf: (l) => byLock.get(l) ?? [],
    unitsOf: (fn) => byFn.get(fn) ?? [],
  };
}
