/**
 * Where a Lambda handler's code lives, relative to the scan root: the handler's source file when
 * it exists among the scanned paths, else the code directory.
 */
import { posix } from 'node:path';

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.py'];

/**
 * @param baseDir  directory of the template, relative to the root ('' for the root)
 * @param codeDir  code directory as written (SAM CodeUri), relative to the template; '' when none
 * @param handler  `file.export` (Node) or `pkg.module.function` (Python)
 * @param allPaths every file under the root (Model.paths)
 */
export function codePathFor(baseDir: string, codeDir: string, handler: string | undefined, allPaths: string[]): string | undefined {
  const { files: paths, dirs } = indexOf(allPaths);
  const dir = posix.normalize(posix.join(baseDir || '.', codeDir || '.'));
  if (dir.startsWith('..') || posix.isAbsolute(dir)) return undefined;
  if (handler) {
    const dot = handler.lastIndexOf('.');
    if (dot > 0) {
      const mod = handler.slice(0, dot);
      const candidates = [mod, mod.replace(/\./g, '/')];
      for (const c of candidates) {
        for (const ext of EXTENSIONS) {
          const p = posix.normalize(posix.join(dir, c + ext));
          if (paths.has(p)) return p;
        }
      }
    }
  }
  if (dir === '.') return codeDir ? '.' : undefined;
  return dirs.has(dir) ? dir : undefined;
}

interface PathIndex {
  files: Set<string>;
  dirs: Set<string>;
}

// Built once per scan (Model.paths), not once per function.
const indexes = new WeakMap<string[], PathIndex>();

function indexOf(paths: string[]): PathIndex {
  let idx = indexes.get(paths);
  if (!idx) {
    idx = { files: new Set(paths), dirs: new Set() };
    for (const p of paths) {
      for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
        const d = p.slice(0, i);
        if (idx.dirs.has(d)) break;
        idx.dirs.add(d);
      }
    }
    indexes.set(paths, idx);
  }
  return idx;
}
