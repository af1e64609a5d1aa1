/**
 * `fnguard scan` as a library call: discover → sources → model → rules → findings.
 */
import type { Model } from './model/types.js';
import { discover } from './sources/discover.js';
import type { LoadOptions } from './sources/load.js';
import { loadModelParallel } from './sources/parallel.js';
import type { Source } from './sources/types.js';
import { ALL_RULES } from './rules/index.js';
import { runRules, selectRules, type RuleFilter } from './findings/engine.js';
import type { ScanResult } from './findings/types.js';
import type { Rule } from './rules/define.js';

export interface ScanOptions extends RuleFilter {
  maxFileBytes?: number;
  /** Called with a short status line while the scan runs (the CLI shows it on a TTY). */
  onProgress?: (message: string) => void;
  rules?: readonly Rule[];
  /** Options passed to rules (allow-lists and similar). */
  ruleOptions?: Record<string, unknown>;
  sources?: readonly Source[];
  /** Worker threads for parsing; default: one per core for large scans, none for small ones. */
  workers?: number;
}

/** Build the model only (used by `scan`, `iam`, `sbom` and the benchmarks). */
export async function buildModel(target: string, opts: LoadOptions & { workers?: number } = {}): Promise<Model> {
  const found = discover(target, { maxFileBytes: opts.maxFileBytes, includeAllPaths: true });
  return loadModelParallel(found, opts, opts.workers);
}

export async function scan(target: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const model = await buildModel(target, opts);
  // Counted before the rules run: secret rules add the files they report on.
  const files = model.files.length;
  const rules = selectRules(opts.rules ?? ALL_RULES, opts);
  opts.onProgress?.(`running ${rules.length} rules on ${model.functions.length} function(s)…`);
  // Rules that can use a worker thread (the secret scan) follow the same --workers setting.
  const findings = await runRules(model, rules, { workers: opts.workers, ...opts.ruleOptions });
  return {
    root: model.root,
    findings,
    rules: rules.map((r) => r.meta),
    diagnostics: model.diagnostics,
    stats: { files, functions: model.functions.length, durationMs: performance.now() - started },
  };
}
