/** yarn.lock, classic (v1) and berry (v2+), through @yarnpkg/parsers' parseSyml. */
import { parseSyml } from '@yarnpkg/parsers';
import { sourceOf } from './lines.js';
import { LockfileError, pkgKey, type DepPackage, type Lockfile, type Manifest } from './types.js';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `@scope/name@range` → [name, range]. */
export function splitDescriptor(d: string): [string, string] {
  const at = d.indexOf('@', d.startsWith('@') ? 1 : 0);
  return at === -1 ? [d, ''] : [d.slice(0, at), d.slice(at + 1)];
}

const descriptorsOf = (key: string): string[] =>
  key.split(/,\s*/).map((s) => s.trim().replace(/^"|"$/g, '')).filter(Boolean);

/** Line of every top-level entry, by each of its descriptors. */
function entryLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l || l[0] === ' ' || l[0] === '#' || !l.trimEnd().endsWith(':')) continue;
    for (const d of descriptorsOf(l.trimEnd().slice(0, -1))) out.set(d, i + 1);
  }
  return out;
}

export function parseYarnLock(file: string, text: string, manifest?: Manifest): Lockfile {
  let data: Obj;
  try {
    data = parseSyml(text) as Obj;
  } catch (err) {
    throw new LockfileError(`${file} is not a readable yarn.lock: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null) throw new LockfileError(`${file} is not a readable yarn.lock`);
  const berry = '__metadata' in data;
  const lines = entryLines(text);
  interface Entry { pkg: DepPackage; deps: Record<string, string>; workspace: boolean }
  const byDescriptor = new Map<string, Entry>();
  const all: Entry[] = [];
  const seen = new Map<string, Entry>();
  for (const [key, raw] of Object.entries(data)) {
    if (key === '__metadata' || typeof raw !== 'object' || raw === null) continue;
    const v = raw as Obj;
    const descs = descriptorsOf(key);
    if (descs.length === 0) continue;
    const knownLine = lines.get(descs[0]!);
    const line = knownLine ?? 1;
    // classic repeats one entry per descriptor; the entry line identifies it (else its content)
    const ident = knownLine !== undefined ? `L${knownLine}` : `K${descs[0]}:${String(v.version)}:${String(v.resolved ?? v.resolution ?? '')}`;
    let entry = seen.get(ident);
    if (!entry) {
      const [name] = splitDescriptor(descs[0]!);
      const resolution = str(v.resolution);
      const resolvedSpec = berry ? (resolution ? splitDescriptor(resolution)[1] : undefined) : str(v.resolved);
      const workspace = berry && !!resolvedSpec && resolvedSpec.startsWith('workspace:');
      const spec = resolvedSpec?.replace(/^npm:/, '');
      const checksum = str(v.checksum);
      const integrity = berry
        ? checksum ? [`sha512:${checksum.replace(/^[0-9a-z]+\//, '')}`] : []
        : str(v.integrity)?.split(/\s+/) ?? [];
      const version = str(v.version) ?? (typeof v.version === 'number' ? String(v.version) : undefined);
      entry = {
        workspace,
        deps: { ...(v.optionalDependencies as Record<string, string> | undefined), ...(v.dependencies as Record<string, string> | undefined) },
        pkg: {
          name,
          version: version === '0.0.0-use.local' ? undefined : version,
          ecosystem: 'npm',
          direct: false,
          path: [],
          integrity,
          resolved: berry ? resolution : str(v.resolved),
          source: berry ? (spec && /^\d/.test(spec) ? 'registry' : sourceOf(spec)) : sourceOf(str(v.resolved)),
          line,
          dependsOn: [],
        },
      };
      seen.set(ident, entry);
      all.push(entry);
    }
    for (const d of descs) byDescriptor.set(d, entry);
  }
  const find = (name: string, range: string): Entry | undefined =>
    byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);

  // roots: berry workspaces, else the package.json next to the lockfile, else unrequired entries
  let rootDeps: [string, string][];
  const workspaces = all.filter((e) => e.workspace);
  if (workspaces.length > 0) rootDeps = workspaces.flatMap((w) => Object.entries(w.deps));
  else if (manifest) rootDeps = manifest.dependencies.map((d) => [d.name, d.spec]);
  else {
    const required = new Set<Entry>();
    for (const e of all) for (const [n, r] of Object.entries(e.deps)) { const t = find(n, r); if (t) required.add(t); }
    rootDeps = all.filter((e) => !required.has(e)).map((e) => [e.pkg.name, '']);
  }
  const queue: Entry[] = [];
  for (const [n, r] of rootDeps) {
    const e = find(n, r) ?? all.find((x) => !x.workspace && x.pkg.name === n && r === '');
    if (e && !e.workspace && !e.pkg.direct) {
      e.pkg.direct = true;
      e.pkg.path = [n];
      queue.push(e);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const e = queue[i]!;
    for (const [n, r] of Object.entries(e.deps)) {
      const t = find(n, r);
      if (!t || t.workspace) continue;
      e.pkg.dependsOn.push(pkgKey(t.pkg.name, t.pkg.version));
      if (t.pkg.path.length === 0) {
        t.pkg.path = [...e.pkg.path, t.pkg.name];
        queue.push(t);
      }
    }
  }
  const packages = all.filter((e) => !e.workspace).map((e) => e.pkg);
  for (const p of packages) if (p.path.length === 0) p.path = [p.name];
  return { file, kind: berry ? 'yarn-berry' : 'yarn-classic', ecosystem: 'npm', packages, registries: [] };
}
