/** pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x, parsed by the scanner's YAML reader for entry lines. */
import { ParseError } from '../../core/errors.js';
import { parseYaml, type StructuredDoc } from '../../sources/structured.js';
import { sourceOf } from './lines.js';
import { splitDescriptor } from './yarn.js';
import { LockfileError, pkgKey, type DepPackage, type Lockfile } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Canonical `name@version` of a packages/snapshots key, without peer suffixes. */
function parseKey(raw: string, v5: boolean): [string, string] | undefined {
  const k = raw.replace(/^\//, '');
  if (v5) {
    const slash = k.lastIndexOf('/');
    if (slash <= 0) return undefined;
    return [k.slice(0, slash), k.slice(slash + 1).replace(/_.*$/, '')];
  }
  const [name, version] = splitDescriptor(k.replace(/\(.*$/, ''));
  return version ? [name, version] : undefined;
}

/** Resolve a dependency reference (`1.2.3`, `1.2.3(peer@1)`, `/alias/1.0.0`, `link:../x`). */
function refKey(name: string, ref: string, v5: boolean): string | undefined {
  if (/^(link|file|workspace):/.test(ref)) return undefined;
  if (ref.startsWith('/') || (!v5 && /^@?[^@(]+@/.test(ref) && !/^\d/.test(ref))) {
    const p = parseKey(ref, v5);
    return p ? pkgKey(p[0], p[1]) : undefined;
  }
  return pkgKey(name, v5 ? ref.replace(/_.*$/, '') : ref.replace(/\(.*$/, ''));
}

export function parsePnpmLock(file: string, text: string): Lockfile {
  let doc: StructuredDoc;
  try {
    doc = parseYaml(text, file);
  } catch (err) {
    if (err instanceof ParseError) throw new LockfileError(`${file} is not valid YAML: ${err.message}`);
    throw err;
  }
  const root: unknown = doc.value;
  if (!isObj(root)) throw new LockfileError(`${file} is not a pnpm lockfile`);
  const lockVersion = str(root.lockfileVersion) ?? '';
  const v5 = lockVersion.startsWith('5');

  // direct dependencies per importer (or the top level in single-project v5/v6 locks)
  const importers: Obj[] = isObj(root.importers) ? Object.values(root.importers).filter(isObj) : [root];
  const directRefs: [string, string, boolean][] = [];
  for (const imp of importers) {
    for (const section of ['dependencies', 'optionalDependencies', 'devDependencies'] as const) {
      const deps = imp[section];
      if (!isObj(deps)) continue;
      for (const [name, ref] of Object.entries(deps)) {
        const r = isObj(ref) ? str(ref.version) : str(ref);
        if (r) directRefs.push([name, r, section === 'devDependencies']);
      }
    }
  }


  const pkgs = new Map<string, { pkg: DepPackage; deps: [string, string][] }>();
  const packages = isObj(root.packages) ? root.packages : {};
  for (const [rawKey, raw] of Object.entries(packages)) {
    if (!isObj(raw)) continue;
    const parsed = parseKey(rawKey, v5);
    const name = str(raw.name) ?? parsed?.[0];
    const version = str(raw.version) ?? parsed?.[1];
    if (!name) continue;
    const key = pkgKey(name, version);
    const res = isObj(raw.resolution) ? raw.resolution : {};
    const tarball = str(res.tarball);
    const source = res.type === 'git' || str(res.repo) ? 'git' : str(res.directory) ? 'file' : tarball ? sourceOf(tarball) : 'registry';
    const entry = pkgs.get(key) ?? {
      pkg: {
        name,
        version,
        ecosystem: 'npm' as const,
        direct: false,
        dev: raw.dev === true ? true : undefined,
        path: [],
        integrity: str(res.integrity) ? [str(res.integrity)!] : [],
        resolved: tarball ?? (str(res.repo) ? `${str(res.repo)}#${str(res.commit) ?? ''}` : undefined),
        source,
        line: doc.loc(packages, rawKey).line,
        hasInstallScript: raw.requiresBuild === true ? true : undefined,
        deprecated: str(raw.deprecated),
        license: str(raw.license),
        dependsOn: [],
      },
      deps: [],
    };
    for (const section of ['dependencies', 'optionalDependencies'] as const) {
      if (isObj(raw[section])) for (const [n, r] of Object.entries(raw[section] as Obj)) if (str(r)) entry.deps.push([n, str(r)!]);
    }
    pkgs.set(key, entry);
  }
  // v9: dependency edges live in `snapshots`
  if (isObj(root.snapshots)) {
    for (const [rawKey, raw] of Object.entries(root.snapshots)) {
      const parsed = parseKey(rawKey, false);
      const entry = parsed && pkgs.get(pkgKey(parsed[0], parsed[1]));
      if (!entry || !isObj(raw)) continue;
      for (const section of ['dependencies', 'optionalDependencies'] as const) {
        if (isObj(raw[section])) for (const [n, r] of Object.entries(raw[section] as Obj)) if (str(r)) entry.deps.push([n, str(r)!]);
      }
    }
  }
  const queue: string[] = [];
  for (const [name, ref, dev] of directRefs) {
    const k = refKey(name, ref, v5);
    const e = k ? pkgs.get(k) : undefined;
    if (!e || e.pkg.direct) continue;
    e.pkg.direct = true;
    if (dev) e.pkg.dev = true;
    e.pkg.path = [e.pkg.name];
    queue.push(k!);
  }
  for (let i = 0; i < queue.length; i++) {
    const from = pkgs.get(queue[i]!)!;
    const targets = new Set<string>();
    for (const [n, r] of from.deps) {
      const k = refKey(n, r, v5);
      const to = k ? pkgs.get(k) : undefined;
      if (!to || targets.has(k!)) continue;
      targets.add(k!);
      from.pkg.dependsOn.push(k!);
      if (to.pkg.path.length === 0) {
        to.pkg.path = [...from.pkg.path, to.pkg.name];
        queue.push(k!);
      }
    }
  }
  const out = [...pkgs.values()].map((e) => e.pkg);
  for (const p of out) if (p.path.length === 0) p.path = [p.name];
  return { file, kind: 'pnpm', ecosystem: 'npm', packages: out, registries: [] };
}
