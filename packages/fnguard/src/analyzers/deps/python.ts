/**
 * Python dependency files: requirements*.txt (pins, `--hash`, `-r` includes, pip-compile `# via`
 * comments), poetry.lock, Pipfile.lock, and the manifests that name direct dependencies
 * (pyproject.toml, Pipfile).
 */
import { parse as parseToml } from 'smol-toml';
import { getNodeValue, findNodeAtLocation } from 'jsonc-parser';
import { posix } from 'node:path';
import { parseJsonTree } from './npm.js';
import { LineIndex } from './lines.js';
import { LockfileError, normalizePyName, pkgKey, type DepPackage, type DirectDependency, type Lockfile, type Manifest } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads another file under the scan root (for `-r` includes); undefined when refused. */
export type IncludeReader = (rel: string, fromFile: string, line: number) => string | undefined;

const EXACT_PIN = /^\s*===?\s*([^\s,;*]+)\s*$/;

function pyPackage(name: string, line: number, init: Partial<DepPackage> = {}): DepPackage {
  return { name, ecosystem: 'PyPI', direct: true, path: [name], integrity: [], source: 'registry', line, dependsOn: [], ...init };
}

/** Split `name[extras] spec ; markers` / `name @ url` / a bare URL. */
function parseRequirement(req: string): { name?: string; spec: string; url?: string } {
  const noMarker = req.split(/\s*;\s*/)[0]!.trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(noMarker);
  if (m && !/^[a-z+]+:\/\//i.test(noMarker) && !noMarker.startsWith('.')) {
    const rest = m[3]!.trim();
    if (rest.startsWith('@')) return { name: m[1], spec: rest, url: rest.slice(1).trim() };
    return { name: m[1], spec: rest };
  }
  // bare URL or path: the name, when given, is in #egg=
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(noMarker);
  return { name: egg?.[1], spec: noMarker, url: noMarker };
}

function urlSource(url: string): DepPackage['source'] {
  if (/^git\+|\.git(@|#|$)/.test(url)) return 'git';
  if (/^(file:|\.{0,2}\/)/.test(url)) return 'file';
  return 'url';
}

export function parseRequirements(file: string, text: string, readInclude?: IncludeReader, seen = new Set<string>()): Lockfile {
  seen.add(file);
  const lock: Lockfile = { file, kind: 'requirements', ecosystem: 'PyPI', packages: [], registries: [] };
  const raw = text.split(/\r?\n/);
  const via = new Map<DepPackage, string[]>();
  let last: DepPackage | undefined;
  let collectingVia = false;
  for (let i = 0; i < raw.length; i++) {
    const startLine = i + 1;
    let logical = raw[i]!;
    const viaM = /^\s+#\s*via\b\s*(.*)$/.exec(logical);
    if (viaM && last) {
      const vs = via.get(last) ?? [];
      if (viaM[1]) vs.push(viaM[1].trim());
      via.set(last, vs);
      collectingVia = true;
      continue;
    }
    const contVia = /^\s+#\s+(\S.*)$/.exec(logical);
    if (collectingVia && contVia && last) {
      via.get(last)!.push(contVia[1]!.trim());
      continue;
    }
    collectingVia = false;
    while (/\\\s*$/.test(logical) && i + 1 < raw.length) logical = logical.replace(/\\\s*$/, ' ') + raw[++i]!;
    const line = logical.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const opt = /^(-r|--requirement|-c|--constraint|-i|--index-url|--extra-index-url|-e|--editable|-f|--find-links)(?:\s+|=)(\S+)/.exec(line);
    if (opt) {
      const [, flag, arg] = opt;
      if (flag === '-r' || flag === '--requirement') {
        const rel = posix.normalize(posix.join(posix.dirname(file), arg!));
        if (seen.has(rel)) continue;
        const inc = readInclude?.(rel, file, startLine);
        if (inc !== undefined) {
          const sub = parseRequirements(rel, inc, readInclude, seen);
          for (const p of sub.packages) lock.packages.push({ ...p, file: p.file ?? rel });
          lock.registries.push(...sub.registries);
          (lock.indexes ??= []).push(...(sub.indexes ?? []));
        }
      } else if (flag === '-i' || flag === '--index-url' || flag === '--extra-index-url') {
        lock.registries.push(arg!);
        (lock.indexes ??= []).push({ url: arg!, file, line: startLine, extra: flag === '--extra-index-url' });
      } else if (flag === '-e' || flag === '--editable') {
        const r = parseRequirement(arg!);
        const p = pyPackage(r.name ?? arg!, startLine, { spec: arg, resolved: arg, source: urlSource(arg!) });
        lock.packages.push(p);
        last = p;
      }
      continue;
    }
    if (line.startsWith('-')) continue; // --pre, --trusted-host, --no-binary …
    const hashes = [...line.matchAll(/--hash[=\s]+([A-Za-z0-9]+:[A-Fa-f0-9]+)/g)].map((m) => m[1]!);
    const reqText = line.replace(/\s--hash[=\s]+\S+/g, '').replace(/\s--\S+(=\S+)?/g, '').trim();
    const r = parseRequirement(reqText);
    const pin = EXACT_PIN.exec(r.spec);
    const p = pyPackage(r.name ?? r.spec, startLine, {
      version: !r.url && pin ? pin[1] : undefined,
      spec: r.spec,
      integrity: hashes,
      resolved: r.url,
      source: r.url ? urlSource(r.url) : 'registry',
    });
    lock.packages.push(p);
    last = p;
  }
  // pip-compile: `# via -r requirements.in` marks direct, `# via pkg` transitive
  const byName = new Map(lock.packages.map((p) => [normalizePyName(p.name), p] as const));
  const parent = new Map<DepPackage, DepPackage>();
  for (const [p, vs] of via) {
    if (vs.some((v) => v.startsWith('-r') || v.startsWith('-c'))) continue;
    const parents = vs.map((v) => byName.get(normalizePyName(v.split(/\s/)[0]!))).filter((x): x is DepPackage => !!x);
    if (parents.length === 0) continue;
    p.direct = false;
    parent.set(p, parents[0]!);
    for (const q of parents) q.dependsOn.push(pkgKey(p.name, p.version));
  }
  for (const p of lock.packages) {
    const chain = [p.name];
    const guard = new Set([p]);
    for (let q = parent.get(p); q && !guard.has(q); q = parent.get(q)) {
      guard.add(q);
      chain.unshift(q.name);
    }
    p.path = chain;
  }
  return lock;
}

function tomlOrThrow(file: string, text: string): Obj {
  try {
    return parseToml(text) as Obj;
  } catch (err) {
    const line = (err as { line?: number }).line;
    throw new LockfileError(`${file} is not valid TOML${line ? ` (line ${line})` : ''}`, line);
  }
}

/** Line of the first `name = …` / `"name…"` mention after `from` (TOML parsers keep no positions). */
function lineOfName(lines: string[], name: string, from = 0): number {
  const n = normalizePyName(name);
  for (let i = from; i < lines.length; i++) {
    const m = /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(lines[i]!);
    if (m && normalizePyName(m[1]!) === n) return i + 1;
  }
  return from + 1;
}

export function parsePyproject(file: string, text: string): Manifest {
  const t = tomlOrThrow(file, text);
  const lines = text.split(/\r?\n/);
  const deps: DirectDependency[] = [];
  const add = (name: string, spec: string, dev: boolean, sectionHeader: RegExp) => {
    const start = lines.findIndex((l) => sectionHeader.test(l));
    deps.push({ name, spec, dev, line: lineOfName(lines, name, Math.max(0, start)) });
  };
  const project = isObj(t.project) ? t.project : {};
  for (const d of Array.isArray(project.dependencies) ? project.dependencies : []) {
    const r = typeof d === 'string' ? parseRequirement(d) : undefined;
    if (r?.name) add(r.name, r.spec, false, /^\s*dependencies\s*=/);
  }
  const poetry = isObj(t.tool) && isObj(t.tool.poetry) ? t.tool.poetry : {};
  const poetrySection = (deps: unknown, dev: boolean, header: RegExp) => {
    if (!isObj(deps)) return;
    for (const [name, spec] of Object.entries(deps)) {
      if (name.toLowerCase() === 'python') continue;
      add(name, typeof spec === 'string' ? spec : isObj(spec) ? str(spec.version) ?? str(spec.git) ?? str(spec.url) ?? str(spec.path) ?? '' : '', dev, header);
    }
  };
  poetrySection(poetry.dependencies, false, /^\s*\[tool\.poetry\.dependencies\]/);
  poetrySection(poetry['dev-dependencies'], true, /^\s*\[tool\.poetry\.dev-dependencies\]/);
  if (isObj(poetry.group)) {
    for (const [g, v] of Object.entries(poetry.group)) {
      if (isObj(v)) poetrySection(v.dependencies, g !== 'main', new RegExp(`^\\s*\\[tool\\.poetry\\.group\\.${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.dependencies\\]`));
    }
  }
  return { file, kind: 'pyproject.toml', ecosystem: 'PyPI', name: str(project.name) ?? str(poetry.name), version: str(project.version) ?? str(poetry.version), dependencies: deps };
}

export function parsePipfile(file: string, text: string): Manifest {
  const t = tomlOrThrow(file, text);
  const lines = text.split(/\r?\n/);
  const deps: DirectDependency[] = [];
  for (const [section, dev] of [['packages', false], ['dev-packages', true]] as const) {
    const start = lines.findIndex((l) => l.trim() === `[${section}]`);
    const s = t[section];
    if (!isObj(s)) continue;
    for (const [name, spec] of Object.entries(s)) {
      deps.push({ name, dev, spec: typeof spec === 'string' ? spec : isObj(spec) ? str(spec.version) ?? str(spec.git) ?? str(spec.path) ?? '*' : '*', line: lineOfName(lines, name, Math.max(0, start)) });
    }
  }
  return { file, kind: 'Pipfile', ecosystem: 'PyPI', dependencies: deps };
}

/** Mark direct packages from a manifest (or, without one, those no other package requires) and compute paths. */
function linkPython(packages: DepPackage[], edges: Map<DepPackage, string[]>, manifest?: Manifest): void {
  const byName = new Map(packages.map((p) => [normalizePyName(p.name), p] as const));
  let direct: DepPackage[];
  if (manifest) direct = manifest.dependencies.map((d) => byName.get(normalizePyName(d.name))).filter((p): p is DepPackage => !!p);
  else {
    const required = new Set<string>();
    for (const names of edges.values()) for (const n of names) required.add(normalizePyName(n));
    direct = packages.filter((p) => !required.has(normalizePyName(p.name)));
  }
  for (const p of packages) {
    p.direct = false;
    p.path = [];
  }
  const queue: DepPackage[] = [];
  for (const p of direct) {
    if (p.direct) continue;
    p.direct = true;
    p.path = [p.name];
    queue.push(p);
  }
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]!;
    for (const n of edges.get(from) ?? []) {
      const to = byName.get(normalizePyName(n));
      if (!to) continue;
      from.dependsOn.push(pkgKey(to.name, to.version));
      if (to.path.length === 0) {
        to.path = [...from.path, to.name];
        queue.push(to);
      }
    }
  }
  for (const p of packages) if (p.path.length === 0) p.path = [p.name];
}

export function parsePoetryLock(file: string, text: string, manifest?: Manifest): Lockfile {
  const t = tomlOrThrow(file, text);
  const lines = text.split(/\r?\n/);
  const headers: number[] = [];
  lines.forEach((l, i) => { if (l.trim() === '[[package]]') headers.push(i + 1); });
  const list = Array.isArray(t.package) ? t.package : [];
  const oldFiles = isObj(t.metadata) && isObj(t.metadata.files) ? t.metadata.files : {};
  const edges = new Map<DepPackage, string[]>();
  const packages: DepPackage[] = [];
  list.forEach((raw, idx) => {
    if (!isObj(raw) || !str(raw.name)) return;
    const name = str(raw.name)!;
    const files = Array.isArray(raw.files) ? raw.files : Array.isArray(oldFiles[name]) ? (oldFiles[name] as unknown[]) : [];
    const hashes = files.map((f) => (isObj(f) ? str(f.hash) : undefined)).filter((h): h is string => !!h);
    const src = isObj(raw.source) ? raw.source : undefined;
    const srcType = str(src?.type);
    const p = pyPackage(name, headers[idx] ?? 1, {
      version: str(raw.version),
      integrity: hashes,
      dev: raw.category === 'dev' ? true : undefined,
      resolved: src ? `${str(src.url) ?? ''}${str(src.resolved_reference) ? `#${str(src.resolved_reference)}` : ''}` : undefined,
      source: srcType === 'git' ? 'git' : srcType === 'url' ? 'url' : srcType === 'directory' || srcType === 'file' ? 'file' : 'registry',
    });
    if (srcType === 'legacy' && str(src?.url)) p.resolved = str(src!.url);
    edges.set(p, isObj(raw.dependencies) ? Object.keys(raw.dependencies) : []);
    packages.push(p);
  });
  linkPython(packages, edges, manifest);
  const registries = [...new Set(packages.filter((p) => p.resolved && p.source === 'registry').map((p) => p.resolved!))];
  return { file, kind: 'poetry', ecosystem: 'PyPI', packages, registries };
}

export function parsePipfileLock(file: string, text: string, manifest?: Manifest): Lockfile {
  const tree = parseJsonTree(text, file);
  const li = new LineIndex(text);
  const root = getNodeValue(tree) as Obj;
  const packages: DepPackage[] = [];
  for (const section of ['default', 'develop'] as const) {
    const node = findNodeAtLocation(tree, [section]);
    for (const prop of node?.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v || typeof k.value !== 'string') continue;
      const data = getNodeValue(v) as unknown;
      if (!isObj(data)) continue;
      const pin = EXACT_PIN.exec(str(data.version) ?? '');
      const url = str(data.git) ?? str(data.file) ?? str(data.path);
      packages.push(pyPackage(k.value, li.line(k.offset), {
        version: pin?.[1],
        spec: str(data.version),
        integrity: Array.isArray(data.hashes) ? data.hashes.filter((h): h is string => typeof h === 'string') : [],
        dev: section === 'develop' ? true : undefined,
        resolved: url ? `${url}${str(data.ref) ? `#${str(data.ref)}` : ''}` : undefined,
        source: str(data.git) ? 'git' : str(data.path) ? 'file' : str(data.file) ? urlSource(str(data.file)!) : 'registry',
      }));
    }
  }
  if (manifest) linkPython(packages, new Map(), manifest);
  const meta = isObj(root._meta) ? root._meta : {};
  const registries = (Array.isArray(meta.sources) ? meta.sources : []).map((s) => (isObj(s) ? str(s.url) : undefined)).filter((u): u is string => !!u);
  return { file, kind: 'pipfile', ecosystem: 'PyPI', packages, registries };
}
