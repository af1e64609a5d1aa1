/**
 * The one file walker of the secret scanners: which files under the root may hold secrets,
 * reading them safely (inside the root, size limit, binary skipped with a one-line warning).
 */
import { posix } from 'node:path';
import { readInsideRoot } from '../../sources/discover.js';

export const DEFAULT_MAX_SECRET_FILE_BYTES = 2 * 1024 * 1024;

const CODE_OR_CONFIG = /\.(m?js|cjs|jsx|ts|tsx|mts|cts|py|pyw|ipynb|java|kt|cs|go|rb|php|rs|swift|scala|sh|bash|zsh|ps1|psm1|bat|cmd|json|jsonc|ya?ml|toml|ini|cfg|conf|config|properties|env|tf|tfvars|hcl|xml|plist|sql|pem|key|p8|ppk|txt|md|html?|vue|svelte|gradle|template)$/i;
const SPECIAL_NAMES = /^(\.env(\..*)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|Dockerfile(\..*)?|credentials|id_rsa|id_dsa|id_ecdsa|id_ed25519|local\.settings\.json)$/i;
/** Files whose long random-looking strings are hashes, never secrets. */
const SKIP_NAMES = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|composer\.lock|Cargo\.lock|go\.sum|.*\.min\.(js|css)|.*\.map)$/i;

/** Might this file (path relative to the root) hold a secret worth scanning? */
export function isSecretCandidate(path: string): boolean {
  const base = posix.basename(path);
  if (SKIP_NAMES.test(base)) return false;
  return SPECIAL_NAMES.test(base) || CODE_OR_CONFIG.test(base);
}

export interface CandidateOptions {
  root: string;
  /** Every file under the root, relative to it. */
  paths: readonly string[];
  maxBytes: number;
  allowPath: (p: string) => boolean;
  /** Texts the sources already read (not read from disk a second time). */
  known: ReadonlyMap<string, string>;
  /** Called with a one-line reason for each file that could not be read. */
  refused: (path: string, reason: string) => void;
}

/** Every candidate file with its text, read safely from disk unless the sources already did. */
export function* candidateFiles(o: CandidateOptions): Generator<{ path: string; text: string }> {
  for (const path of o.paths) {
    if (!isSecretCandidate(path) || o.allowPath(path)) continue;
    const text = o.known.get(path);
    if (text !== undefined && Buffer.byteLength(text) <= o.maxBytes) {
      yield { path, text };
      continue;
    }
    const r = readInsideRoot(o.root, path, o.maxBytes);
    if ('file' in r) yield { path, text: r.file.text };
    else o.refused(path, `not scanned for secrets: ${r.refused}`);
  }
}
