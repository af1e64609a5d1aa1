/**
 * The secret scan of a whole tree: candidate files read safely and scanned one by one. On large
 * trees it runs in a worker thread, so it overlaps with the other rules instead of following them.
 */
import { runWorker } from '../../core/worker.js';
import { makeAllowList } from './allow.js';
import { candidateFiles } from './files.js';
import { scanText, type FoundSecret } from './scan-text.js';

export interface ScannedFiles {
  /** Files with at least one secret (allow-listed fingerprints removed), with their text for suppression comments. */
  files: { path: string; text: string; secrets: FoundSecret[] }[];
  /** Files that could not be read: one-line reasons. */
  refused: { path: string; message: string }[];
}

export interface ScanFilesInput {
  root: string;
  paths: string[];
  maxBytes: number;
  /** Raw allow-list entries (path globs and fingerprints). */
  allow: string[];
  /** Texts already read by the sources, by path. */
  known: Map<string, string>;
}

/** Below this many paths a worker costs more to start than it saves. */
export const SECRET_WORKER_MIN_PATHS = 300;

export async function scanFiles(input: ScanFilesInput): Promise<ScannedFiles> {
  const allow = makeAllowList(input.allow);
  const files: ScannedFiles['files'] = [];
  const refused: ScannedFiles['refused'] = [];
  const candidates = candidateFiles({
    root: input.root,
    paths: input.paths,
    maxBytes: input.maxBytes,
    allowPath: allow.allowsPath,
    known: input.known,
    refused: (path, message) => refused.push({ path, message }),
  });
  for (const { path, text } of candidates) {
    const secrets = (await scanText(path, text)).filter((s) => !allow.allowsHash(s.hash));
    if (secrets.length > 0) files.push({ path, text, secrets });
  }
  return { files, refused };
}

/** Same result; in a worker thread when the tree is large and workers are allowed. */
export function scanFilesMaybeInWorker(input: ScanFilesInput, allowWorker: boolean): Promise<ScannedFiles> {
  if (!allowWorker || input.paths.length < SECRET_WORKER_MIN_PATHS) return scanFiles(input);
  return runWorker<ScannedFiles>(import.meta.url, 'scan-files-worker', input);
}
