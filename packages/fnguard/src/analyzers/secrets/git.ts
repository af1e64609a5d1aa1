/**
 * `--git-history`: secrets added in past commits (`git log -p`, bounded by commit count, output
 * size and time). A secret deleted from HEAD is still in every clone of the repository.
 */
import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';
import { isSecretCandidate } from './files.js';
import { scanText, type FoundSecret } from './scan-text.js';

export interface HistorySecret extends FoundSecret {
  commit: string;
  /** Path relative to the scan root. */
  file: string;
}

export interface GitHistoryOptions {
  maxCommits?: number;
  maxBytes?: number;
  timeoutMs?: number;
}

export class GitHistoryError extends Error {}

function git(root: string, args: string[], opts: GitHistoryOptions): string {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: opts.maxBytes ?? 64 * 1024 * 1024,
      timeout: opts.timeoutMs ?? 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new GitHistoryError('git is not installed');
    if (e.code === 'ENOBUFS') throw new GitHistoryError('git history is larger than the output limit; lower --git-depth');
    throw new GitHistoryError((e.stderr || e.message).trim().split('\n')[0] ?? 'git failed');
  }
}

/** Added lines per (commit, file), newest commit first. */
export function parseGitLog(log: string, prefix: string): { commit: string; file: string; lines: { line: number; text: string }[] }[] {
  const out: { commit: string; file: string; lines: { line: number; text: string }[] }[] = [];
  let commit = '';
  let cur: (typeof out)[number] | undefined;
  let next = 0;
  for (const l of log.split('\n')) {
    if (l.startsWith('fnguard-commit ')) {
      commit = l.slice('fnguard-commit '.length).trim();
      cur = undefined;
    } else if (l.startsWith('diff --git ')) cur = undefined;
    else if (l.startsWith('+++ ')) {
      const p = l.slice(4).trim();
      const rel = p.startsWith('b/') ? p.slice(2) : undefined;
      cur = rel && rel.startsWith(prefix) ? { commit, file: rel.slice(prefix.length), lines: [] } : undefined;
      if (cur) out.push(cur);
    } else if (l.startsWith('@@')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
      next = m ? Number(m[1]) : 0;
    } else if (cur && l.startsWith('+')) cur.lines.push({ line: next++, text: l.slice(1) });
  }
  return out.filter((c) => c.lines.length > 0);
}

export async function scanGitHistory(root: string, opts: GitHistoryOptions = {}): Promise<HistorySecret[]> {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree'], opts).trim();
  if (inside !== 'true') throw new GitHistoryError('not a git work tree');
  const prefix = git(root, ['rev-parse', '--show-prefix'], opts).trim();
  const log = git(root, ['log', '-p', '--no-color', '--no-ext-diff', '--unified=0', '--format=fnguard-commit %H', `--max-count=${opts.maxCommits ?? 200}`, '--', '.'], opts);
  const found: HistorySecret[] = [];
  for (const chunk of parseGitLog(log, prefix)) {
    if (!isSecretCandidate(chunk.file) || chunk.file.endsWith('.ipynb') || posix.isAbsolute(chunk.file)) continue;
    const text = chunk.lines.map((l) => l.text).join('\n');
    for (const f of await scanText(chunk.file, text)) {
      found.push({ ...f, line: chunk.lines[f.line - 1]?.line ?? f.line, commit: chunk.commit, file: chunk.file });
    }
  }
  return found;
}
