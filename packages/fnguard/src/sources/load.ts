/**
 * Runs the sources over discovered files and returns the model they build. Kept apart from
 * discovery so the same code runs in the main thread and in the parallel workers.
 */
import { readdirSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { emptyModel, type Location, type Model } from '../model/types.js';
import { describeError } from '../core/errors.js';
import { readInsideRoot, DEFAULT_MAX_FILE_BYTES, isInside, toPosix, type Discovery } from './discover.js';
import { SOURCES } from './index.js';
import type { Source, SourceContext, SourceFile } from './types.js';

export interface LoadOptions {
  maxFileBytes?: number;
  sources?: readonly Source[];
  onProgress?: (message: string) => void;
}

export async function loadModel(found: Discovery, opts: LoadOptions = {}): Promise<Model> {
  const model = emptyModel(found.root);
  model.diagnostics.push(...found.diagnostics);
  model.paths = found.allPaths;
  const consumed = new Set<string>();
  const kept = new Set<string>();
  const byPath = new Map(found.iacFiles.map((f) => [f.path, f] as const));
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const realRoot = realpathSync(found.root);
  const ctx: SourceContext = {
    root: found.root,
    model,
    readFile(rel: string, from: Location): SourceFile | undefined {
      const norm = toPosix(relative(found.root, resolve(found.root, rel)));
      const known = byPath.get(norm);
      if (known) return known;
      const r = readInsideRoot(found.root, norm, maxBytes);
      if ('file' in r) return r.file;
      model.diagnostics.push({ level: 'warning', file: from.file, line: from.line, message: `not read ${rel}: ${r.refused}` });
      return undefined;
    },
    listDir(rel: string, from: Location): string[] | undefined {
      const abs = resolve(found.root, rel);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        model.diagnostics.push({ level: 'warning', file: from.file, line: from.line, message: `folder not found: ${rel}` });
        return undefined;
      }
      if (!isInside(realRoot, real)) {
        model.diagnostics.push({ level: 'warning', file: from.file, line: from.line, message: `not read ${rel}: path is outside the scanned root` });
        return undefined;
      }
      return readdirSync(real).sort();
    },
    consume: (rel) => consumed.add(rel),
    keep(file, format) {
      if (kept.has(file.path)) return;
      kept.add(file.path);
      model.files.push({ path: file.path, format, text: file.text });
    },
    warn: (file, message, line) => model.diagnostics.push({ level: 'warning', file, line, message }),
    info: (file, message, line) => model.diagnostics.push({ level: 'info', file, line, message }),
  };
  for (const source of opts.sources ?? SOURCES) {
    const mine = found.iacFiles.filter((f) => !consumed.has(f.path) && source.claims(f));
    if (mine.length === 0) continue;
    for (const f of mine) consumed.add(f.path);
    opts.onProgress?.(`parsing ${mine.length} ${source.format} file(s)…`);
    try {
      await source.load(mine, ctx);
    } catch (err) {
      model.diagnostics.push({ level: 'warning', file: mine[0]!.path, message: `${source.format} source failed: ${describeError(err)}` });
    }
  }
  // Keep the text of every file the sources read, so suppression comments can be found.
  for (const f of found.iacFiles) if (consumed.has(f.path)) ctx.keep(f, 'code');
  sortModel(model);
  return model;
}

const byPlace = (a: { loc: Location }, b: { loc: Location }) =>
  a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line;

/** One order for every scan, whichever source or worker produced a node first. */
export function sortModel(model: Model): void {
  model.functions.sort(byPlace);
  model.auditTrails.sort(byPlace);
  model.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
