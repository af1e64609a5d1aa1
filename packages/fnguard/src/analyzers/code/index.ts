/**
 * Handler-code analysis for a model: finds each function's entry file from its handler, follows
 * relative imports inside the scan root (bounded), and collects the AWS SDK calls of every file
 * reached. Each file is read and parsed once per analyzer, whichever functions share it.
 */
import { dirname, posix } from 'node:path';
import type { Parser as TSParser } from 'web-tree-sitter';
import type { FunctionNode, Model } from '../../model/types.js';
import { readInsideRoot } from '../../sources/discover.js';
import { analyzeJs, type JsExports } from './js.js';
import { analyzePython, pythonParser, type PyExports } from './python.js';
import type { CodeAnalysis, FileAnalysis } from './types.js';

export type { CodeAnalysis, FileAnalysis, SdkCall, ParamValue, DynamicUse, CallForm } from './types.js';

/** At most this many files are read for one function (entry + imports). */
export const MAX_FILES_PER_FUNCTION = 60;

const JS_EXTS = ['.ts', '.js', '.mjs', '.cjs', '.mts', '.cts', '.tsx', '.jsx'];

type Lang = 'js' | 'python';

interface CachedFile {
  analysis: FileAnalysis;
  jsExports?: JsExports;
  pyExports?: PyExports;
}

function langOfPath(p: string): Lang | undefined {
  if (/\.py$/i.test(p)) return 'python';
  if (/\.(c|m)?(j|t)sx?$/i.test(p)) return 'js';
  return undefined;
}

export class CodeAnalyzer {
  private readonly cache = new Map<string, CachedFile | null>();
  private readonly inProgress = new Set<string>();
  private readonly texts = new Map<string, string>();
  private readonly pathSet: Set<string>;

  private constructor(
    private readonly model: Model,
    /** The Python parser, or why it could not be loaded (Python files then get a one-line parse error). */
    private readonly python: TSParser | { unavailable: string },
  ) {
    this.pathSet = new Set(model.paths);
  }

  static async create(model: Model): Promise<CodeAnalyzer> {
    let python: TSParser | { unavailable: string };
    try {
      python = await pythonParser();
    } catch (err) {
      python = { unavailable: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
    }
    return new CodeAnalyzer(model, python);
  }

  /** Texts of every code file read (root-relative path → text), for suppression comments. */
  filesRead(): Map<string, string> {
    return this.texts;
  }

  private exists(rel: string): boolean {
    if (this.pathSet.size > 0) return this.pathSet.has(rel);
    return 'file' in readInsideRoot(this.model.root, rel);
  }

  /** The handler's source file, root-relative, or a reason it was not found. */
  entryFor(fn: FunctionNode): { entry: string } | { gap: string } {
    const code = fn.codePath ? posix.normalize(fn.codePath).replace(/^\.\/|\/$/g, '') : undefined;
    if (code && code !== '.' && langOfPath(code) && this.exists(code)) return { entry: code };
    const handler = fn.handler?.value;
    if (!handler) return { gap: fn.handler ? `handler ${fn.handler.expr ?? ''} is not static` : 'no handler is set' };
    const base = code && code !== '.' ? code : posix.dirname(fn.loc.file);
    const runtime = fn.runtime?.value?.toLowerCase() ?? '';
    const lastDot = handler.lastIndexOf('.');
    if (lastDot <= 0) return { gap: `handler ${handler} does not name a file` };
    const modulePart = handler.slice(0, lastDot);
    const candidates: string[] = [];
    const wantPy = runtime.startsWith('python') || (!runtime.startsWith('node') && !runtime);
    const wantJs = runtime.startsWith('node') || !runtime.startsWith('python');
    if (wantJs) for (const ext of JS_EXTS) candidates.push(`${modulePart}${ext}`);
    if (wantPy) candidates.push(`${modulePart.replace(/\./g, '/')}.py`, `${modulePart}.py`);
    for (const c of candidates) {
      const rel = posix.normalize(posix.join(base === '.' ? '' : base, c));
      if (!rel.startsWith('..') && this.exists(rel)) return { entry: rel };
    }
    return { gap: `handler file for ${handler} not found under ${base}` };
  }

  /** SDK calls of one function's code (entry file and everything it imports inside the root). */
  analyzeFunction(fn: FunctionNode): CodeAnalysis {
    const result: CodeAnalysis = { functionId: fn.id, files: [], calls: [], dynamic: [], complete: true, gaps: [], warnings: [] };
    const found = this.entryFor(fn);
    if ('gap' in found) {
      result.complete = false;
      result.gaps.push(found.gap);
      return result;
    }
    result.entry = found.entry;
    const seen = new Set<string>();
    const queue = [found.entry];
    while (queue.length) {
      const rel = queue.shift()!;
      if (seen.has(rel)) continue;
      if (seen.size >= MAX_FILES_PER_FUNCTION) {
        result.complete = false;
        result.gaps.push(`more than ${MAX_FILES_PER_FUNCTION} files imported; the rest was not read`);
        break;
      }
      seen.add(rel);
      const file = this.file(rel);
      result.files.push(rel);
      if (!file) {
        result.complete = false;
        result.gaps.push(`${rel} could not be read`);
        continue;
      }
      const a = file.analysis;
      if (a.parseError) {
        result.complete = false;
        result.gaps.push(`${rel} could not be parsed`);
        result.warnings.push({ file: rel, line: a.parseErrorLine, message: `handler code not analysed: ${a.parseError}` });
        continue;
      }
      result.calls.push(...a.calls);
      result.dynamic.push(...a.dynamic);
      for (const imp of a.imports) {
        if (imp.resolved) queue.push(imp.resolved);
        else {
          result.complete = false;
          result.gaps.push(`${imp.loc.file}:${imp.loc.line}: import ${imp.spec} not found inside the scanned folder`);
        }
      }
    }
    if (result.dynamic.length) {
      result.complete = false;
      for (const d of result.dynamic) result.gaps.push(`${d.loc.file}:${d.loc.line}: ${d.reason}`);
    }
    return result;
  }

  /** Analyse one file (cached). Undefined when it cannot be read. */
  private file(rel: string): CachedFile | undefined {
    const hit = this.cache.get(rel);
    if (hit !== undefined) return hit ?? undefined;
    if (this.inProgress.has(rel)) return undefined;
    const lang = langOfPath(rel);
    const read = readInsideRoot(this.model.root, rel);
    if (!lang || !('file' in read)) {
      this.cache.set(rel, null);
      return undefined;
    }
    const text = read.file.text;
    this.texts.set(rel, text);
    this.inProgress.add(rel);
    try {
      let entry: CachedFile;
      if (lang === 'js') {
        const r = analyzeJs(rel, text, {
          resolveImport: (spec) => this.resolveJs(rel, spec),
          importExports: (spec) => {
            const target = this.resolveJs(rel, spec);
            return target && !this.inProgress.has(target) ? this.file(target)?.jsExports : undefined;
          },
        });
        entry = { analysis: r.analysis, jsExports: r.exports };
      } else if ('unavailable' in this.python) {
        entry = { analysis: { file: rel, calls: [], dynamic: [], imports: [], parseError: `Python parser not available: ${this.python.unavailable}` } };
      } else {
        const r = analyzePython(rel, text, this.python, {
          resolveModule: (mod, level) => this.resolvePy(rel, mod, level),
          importModule: (mod, level) => {
            const target = this.resolvePy(rel, mod, level);
            return target && !this.inProgress.has(target) ? this.file(target)?.pyExports : undefined;
          },
        });
        entry = { analysis: r.analysis, pyExports: r.exports };
      }
      this.cache.set(rel, entry);
      return entry;
    } finally {
      this.inProgress.delete(rel);
    }
  }

  /** `./lib/s3.js` from `src/handler.ts` → `src/lib/s3.ts` (TS sources imported with .js), index files. */
  private resolveJs(from: string, spec: string): string | undefined {
    const base = posix.normalize(posix.join(posix.dirname(from), spec));
    if (base.startsWith('..')) return undefined;
    const stem = base.replace(/\.(c|m)?js$/, '');
    const candidates = [base, ...JS_EXTS.map((e) => `${stem}${e}`), ...JS_EXTS.map((e) => `${base}/index${e}`)];
    return candidates.find((c) => langOfPath(c) && this.exists(c));
  }

  /**
   * A Python module of the project: relative (`from .x import y`) from the importing file's
   * package, absolute from the importing file's folder or any folder above it inside the root
   * (the handler folder is on `sys.path` in Lambda). `null` when it is not a project module.
   */
  private resolvePy(from: string, module: string, level: number): string | null | undefined {
    const parts = module ? module.split('.') : [];
    const tryAt = (dir: string): string | undefined => {
      const p = posix.join(dir, ...parts);
      for (const c of [`${p}.py`, `${p}/__init__.py`]) {
        const n = posix.normalize(c);
        if (!n.startsWith('..') && this.exists(n)) return n;
      }
      return undefined;
    };
    if (level > 0) {
      let dir = posix.dirname(from);
      for (let i = 1; i < level; i++) dir = posix.dirname(dir);
      if (parts.length === 0) {
        const init = posix.normalize(`${dir}/__init__.py`);
        return this.exists(init) ? init : null;
      }
      return tryAt(dir);
    }
    let dir = posix.dirname(from);
    for (;;) {
      const hit = tryAt(dir);
      if (hit) return hit;
      if (dir === '.' || dir === '' || dir === dirname(dir)) return null;
      dir = posix.dirname(dir);
    }
  }
}
