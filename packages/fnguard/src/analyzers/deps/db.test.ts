import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { dbCommand, updateDb } from '../../cli/commands/db.js';
import { loadVulnDb } from './osv.js';

const FIX = fileURLToPath(new URL('./fixtures/osv', import.meta.url));
const io = (out: string[], err: string[]) => ({ stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), isTTY: false, cwd: process.cwd() });

describe('fnguard db', () => {
  it('update downloads each ecosystem zip and writes a compact index (fake fetch, no network)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-db-'));
    try {
      const files: Record<string, Uint8Array> = {};
      for (const n of readdirSync(FIX)) files[n] = strToU8(readFileSync(join(FIX, n), 'utf8'));
      const zip = zipSync(files);
      const urls: string[] = [];
      const fake = async (url: string) => {
        urls.push(url);
        return { ok: true, status: 200, arrayBuffer: async () => zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer };
      };
      await updateDb(dir, ['npm', 'PyPI'], fake);
      assert.deepEqual(urls.map((u) => u.replace(/^.*\/(\w+)\/all\.zip$/, '$1')), ['npm', 'PyPI']);
      const idx = loadVulnDb(dir);
      assert.equal(idx.size, 5);
      assert.equal(idx.lookup('PyPI', 'requests', '2.30.0')[0]?.fixed, '2.31.0');
      const out: string[] = [];
      assert.equal(await dbCommand.run(['info', '--dir', dir], io(out, [])), 0);
      assert.match(out.join(''), /5 advisories for 5 packages/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('fails with one line when offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-db-'));
    const saved = process.env.FNGUARD_OSV_BASE_URL;
    process.env.FNGUARD_OSV_BASE_URL = 'http://127.0.0.1:9'; // discard port on loopback: refused at once
    try {
      const err: string[] = [];
      assert.equal(await dbCommand.run(['update', '--dir', dir], io([], err)), 2);
      assert.equal(err.join('').trim().split('\n').length, 1);
      assert.match(err.join(''), /cannot download .*offline\?/);
    } finally {
      if (saved === undefined) delete process.env.FNGUARD_OSV_BASE_URL;
      else process.env.FNGUARD_OSV_BASE_URL = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('rejects bad usage with exit 2', async () => {
    for (const argv of [['frobnicate'], ['update', '--ecosystem', 'Maven'], ['info', '--dir', '/nonexistent/fng']]) {
      const err: string[] = [];
      assert.equal(await dbCommand.run(argv, io([], err)), 2, argv.join(' '));
      assert.equal(err.join('').trim().split('\n').length, 1);
    }
  });
});
