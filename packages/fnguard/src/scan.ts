/**
 * `fnguard scan` as a library call: discover → sources → model → rules → findings.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyModel, type Location, type Model } from './model/types.js';
import { describeError } from './core/errors.js';
import { discover, readInsideRoot, DEFAULT_MAX_FILE_BYTES, isInside, toPosix } from './sources/discover.js';
import { SOURCES } from './sources/index.js';
import type { Source, SourceContext, SourceFile } from './sources/types.js';
import { ALL_RULES } from './rules/index.js';
import { runRules, selectRules, type RuleFilter } from './findings/engine.js';
import type { ScanResult } from './findings/types.js';
import type { Rule } from './rules/define.js';
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';

export interface ScanOptions extends RuleFilter {
  maxFileBytes?: number;
  /** Called with a short status line while the scan runs (the CLI shows it on a TTY). */
  onProgress?: (message: string) => void;
  rules?: readonly Rule[];
  /** Options passed to rules (allow-lists and similar). */
  ruleOptions?: Record<string, unknown>;
  sources?: readonly Source[];
}

/** Build the model only (used by `scan`, `iam`, `sbom` and the parse-only bench baseline). */
export async function buildModel(target: string, opts: Pick<ScanOptions, 'maxFileBytes' | 'sources' | 'onProgress'> = {}): Promise<Model> {
  const found = discover(target, { maxFileBytes: opts.maxFileBytes, includeAllPaths: true });
  const model = emptyModel(found.root);
  model.diagnostics.push(...found.diagnostics);
  model.paths = found.allPaths;
  const consumed = new Set<string>();
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
  const known = new Set(model.files.map((f) => f.path));
  for (const f of found.iacFiles) {
    if (consumed.has(f.path) && !known.has(f.path)) model.files.push({ path: f.path, format: 'code', text: f.text });
  }
  return model;
}

export async function scan(target: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const model = await buildModel(target, opts);
  const rules = selectRules(opts.rules ?? ALL_RULES, opts);
  opts.onProgress?.(`running ${rules.length} rules on ${model.functions.length} function(s)…`);
  const findings = await runRules(model, rules, opts.ruleOptions ?? {});
  return {
    root: model.root,
    findings,
    rules: rules.map((r) => r.meta),
    diagnostics: model.diagnostics,
    stats: { files: model.files.length, functions: model.functions.length, durationMs: performance.now() - started },
  };
}
