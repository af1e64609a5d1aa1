/** Shared by the secret rules: one scan of the source tree per run, function lookup, allow-list. */
import { posix } from 'node:path';
import type { FunctionNode, Model } from '../../model/types.js';
import type { RuleContext, RuleMeta } from '../define.js';
import { DEFAULT_MAX_SECRET_FILE_BYTES } from '../../analyzers/secrets/files.js';
import { scanFilesMaybeInWorker } from '../../analyzers/secrets/scan-files.js';
import { makeAllowList, type SecretAllowList } from '../../analyzers/secrets/allow.js';
import type { FoundSecret } from '../../analyzers/secrets/scan-text.js';

export const SECRETS_COMPLIANCE: RuleMeta['compliance'] = {
  'PCI-DSS-4.0': ['3.5.1', '8.3.2', '8.6.2'],
  'OWASP-SLS-2017': ['A3', 'A6'],
  'NIST-800-53': ['IA-5(7)', 'SC-28'],
  HIPAA: ['164.312(a)(2)(iv)'],
};

export function allowList(ctx: RuleContext): SecretAllowList {
  return ctx.memo('secrets:allow', () => makeAllowList(ctx.options.secretAllow));
}

/** Functions by code folder (the handler file's folder, or the code directory). */
function codeDirs(model: Model): Map<string, FunctionNode[]> {
  const files = new Set(model.paths);
  const out = new Map<string, FunctionNode[]>();
  for (const fn of model.functions) {
    if (!fn.codePath) continue;
    const p = fn.codePath.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
    const dir = files.has(p) ? posix.dirname(p) : p || '.';
    out.set(dir, [...(out.get(dir) ?? []), fn]);
  }
  return out;
}

/** Functions whose code folder holds `file` (looked up by the file's ancestor folders, not by scanning every function). */
export function functionsForFile(ctx: RuleContext, file: string): FunctionNode[] | undefined {
  const dirs = ctx.memo('secrets:codeDirs', () => codeDirs(ctx.model));
  const fns: FunctionNode[] = [...(dirs.get(file) ?? [])];
  for (let d = posix.dirname(file); ; d = posix.dirname(d)) {
    fns.push(...(dirs.get(d) ?? []));
    if (d === '.' || d === '/' || d === '') break;
  }
  return fns.length > 0 ? fns : undefined;
}

export interface FileSecrets { path: string; secrets: FoundSecret[] }

/**
 * Secrets of the working tree, skipping allow-listed paths and fingerprints, and template lines
 * that are environment variables of a function (the environment rules report those).
 */
export function sourceSecrets(ctx: RuleContext): Promise<FileSecrets[]> {
  return ctx.memo('secrets:source', async () => {
    const envLines = new Set(ctx.model.functions.flatMap((f) => f.env.filter((e) => e.value !== undefined).map((e) => `${e.loc.file}:${e.loc.line}`)));
    const maxBytes = typeof ctx.options.maxFileBytes === 'number' ? ctx.options.maxFileBytes : DEFAULT_MAX_SECRET_FILE_BYTES;
    const raw = ctx.options.secretAllow;
    const allow = Array.isArray(raw) ? raw.filter((e): e is string => typeof e === 'string') : typeof raw === 'string' ? [raw] : [];
    const known = new Map(ctx.model.files.filter((f) => f.text !== undefined).map((f) => [f.path, f.text!] as const));
    const scanned = await scanFilesMaybeInWorker({ root: ctx.model.root, paths: ctx.model.paths, maxBytes, allow, known }, ctx.options.workers !== 1);
    for (const r of scanned.refused) ctx.model.diagnostics.push({ level: 'warning', file: r.path, message: r.message });
    const out: FileSecrets[] = [];
    const kept = new Set(ctx.model.files.map((f) => f.path));
    for (const { path, text, secrets: all } of scanned.files) {
      const secrets = all.filter((s) => !envLines.has(`${path}:${s.line}`));
      if (secrets.length === 0) continue;
      out.push({ path, secrets });
      // keep the text so `fnguard-ignore` comments next to the secret are honoured
      if (!kept.has(path)) ctx.model.files.push({ path, format: 'code', text });
    }
    return out;
  });
}
