/**
 * npm lockfiles (package-lock.json v1/v2/v3, npm-shrinkwrap.json) and package.json manifests,
 * parsed with jsonc-parser so every entry keeps its line.
 */
import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, sourceOf } from './lines.js';
import { LockfileError, pkgKey, type DepPackage, type DirectDependency, type Lockfile, type Manifest } from './types.js';

const DEP_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strMap = (v: unknown): Record<string, string> =>
  isObj(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

export function parseJsonTree(text: string, what: string): Node {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!tree || errors.length > 0 || tree.type !== 'object') {
    const at = errors[0] ? new LineIndex(text).line(errors[0].offset) : undefined;
    throw new LockfileError(`${what} is not valid JSON${at ? ` (line ${at})` : ''}`, at);
  }
  return tree;
}

/** Children of an object node as [key, keyOffset, valueNode]. */
function entries(node: Node | undefined): [string, number, Node][] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out: [string, number, Node][] = [];
  for (const p of node.children) {
    const [k, v] = p.children ?? [];
    if (k && v && typeof k.value === 'string') out.push([k.value, k.offset, v]);
  }
  return out;
}

export function parsePackageJson(file: string, text: string): Manifest {
  const tree = parseJsonTree(text, file);
  const lines = new LineIndex(text);
  const deps: DirectDependency[] = [];
  for (const section of DEP_SECTIONS) {
    for (const [name, off, v] of entries(findNodeAtLocation(tree, [section]))) {
      if (typeof v.value === 'string') deps.push({ name, spec: v.value, line: lines.line(off), dev: section === 'devDependencies' });
    }
  }
  const root = getNodeValue(tree) as Obj;
  return { file, kind: 'package.json', ecosystem: 'npm', name: str(root.name), version: str(root.version), dependencies: deps };
}

interface Entry {
  key: string;
  name: string;
  line: number;
  data: Obj;
  /** name -> range, from dependencies/optionalDependencies/peerDependencies (v2/v3) or requires (v1). */
  requires: Record<string, string>;
  /** v1 only: parent entry key, for nested resolution. */
  parent?: string;
  /** v1 only: names of nested dependencies. */
  nested?: Set<string>;
}

function makePackage(e: Entry, direct: boolean): DepPackage {
  const d = e.data;
  const resolved = str(d.resolved);
  const version = str(d.version);
  const integrity = str(d.integrity);
  return {
    name: e.name,
    version: version && /^(git\+|github:|file:|https?:)/.test(version) ? undefined : version,
    ecosystem: 'npm',
    direct,
    dev: d.dev === true || d.devOptional === true ? true : undefined,
    path: [],
    integrity: integrity ? integrity.split(/\s+/) : [],
    resolved: resolved ?? (version && /^(git\+|github:|file:|https?:)/.test(version) ? version : undefined),
    source: d.link === true ? 'link' : sourceOf(resolved ?? version),
    line: e.line,
    hasInstallScript: d.hasInstallScript === true ? true : undefined,
    deprecated: str(d.deprecated),
    license: str(d.license),
    dependsOn: [],
  };
}

/**
 * Shortest dependency paths by breadth-first search from the roots. `resolve(from, name)` returns
 * the entry key a dependency resolves to using node_modules lookup rules.
 */
function linkGraph(
  entries: Map<string, Entry>,
  roots: { requires: Record<string, string>; key: string }[],
  resolve: (from: string, name: string) => string | undefined,
  directNames: Set<string> | undefined,
): DepPackage[] {
  const pkgs = new Map<string, DepPackage>();
  const directKeys = new Set<string>();
  for (const r of roots) {
    for (const name of Object.keys(r.requires)) {
      if (directNames && r.key === '' && !directNames.has(name)) continue;
      const k = resolve(r.key, name);
      if (k) directKeys.add(k);
    }
  }
  for (const [k, e] of entries) pkgs.set(k, makePackage(e, directKeys.has(k)));
  const queue: string[] = [];
  for (const k of directKeys) {
    const p = pkgs.get(k);
    if (p) {
      p.path = [p.name];
      queue.push(k);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const k = queue[i]!;
    const from = pkgs.get(k)!;
    for (const name of Object.keys(entries.get(k)!.requires)) {
      const t = resolve(k, name);
      const to = t ? pkgs.get(t) : undefined;
      if (!to) continue;
      from.dependsOn.push(pkgKey(to.name, to.version));
      if (to.path.length === 0) {
        to.path = [...from.path, to.name];
        queue.push(t!);
      }
    }
  }
  for (const p of pkgs.values()) if (p.path.length === 0) p.path = [p.name];
  return [...pkgs.values()];
}

function nameFromKey(key: string): string {
  const i = key.lastIndexOf('node_modules/');
  return i === -1 ? key : key.slice(i + 'node_modules/'.length);
}

/**
 * Line of each `"key": {` entry of the top-level `packages` object, found by one regex pass
 * (npm writes one key per line): keeps big v2/v3 lockfiles off a full syntax tree.
 */
function packageKeyLines(text: string, keys: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  const start = /^[ \t]*"packages"[ \t]*:[ \t]*\{/m.exec(text);
  if (!start) return out;
  const lines = new LineIndex(text);
  const re = /^[ \t]*"((?:[^"\\\n]|\\.)*)"[ \t]*:[ \t]*\{/gm;
  re.lastIndex = start.index + start[0].length;
  for (let m = re.exec(text); m && out.size < keys.size; m = re.exec(text)) {
    const key = m[1]!.includes('\\') ? (JSON.parse(`"${m[1]}"`) as string) : m[1]!;
    if (keys.has(key) && !out.has(key)) out.set(key, lines.line(m.index));
  }
  return out;
}

export function parsePackageLock(file: string, text: string, manifest?: Manifest): Lockfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    parseJsonTree(text, file); // throws a LockfileError with the line
    throw new LockfileError(`${file} is not valid JSON`);
  }
  if (!isObj(json)) throw new LockfileError(`${file} is not an npm lockfile`);
  const version = json.lockfileVersion;
  const kind = /npm-shrinkwrap\.json$/.test(file) ? 'npm-shrinkwrap' : 'package-lock';
  const directNames = manifest ? new Set(manifest.dependencies.map((d) => d.name)) : undefined;
  const map = new Map<string, Entry>();
  let packages: DepPackage[];

  if (isObj(json.packages) && (version === 2 || version === 3)) {
    const roots: { requires: Record<string, string>; key: string }[] = [];
    const keyLines = packageKeyLines(text, new Set(Object.keys(json.packages)));
    for (const [key, data] of Object.entries(json.packages)) {
      if (!isObj(data)) continue;
      const line = keyLines.get(key) ?? 1;
      const requires = { ...strMap(data.peerDependencies), ...strMap(data.optionalDependencies), ...strMap(data.dependencies) };
      if (key === '' || !key.includes('node_modules/')) {
        // the root project or a workspace folder
        roots.push({ key, requires: key === '' ? { ...strMap(data.devDependencies), ...requires } : { ...strMap(data.devDependencies), ...requires } });
        continue;
      }
      if (data.link === true) {
        map.set(key, { key, name: nameFromKey(key), line, data, requires: {} });
        continue;
      }
      map.set(key, { key, name: str(data.name) ?? nameFromKey(key), line, data, requires });
    }
    const resolve = (from: string, name: string): string | undefined => {
      let base = from;
      for (;;) {
        const cand = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
        const hit = map.get(cand);
        if (hit) return hit.data.link === true ? undefined : cand;
        if (!base) return undefined;
        const i = base.lastIndexOf('/node_modules/');
        base = i === -1 ? '' : base.slice(0, i);
      }
    };
    for (const [k, e] of map) if (e.data.link === true) map.delete(k);
    packages = linkGraph(map, roots, resolve, directNames);
  } else {
    // v1: nested `dependencies` trees; keys repeat at every level, so positions come from a syntax tree
    const tree = parseJsonTree(text, file);
    const lines = new LineIndex(text);
    const depsNode = findNodeAtLocation(tree, ['dependencies']);
    if (!depsNode && version !== 1) throw new LockfileError(`${file}: unsupported lockfileVersion ${String(version)}`);
    const walk = (node: Node | undefined, parent: string | undefined) => {
      for (const [name, off, v] of entries(node)) {
        const data = getNodeValue(v) as unknown;
        if (!isObj(data)) continue;
        const key = parent === undefined ? name : `${parent}>${name}`;
        const nestedNode = findNodeAtLocation(v, ['dependencies']);
        const nested = new Set(entries(nestedNode).map(([n]) => n));
        map.set(key, { key, name, line: lines.line(off), data, requires: strMap(data.requires), parent, nested });
        walk(nestedNode, key);
      }
    };
    walk(depsNode, undefined);
    const resolve = (from: string, name: string): string | undefined => {
      let cur: string | undefined = from;
      while (cur !== undefined && cur !== '') {
        const e = map.get(cur);
        if (e?.nested?.has(name)) return `${cur}>${name}`;
        cur = e?.parent;
      }
      return map.has(name) ? name : undefined;
    };
    // v1 does not list the root's own dependencies: take them from package.json, else every
    // top-level entry that no other package requires.
    let rootRequires: Record<string, string>;
    if (manifest) rootRequires = Object.fromEntries(manifest.dependencies.map((d) => [d.name, d.spec]));
    else {
      const required = new Set<string>();
      for (const e of map.values()) for (const n of Object.keys(e.requires)) required.add(n);
      rootRequires = Object.fromEntries([...map.values()].filter((e) => e.parent === undefined && !required.has(e.name)).map((e) => [e.name, '*']));
    }
    packages = linkGraph(map, [{ key: '', requires: rootRequires }], resolve, undefined);
  }
  return { file, kind, ecosystem: 'npm', packages, registries: [] };
}
