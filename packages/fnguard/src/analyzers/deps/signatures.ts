/**
 * `--online`: npm registry signatures, as `npm audit signatures` checks them. The registry signs
 * `${name}@${version}:${integrity}` with an ECDSA P-256 key published at /-/npm/v1/keys; a package
 * whose version manifest carries no signature, a signature that does not verify, or an integrity
 * differing from the lockfile's is reported. (Provenance attestations are not checked.)
 */
import { createPublicKey, verify } from 'node:crypto';

export const NPM_REGISTRY = 'https://registry.npmjs.org';

export type SignatureStatus = 'valid' | 'missing' | 'invalid' | 'integrity-mismatch' | 'not-found';
export interface SignatureResult { name: string; version: string; status: SignatureStatus; detail?: string }

type Fetch = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

interface RegistryKey { keyid: string; key: string; expires?: string | null }

export class SignatureCheckError extends Error {}

/** Registry URL of one version's manifest (`@scope/name` keeps its `@`, the `/` is escaped). */
export const versionUrl = (registry: string, name: string, version: string) => `${registry}/${name.replace('/', '%2f')}/${encodeURIComponent(version)}`;

export async function verifyNpmSignatures(
  pkgs: readonly { name: string; version: string; integrity?: string }[],
  fetchImpl: Fetch = fetch as unknown as Fetch,
  registry = NPM_REGISTRY,
  concurrency = 8,
): Promise<SignatureResult[]> {
  const get = async (url: string): Promise<{ status: number; body?: unknown }> => {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(30_000), headers: { accept: 'application/json' } });
    return res.ok ? { status: res.status, body: await res.json() } : { status: res.status };
  };
  let keysRes;
  try {
    keysRes = await get(`${registry}/-/npm/v1/keys`);
  } catch (err) {
    throw new SignatureCheckError(`cannot read ${registry}/-/npm/v1/keys: ${(err as Error).message.split('\n')[0]}`);
  }
  const keys = new Map<string, ReturnType<typeof createPublicKey>>();
  for (const k of ((keysRes.body as { keys?: RegistryKey[] } | undefined)?.keys ?? [])) {
    try {
      keys.set(k.keyid, createPublicKey({ key: Buffer.from(k.key, 'base64'), format: 'der', type: 'spki' }));
    } catch {
      // a key this Node cannot load cannot verify anything: signatures by it count as invalid
    }
  }
  if (keys.size === 0) throw new SignatureCheckError(`${registry} publishes no signing keys`);

  const unique = [...new Map(pkgs.map((p) => [`${p.name}@${p.version}`, p] as const)).values()];
  const out: SignatureResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const p = unique[next++]!;
      let r;
      try {
        r = await get(versionUrl(registry, p.name, p.version));
      } catch (err) {
        throw new SignatureCheckError(`cannot read ${p.name}@${p.version} from ${registry}: ${(err as Error).message.split('\n')[0]}`);
      }
      const dist = (r.body as { dist?: { integrity?: string; signatures?: { keyid: string; sig: string }[] } } | undefined)?.dist;
      if (!dist) {
        out.push({ name: p.name, version: p.version, status: 'not-found', detail: `HTTP ${r.status}` });
        continue;
      }
      const integrity = dist.integrity ?? '';
      if (p.integrity && integrity && p.integrity !== integrity) {
        out.push({ name: p.name, version: p.version, status: 'integrity-mismatch', detail: 'the registry serves a different integrity than the lockfile' });
        continue;
      }
      const sigs = dist.signatures ?? [];
      if (sigs.length === 0) {
        out.push({ name: p.name, version: p.version, status: 'missing' });
        continue;
      }
      const message = Buffer.from(`${p.name}@${p.version}:${integrity}`);
      const ok = sigs.some((s) => {
        const key = keys.get(s.keyid);
        try {
          return !!key && verify('sha256', message, key, Buffer.from(s.sig, 'base64'));
        } catch {
          return false;
        }
      });
      out.push({ name: p.name, version: p.version, status: ok ? 'valid' : 'invalid', detail: ok ? undefined : `no signature verifies with the registry keys (${sigs.map((s) => s.keyid).join(', ')})` });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  return out;
}
