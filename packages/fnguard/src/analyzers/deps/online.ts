/**
 * `--online`: ask OSV's batch API which of the found packages have advisories, then fetch the
 * full records of those advisories and index them like a local database.
 */
import { VulnIndex, type OsvRecord } from './osv.js';
import type { Ecosystem } from './types.js';

export const OSV_API = 'https://api.osv.dev/v1';
const BATCH = 1000;

export interface PackageQuery { ecosystem: Ecosystem; name: string; version: string }
type Fetch = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export async function queryOsvOnline(pkgs: PackageQuery[], fetchImpl: Fetch = fetch as unknown as Fetch, timeoutMs = 30_000): Promise<VulnIndex> {
  const unique = [...new Map(pkgs.map((p) => [`${p.ecosystem}\0${p.name}\0${p.version}`, p] as const)).values()];
  const ids = new Set<string>();
  const call = async (url: string, body?: unknown): Promise<unknown> => {
    const res = await fetchImpl(url, {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
    return res.json();
  };
  for (let i = 0; i < unique.length; i += BATCH) {
    const queries = unique.slice(i, i + BATCH).map((p) => ({ package: { ecosystem: p.ecosystem, name: p.name }, version: p.version }));
    const out = (await call(`${OSV_API}/querybatch`, { queries })) as { results?: { vulns?: { id: string }[] }[] };
    for (const r of out.results ?? []) for (const v of r.vulns ?? []) ids.add(v.id);
  }
  const index = new VulnIndex();
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) index.add((await call(`${OSV_API}/vulns/${encodeURIComponent(id)}`)) as OsvRecord);
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
  return index;
}
