/**
 * Walks the scan root and reads candidate files safely: no symlink escapes or loops, size
 * limit, binary files skipped with a warning, vendored/build folders ignored.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/types.js';
import type { SourceFile } from './types.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Folders that hold build output, caches or third-party code, never the user's templates. */
const IGNORED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', '.serverless', '.aws-sam', '.terraform', 'cdk.out',
  '.venv', 'venv', '__pycache__', '.pytest_cache', '.idea', '.vscode', '.fnguard-cache', '.next',
]);

/** Extensions of infrastructure files the sources may claim. */
const IAC_EXTENSIONS = /\.(ya?ml|json|tf|tfvars|template)$/i;
/** JSON/YAML files that are never deployment templates (lockfiles are read by the dependency analyzer). */
const NOT_IAC = /^(package(-lock)?\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|composer\.(json|lock)|tsconfig(\..*)?\.json|jsconfig\.json|\.eslintrc.*|\.prettierrc.*|renovate\.json|\.?babelrc.*|Pipfile\.lock|poetry\.lock|\.pre-commit-config\.yaml|docker-compose.*\.ya?ml)$/i;

export interface DiscoverOptions {
  maxFileBytes?: number;
  /** Also return paths (not contents) of every other regular file, for code/manifest analyzers. */
  includeAllPaths?: boolean;
}

export interface Discovery {
  root: string;
  iacFiles: SourceFile[];
  /** Every regular file under the root (relative paths), when includeAllPaths is set. */
  allPaths: string[];
  diagnostics: Diagnostic[];
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Is `candidate` (absolute, resolved) the root or inside it? */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/**
 * Read one file under the root with the same checks as discovery.
 * Returns the text or a reason it was refused.
 */
export function readInsideRoot(
  root: string,
  rel: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): { file: SourceFile } | { refused: string } {
  const abs = resolve(root, rel);
  if (!isInside(root, abs)) return { refused: 'path is outside the scanned root' };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return { refused: 'file not found' };
  }
  if (!isInside(realpathSync(root), real)) return { refused: 'symlink points outside the scanned root' };
  const st = statSync(real);
  if (!st.isFile()) return { refused: 'not a regular file' };
  if (st.size > maxBytes) return { refused: `file is ${st.size} bytes, over the ${maxBytes}-byte limit` };
  const buf = readFileSync(real);
  if (looksBinary(buf)) return { refused: 'binary file' };
  return { file: { path: toPosix(relative(root, abs)), abs, text: buf.toString('utf8') } };
}

export function discover(target: string, opts: DiscoverOptions = {}): Discovery {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const diagnostics: Diagnostic[] = [];
  const iacFiles: SourceFile[] = [];
  const allPaths: string[] = [];
  const abs = resolve(target);
  const st = statSync(abs);
  const root = st.isDirectory() ? abs : dirname(abs);
  const realRoot = realpathSync(root);

  const take = (rel: string) => {
    const r = readInsideRoot(root, rel, maxBytes);
    if ('file' in r) iacFiles.push(r.file);
    else diagnostics.push({ level: 'warning', file: rel, message: `skipped: ${r.refused}` });
  };

  if (!st.isDirectory()) {
    const rel = toPosix(relative(root, abs));
    take(rel);
    allPaths.push(rel);
    return { root, iacFiles, allPaths, diagnostics };
  }

  const visited = new Set<string>([realRoot]);
  const walk = (dirAbs: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dirAbs, { withFileTypes: true });
    } catch (err) {
      diagnostics.push({ level: 'warning', file: toPosix(relative(root, dirAbs)) || '.', message: `skipped folder: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childAbs = join(dirAbs, e.name);
      const rel = toPosix(relative(root, childAbs));
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(childAbs);
        } catch {
          diagnostics.push({ level: 'warning', file: rel, message: 'skipped: broken or looping symlink' });
          continue;
        }
        if (!isInside(realRoot, real)) {
          diagnostics.push({ level: 'warning', file: rel, message: 'skipped: symlink points outside the scanned root' });
          continue;
        }
        const lst = lstatSync(real);
        isDir = lstatSync(real).isDirectory();
        isFile = lst.isFile();
        if (isDir && visited.has(real)) {
          diagnostics.push({ level: 'warning', file: rel, message: 'skipped: symlink loop' });
          continue;
        }
      }
      if (isDir) {
        if (IGNORED_DIRS.has(e.name)) continue;
        let real: string;
        try {
          real = realpathSync(childAbs);
        } catch {
          continue;
        }
        if (visited.has(real)) continue;
        visited.add(real);
        walk(childAbs);
      } else if (isFile) {
        if (opts.includeAllPaths) allPaths.push(rel);
        if (IAC_EXTENSIONS.test(e.name) && !NOT_IAC.test(e.name)) take(rel);
      }
    }
  };
  walk(root);
  return { root, iacFiles, allPaths, diagnostics };
}
