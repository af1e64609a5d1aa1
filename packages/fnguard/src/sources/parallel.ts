/**
 * Uses the machine's cores for large scans: discovered files are split into independent groups
 * and each worker thread runs the sources over its groups; the models are merged.
 *
 * Groups must keep together files that read each other, or a file would be loaded twice (a
 * Terraform module as a root module in one worker and as a called module in another; a
 * serverless `${file(…)}` include as a stand-alone template). So: every Terraform file is in one
 * group (modules are resolved across folders), and top-level folders are joined when a
 * serverless file includes a file from another one. Small scans stay in the main thread, where
 * starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { posix } from 'node:path';
import { runWorker } from '../core/worker.js';
import type { Model } from '../model/types.js';
import type { Discovery } from './discover.js';
import { loadModel, sortModel, type LoadOptions } from './load.js';
import type { SourceFile } from './types.js';

/** Below this many files a single thread is faster than starting workers (see bench/scan). */
export const PARALLEL_MIN_FILES = 300;

export interface WorkerInput {
  root: string;
  files: SourceFile[];
  /** Every path under the root: sources look up handler files in it. */
  allPaths: string[];
  maxFileBytes?: number;
}

const INCLUDE_RE = /\$\{file\(\s*['"]?([^)'"\s]+)/g;

function topDir(path: string, depth: number): string {
  const parts = path.split('/');
  return parts.length <= depth ? '.' : parts.slice(0, depth).join('/');
}

/** Splits files into groups that can be loaded independently. */
export function partition(files: readonly SourceFile[]): SourceFile[][] {
  // Pick the shallowest folder depth that yields several groups (a repo with one `infra/` folder splits below it).
  let depth = 1;
  while (depth < 3 && new Set(files.map((f) => topDir(f.path, depth))).size < 2) depth++;
  const keyOf = (f: SourceFile) => (/\.tf(vars)?(\.json)?$/.test(f.path) ? '#terraform' : topDir(f.path, depth));

  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(k, p);
    return p;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const f of files) {
    const key = keyOf(f);
    find(key);
    if (!/(^|\/)serverless(\.[^/]+)?\.(ya?ml|json)$/i.test(f.path)) continue;
    for (const m of f.text.matchAll(INCLUDE_RE)) {
      const target = posix.normalize(posix.join(posix.dirname(f.path), m[1]!.split(':')[0]!));
      if (!target.startsWith('..')) union(key, topDir(target, depth));
    }
  }
  const groups = new Map<string, SourceFile[]>();
  for (const f of files) {
    const root = find(keyOf(f));
    groups.set(root, [...(groups.get(root) ?? []), f]);
  }
  return [...groups.values()];
}

/** Greedy balance by bytes: the largest group goes to the least loaded worker. */
function assign(groups: SourceFile[][], workers: number): SourceFile[][] {
  const bins = Array.from({ length: workers }, () => ({ bytes: 0, files: [] as SourceFile[] }));
  const size = (g: SourceFile[]) => g.reduce((n, f) => n + f.text.length, 0);
  for (const g of [...groups].sort((a, b) => size(b) - size(a))) {
    const bin = bins.reduce((min, b) => (b.bytes < min.bytes ? b : min));
    bin.files.push(...g);
    bin.bytes += size(g);
  }
  return bins.map((b) => b.files).filter((f) => f.length > 0);
}

function merge(found: Discovery, parts: Model[]): Model {
  const [first, ...rest] = parts;
  const model = first!;
  for (const m of rest) {
    model.functions.push(...m.functions);
    for (const [k, v] of m.identities) model.identities.set(k, v);
    for (const [k, v] of m.apis) model.apis.set(k, v);
    model.auditTrails.push(...m.auditTrails);
    model.files.push(...m.files);
    model.diagnostics.push(...m.diagnostics);
  }
  model.diagnostics = [...found.diagnostics, ...model.diagnostics];
  sortModel(model);
  model.paths = found.allPaths;
  return model;
}

export async function loadModelParallel(found: Discovery, opts: LoadOptions, workers?: number): Promise<Model> {
  const n = workers ?? (found.iacFiles.length >= PARALLEL_MIN_FILES ? availableParallelism() : 1);
  // Custom sources are functions and cannot be sent to a worker.
  if (n < 2 || opts.sources) return loadModel(found, opts);
  const bins = assign(partition(found.iacFiles), n);
  if (bins.length < 2) return loadModel(found, opts);
  opts.onProgress?.(`parsing ${found.iacFiles.length} file(s) on ${bins.length} threads…`);
  const parts = await Promise.all(bins.map((files) => runWorker<Model>(import.meta.url, 'parallel-worker', { root: found.root, files, allPaths: found.allPaths, maxFileBytes: opts.maxFileBytes } satisfies WorkerInput)));
  return merge(found, parts);
}

