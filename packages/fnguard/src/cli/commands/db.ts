import { mkdirSync, renameSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError, describeError } from '../../core/errors.js';
import { addZip, INDEX_FILE, loadVulnDb, VulnIndex, SUPPORTED_ECOSYSTEMS } from '../../analyzers/deps/osv.js';
import { defaultDbDir } from '../../rules/supply-chain/shared.js';
import { listFlag, parseFlags } from '../common.js';
import type { Command } from '../types.js';

const USAGE = `fnguard db <update|info> [--dir DIR] [--ecosystem npm,PyPI]
Manage the local OSV vulnerability database used by 'fnguard scan' for dependency advisories.

  update   download OSV's per-ecosystem all.zip (npm and PyPI) and index it into DIR
  info     print how many advisories and packages the database in DIR holds

Options:
  --dir DIR              database folder (default: ${'$'}XDG_CACHE_HOME/fnguard/osv or ~/.cache/fnguard/osv)
  --ecosystem NAME[,…]   ecosystems to download (default: npm,PyPI)
'fnguard scan' uses DIR automatically when it exists; --vuln-db PATH points it elsewhere.`;

/** Base of OSV's bucket; FNGUARD_OSV_BASE_URL overrides it (mirrors, tests). */
const osvBase = () => process.env.FNGUARD_OSV_BASE_URL ?? 'https://osv-vulnerabilities.storage.googleapis.com';

type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/** Download and index; writes `fnguard-osv-index.json` atomically. Returns the index. */
export async function updateDb(dir: string, ecosystems: readonly string[], fetchImpl: Fetch = fetch as unknown as Fetch): Promise<VulnIndex> {
  const index = new VulnIndex();
  for (const eco of ecosystems) {
    const url = `${osvBase()}/${eco}/all.zip`;
    let res;
    try {
      res = await fetchImpl(url, { signal: AbortSignal.timeout(300_000) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      throw new UsageError(`cannot download ${url}: ${cause ?? describeError(err)} (offline? use --vuln-db PATH with a downloaded all.zip)`);
    }
    if (!res.ok) throw new UsageError(`cannot download ${url}: HTTP ${res.status}`);
    try {
      addZip(index, Buffer.from(await res.arrayBuffer()));
    } catch (err) {
      throw new UsageError(`${url} is not a readable OSV zip: ${describeError(err)}`);
    }
  }
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${INDEX_FILE}.tmp`);
  writeFileSync(tmp, JSON.stringify(index.toJSON()));
  renameSync(tmp, join(dir, INDEX_FILE));
  return index;
}

export const dbCommand: Command = {
  name: 'db',
  summary: 'download and index the OSV vulnerability database',
  usage: USAGE,
  async run(argv, io) {
    try {
      const { values, positionals } = parseFlags(argv, { dir: { type: 'string' }, ecosystem: { type: 'string', multiple: true } }, USAGE);
      if (values.help) {
        io.stdout(`${USAGE}\n`);
        return 0;
      }
      const [sub, ...rest] = positionals;
      if (rest.length > 0 || (sub !== 'update' && sub !== 'info')) throw new UsageError(`expected 'update' or 'info'. Usage: ${USAGE.split('\n')[0]}`);
      const dir = values.dir ? resolve(io.cwd, values.dir) : defaultDbDir();
      const ecos = listFlag(values.ecosystem);
      for (const e of ecos) if (!(SUPPORTED_ECOSYSTEMS as readonly string[]).includes(e)) throw new UsageError(`--ecosystem must be one of ${SUPPORTED_ECOSYSTEMS.join(', ')} (got '${e}')`);
      if (sub === 'info') {
        if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no database at ${dir}: run 'fnguard db update'`);
        const idx = loadVulnDb(dir);
        io.stdout(`${dir}: ${idx.size} advisories for ${idx.packageCount} packages${idx.skipped ? ` (${idx.skipped} unreadable records skipped)` : ''}\n`);
        return 0;
      }
      const started = performance.now();
      const idx = await updateDb(dir, ecos.length ? ecos : SUPPORTED_ECOSYSTEMS);
      io.stdout(`indexed ${idx.size} advisories for ${idx.packageCount} packages into ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`fnguard db: ${err.message}\n`);
      return 2;
    }
  },
};
