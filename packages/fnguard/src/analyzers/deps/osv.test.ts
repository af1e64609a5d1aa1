import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { cvss3BaseScore } from './cvss.js';
import { INDEX_FILE, loadVulnDb, VulnIndex, type OsvRecord } from './osv.js';
import { ZipError } from './zip.js';

const FIX = fileURLToPath(new URL('./fixtures/osv', import.meta.url));

describe('CVSS v3 base score', () => {
  it('computes known scores', () => {
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 9.8);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H'), 9.1);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N'), 6.1);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'), 6.1);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:N'), 0);
    assert.equal(cvss3BaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'), undefined);
  });
});

describe('OSV index', () => {
  const db = loadVulnDb(FIX);
  it('loads a directory of OSV records', () => {
    assert.equal(db.size, 5);
    assert.equal(db.packageCount, 5);
  });
  it('applies npm ranges with fixed versions', () => {
    const l = db.lookup('npm', 'lodash', '4.17.11');
    assert.equal(l.length, 1);
    assert.deepEqual([l[0]!.advisory.id, l[0]!.advisory.aliases, l[0]!.fixed, l[0]!.advisory.severity], ['GHSA-jf85-cpcp-j695', ['CVE-2019-10744'], '4.17.12', 'critical']);
    assert.match(l[0]!.advisory.severityText!, /CVSS:3\.1\/AV:N.*\(9\.1\)/);
    assert.deepEqual(db.lookup('npm', 'lodash', '4.17.12'), []);
    assert.deepEqual(db.lookup('npm', 'lodash', '4.17.21'), []);
  });
  it('handles several intervals', () => {
    assert.equal(db.lookup('npm', 'minimist', '0.0.8')[0]?.fixed, '0.2.4');
    assert.equal(db.lookup('npm', 'minimist', '1.2.5')[0]?.fixed, '1.2.6');
    assert.deepEqual(db.lookup('npm', 'minimist', '0.2.4'), []);
    assert.deepEqual(db.lookup('npm', 'minimist', '1.2.6'), []);
  });
  it('applies PEP 440 ordering and name normalisation for PyPI', () => {
    assert.equal(db.lookup('PyPI', 'requests', '2.30.0')[0]?.fixed, '2.31.0');
    assert.equal(db.lookup('PyPI', 'requests', '2.31.0rc1')[0]?.fixed, '2.31.0'); // pre-release sorts before final
    assert.deepEqual(db.lookup('PyPI', 'requests', '2.2.1'), []);
    assert.deepEqual(db.lookup('PyPI', 'requests', '2.31.0.post1'), []);
    assert.equal(db.lookup('PyPI', 'PyYAML', '5.3.1')[0]?.advisory.id, 'GHSA-8q59-q68h-6hv4');
    assert.equal(db.lookup('PyPI', 'py_yaml', '5.3.1').length, 0);
    assert.equal(db.lookup('PyPI', 'requests', '2.30.0')[0]?.advisory.severity, 'medium');
  });
  it('marks MAL- advisories critical and matches version lists', () => {
    const m = db.lookup('npm', 'flatmap-stream', '0.1.1');
    assert.deepEqual([m[0]?.advisory.malicious, m[0]?.advisory.severity, m[0]?.fixed], [true, 'critical', undefined]);
    assert.deepEqual(db.lookup('npm', 'flatmap-stream', '0.1.0'), []);
  });
  it('handles last_affected, withdrawn and database severity', () => {
    const idx = new VulnIndex();
    const rec = (id: string, extra: Partial<OsvRecord>): OsvRecord => ({
      id, affected: [{ package: { ecosystem: 'npm', name: 'pkg' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { last_affected: '1.4.0' }] }] }], ...extra,
    });
    idx.add(rec('GHSA-aaaa-bbbb-cccc', { database_specific: { severity: 'LOW' } }));
    idx.add(rec('GHSA-dddd-eeee-ffff', { withdrawn: '2024-01-01T00:00:00Z' }));
    assert.equal(idx.size, 1);
    assert.equal(idx.lookup('npm', 'pkg', '1.4.0')[0]?.advisory.severity, 'low');
    assert.deepEqual(idx.lookup('npm', 'pkg', '1.4.1'), []);
    assert.deepEqual(idx.lookup('npm', 'pkg', '0.9.0'), []);
  });
  it('reads an OSV all.zip and round-trips through the compact cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-osv-'));
    try {
      const files: Record<string, Uint8Array> = {};
      for (const n of readdirSync(FIX)) files[n] = strToU8(readFileSync(join(FIX, n), 'utf8'));
      files['broken.json'] = strToU8('{ not json');
      writeFileSync(join(dir, 'all.zip'), zipSync(files));
      const z = loadVulnDb(join(dir, 'all.zip'));
      assert.equal(z.size, 5);
      assert.equal(z.skipped, 1);
      writeFileSync(join(dir, INDEX_FILE), JSON.stringify(z.toJSON()));
      const c = loadVulnDb(dir);
      assert.equal(c.size, 5);
      const hit = c.lookup('npm', 'lodash', '4.17.11')[0]!;
      assert.deepEqual([hit.fixed, hit.advisory.severity, hit.advisory.aliases], ['4.17.12', 'critical', ['CVE-2019-10744']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('rejects a file that is not a zip with a one-line error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-osv-'));
    try {
      writeFileSync(join(dir, 'all.zip'), 'this is not a zip archive at all');
      assert.throws(() => loadVulnDb(join(dir, 'all.zip')), (e: Error) => e instanceof ZipError && !e.message.includes('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
