import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignatureCheckError, verifyNpmSignatures, versionUrl } from './signatures.js';
import { fakeRegistry } from './fixtures/fake-registry.js';

describe('npm registry signatures', () => {
  it('verifies, and reports missing, invalid, mismatching and unknown versions', async () => {
    const reg = fakeRegistry({
      'good@1.0.0': { integrity: 'sha512-AAAA' },
      '@scope/pkg@2.0.0': { integrity: 'sha512-BBBB' },
      'unsigned@1.0.0': { integrity: 'sha512-CCCC', signature: 'none' },
      'forged@1.0.0': { integrity: 'sha512-DDDD', signature: 'bad' },
      'swapped@1.0.0': { integrity: 'sha512-EEEE', served: 'sha512-FFFF' },
    });
    const res = await verifyNpmSignatures([
      { name: 'good', version: '1.0.0', integrity: 'sha512-AAAA' },
      { name: '@scope/pkg', version: '2.0.0', integrity: 'sha512-BBBB' },
      { name: 'unsigned', version: '1.0.0', integrity: 'sha512-CCCC' },
      { name: 'forged', version: '1.0.0', integrity: 'sha512-DDDD' },
      { name: 'swapped', version: '1.0.0', integrity: 'sha512-EEEE' },
      { name: 'ghost', version: '9.9.9' },
      { name: 'good', version: '1.0.0', integrity: 'sha512-AAAA' },
    ], reg.fetchImpl, undefined, 2);
    const by = Object.fromEntries(res.map((r) => [`${r.name}@${r.version}`, r.status]));
    assert.deepEqual(by, {
      'good@1.0.0': 'valid', '@scope/pkg@2.0.0': 'valid', 'unsigned@1.0.0': 'missing', 'forged@1.0.0': 'invalid',
      'swapped@1.0.0': 'integrity-mismatch', 'ghost@9.9.9': 'not-found',
    });
    assert.ok(reg.urls.includes(versionUrl('https://registry.npmjs.org', '@scope/pkg', '2.0.0')));
    assert.equal(reg.urls.filter((u) => u.includes('/good/')).length, 1); // duplicates fetched once
  });
  it('fails with one line when the registry is unreachable', async () => {
    await assert.rejects(verifyNpmSignatures([{ name: 'a', version: '1.0.0' }], async () => { throw new TypeError('fetch failed'); }), (e: Error) => e instanceof SignatureCheckError && /fetch failed/.test(e.message));
  });
});
