import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { queryOsvOnline } from './online.js';

// A fake OSV API in memory: no network is used.
describe('OSV batch API client', () => {
  it('queries in a batch, then fetches each advisory once', async () => {
    const lodash = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/osv/GHSA-jf85-cpcp-j695.json', import.meta.url)), 'utf8'));
    const calls: string[] = [];
    const fake = async (url: string, init?: { body?: string }) => {
      calls.push(url);
      if (url.endsWith('/querybatch')) {
        const q = JSON.parse(init!.body!) as { queries: { package: { name: string } }[] };
        return { ok: true, status: 200, json: async () => ({ results: q.queries.map((x) => ({ vulns: x.package.name === 'lodash' ? [{ id: 'GHSA-jf85-cpcp-j695' }] : [] })) }) };
      }
      return { ok: true, status: 200, json: async () => lodash };
    };
    const idx = await queryOsvOnline([
      { ecosystem: 'npm', name: 'lodash', version: '4.17.11' },
      { ecosystem: 'npm', name: 'lodash', version: '4.17.11' },
      { ecosystem: 'npm', name: 'express', version: '4.18.2' },
    ], fake);
    assert.deepEqual(calls, ['https://api.osv.dev/v1/querybatch', 'https://api.osv.dev/v1/vulns/GHSA-jf85-cpcp-j695']);
    assert.equal(idx.lookup('npm', 'lodash', '4.17.11')[0]?.fixed, '4.17.12');
  });
  it('fails with the HTTP status', async () => {
    await assert.rejects(queryOsvOnline([{ ecosystem: 'PyPI', name: 'x', version: '1' }], async () => ({ ok: false, status: 503, json: async () => ({}) })), /HTTP 503/);
  });
});
