/**
 * Deprecation notices from the local npm cache (cacache, `~/.npm/_cacache`): npm keeps the
 * registry documents it fetched, keyed `make-fetch-happen:request-cache:<registry>/<name>`, and
 * each version there may carry `deprecated`. Read-only; no network.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const defaultNpmCache = (): string => join(process.env.npm_config_cache || join(homedir(), '.npm'), '_cacache');

const MAX_DOC_BYTES = 64 * 1024 * 1024;

/** cacache index bucket of a key: index-v5/ab/cd/<rest of sha256(key)>. */
function bucketPath(cache: string, key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return join(cache, 'index-v5', h.slice(0, 2), h.slice(2, 4), h.slice(4));
}

/** cacache content path of an SRI integrity: content-v2/<algo>/ab/cd/<rest of hex>. */
function contentPath(cache: string, integrity: string): string | undefined {
  const m = /^(sha512|sha256|sha1)-([A-Za-z0-9+/]+={0,2})/.exec(integrity);
  if (!m) return undefined;
  const hex = Buffer.from(m[2]!, 'base64').toString('hex');
  return join(cache, 'content-v2', m[1]!, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

/** The newest cached document for a key, parsed; undefined when absent or unreadable. */
function cachedJson(cache: string, key: string): unknown {
  const bucket = bucketPath(cache, key);
  if (!existsSync(bucket)) return undefined;
  const lines = readFileSync(bucket, 'utf8').split('\n').filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const tab = lines[i]!.indexOf('\t');
    let entry: { key?: string; integrity?: string | null };
    try {
      entry = JSON.parse(lines[i]!.slice(tab + 1));
    } catch {
      continue;
    }
    if (entry.key !== key) continue;
    if (!entry.integrity) return undefined; // a deletion marker
    const path = contentPath(cache, entry.integrity);
    if (!path || !existsSync(path) || statSync(path).size > MAX_DOC_BYTES) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `name@version` → deprecation message, for the packages the cache knows. */
export function deprecationsFromNpmCache(cache: string, pkgs: readonly { name: string; version: string }[], registry = 'https://registry.npmjs.org'): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(join(cache, 'index-v5'))) return out;
  const byName = new Map<string, Set<string>>();
  for (const p of pkgs) byName.set(p.name, (byName.get(p.name) ?? new Set()).add(p.version));
  for (const [name, versions] of byName) {
    const doc = cachedJson(cache, `make-fetch-happen:request-cache:${registry}/${name.replace('/', '%2f')}`) as { versions?: Record<string, { deprecated?: unknown }> } | undefined;
    for (const v of versions) {
      const d = doc?.versions?.[v]?.deprecated;
      if (typeof d === 'string' && d) out.set(`${name}@${v}`, d);
    }
  }
  return out;
}
