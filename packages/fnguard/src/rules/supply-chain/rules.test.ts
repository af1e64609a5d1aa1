import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scan } from '../../scan.js';
import { testRule } from '../tester.js';
import knownVulnerability from './known-vulnerability.js';
import maliciousPackage from './malicious-package.js';
import noLockfile from './no-lockfile.js';
import floatingRange from './floating-range.js';
import pythonUnpinned from './python-unpinned.js';
import nonRegistrySource from './non-registry-source.js';
import missingIntegrity from './missing-integrity.js';
import unexpectedRegistry from './unexpected-registry.js';
import installScript from './install-script.js';
import typosquat from './typosquat.js';
import deprecated from './deprecated.js';
import registrySignature from './registry-signature.js';
import { fakeRegistry } from '../../analyzers/deps/fixtures/fake-registry.js';
import { cachePut } from '../../analyzers/deps/fixtures/npm-cache-writer.js';
import { readFileSync } from 'node:fs';

const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const vulnDb = fileURLToPath(new URL('../../analyzers/deps/fixtures/osv', import.meta.url));
const withDb = { vulnDb };

testRule(knownVulnerability, {
  fail: [
    { fixture: fx('npm-risky'), expect: ['package-lock.json:36', 'package-lock.json:56'], messageIncludes: 'GHSA-' },
    { fixture: fx('py-risky'), expect: ['requirements.txt:2', 'requirements.txt:7'], messageIncludes: 'fixed in' },
  ],
  pass: [fx('npm-clean'), fx('py-clean')],
  ruleOptions: withDb,
});
testRule(maliciousPackage, { fail: [{ fixture: fx('npm-risky'), expect: ['package-lock.json:21'], messageIncludes: 'MAL-0000-0001' }], pass: [fx('npm-clean')], ruleOptions: withDb });
testRule(noLockfile, { fail: [{ fixture: fx('no-lockfile'), expect: ['package.json:5'] }], pass: [fx('npm-clean'), fx('py-clean')] });
testRule(floatingRange, { fail: [{ fixture: fx('npm-risky'), expect: ['package.json:5'], messageIncludes: '^4.17.0' }], pass: [fx('npm-clean')] });
testRule(pythonUnpinned, { fail: [{ fixture: fx('py-risky'), expect: ['requirements.txt:3', 'requirements.txt:5'] }], pass: [fx('py-clean')] });
testRule(nonRegistrySource, { fail: [{ fixture: fx('npm-risky'), expect: ['package-lock.json:42'] }, { fixture: fx('py-risky'), expect: ['requirements.txt:6'] }], pass: [fx('npm-clean'), fx('py-clean')] });
testRule(missingIntegrity, { fail: [{ fixture: fx('npm-risky'), expect: ['package-lock.json:61', 'package-lock.json:65'] }], pass: [fx('npm-clean'), fx('pnpm-deprecated')] });
testRule(unexpectedRegistry, {
  fail: [
    { fixture: fx('npm-risky'), expect: ['package-lock.json:26'] },
    { fixture: fx('py-risky'), expect: ['requirements.txt:1'] },
    // .npmrc maps @acme to the private registry; @acme/auth came from the public one
    { fixture: fx('npm-scope-confusion'), expect: ['package-lock.json:16'], messageIncludes: '.npmrc maps @acme' },
  ],
  pass: [fx('npm-clean'), fx('py-clean')],
});
testRule(installScript, { fail: [{ fixture: fx('npm-risky'), expect: ['package-lock.json:47'] }], pass: [fx('npm-clean')] });
testRule(typosquat, { fail: [{ fixture: fx('npm-risky'), expect: ['package-lock.json:31'], messageIncludes: '"lodash"' }, { fixture: fx('py-risky'), expect: ['requirements.txt:4'] }], pass: [fx('npm-clean'), fx('py-clean')] });
// a local npm cache that knows minimist 1.2.5 (nested in npm-risky) as deprecated
const npmCache = mkdtempSync(join(tmpdir(), 'fng-cacache-'));
after(() => rmSync(npmCache, { recursive: true, force: true }));
cachePut(npmCache, 'make-fetch-happen:request-cache:https://registry.npmjs.org/minimist', { versions: { '1.2.5': { deprecated: 'upgrade to 1.2.8' }, '1.2.8': {} } });
cachePut(npmCache, 'make-fetch-happen:request-cache:https://registry.npmjs.org/lodash', { versions: { '4.17.21': {} } });
testRule(deprecated, {
  fail: [{ fixture: fx('pnpm-deprecated'), expect: ['pnpm-lock.yaml:20'] }, { fixture: fx('npm-risky'), expect: ['package-lock.json:56'], messageIncludes: 'upgrade to 1.2.8' }],
  pass: [fx('npm-clean')],
  ruleOptions: { npmCache },
});

// an in-memory registry signing what the fixtures' lockfiles record, except three packages of npm-risky
const lockEntries = (f: string) => Object.entries(JSON.parse(readFileSync(join(fx(f), 'package-lock.json'), 'utf8')).packages as Record<string, { version?: string; integrity?: string }>)
  .filter(([k]) => k.includes('node_modules/')).map(([k, v]) => [`${k.slice(k.lastIndexOf('node_modules/') + 13)}@${v.version}`, v.integrity ?? ''] as const);
const registry = fakeRegistry(Object.fromEntries([...lockEntries('npm-clean'), ...lockEntries('npm-risky')].map(([k, integrity]) => [k, {
  integrity,
  signature: k === 'flatmap-stream@0.1.1' ? 'none' as const : k === 'lodahs@1.0.0' ? 'bad' as const : 'good' as const,
  served: k === 'lodash@4.17.11' ? 'sha512-somethingelse==' : undefined,
}])));
testRule(registrySignature, {
  fail: [{ fixture: fx('npm-risky'), expect: ['package-lock.json:21', 'package-lock.json:31', 'package-lock.json:36'] }],
  pass: [fx('npm-clean')],
  ruleOptions: { online: true, registryFetch: registry.fetchImpl },
});

describe('supply-chain findings in context', () => {
  it('name the function a lockfile governs and the dependency path', async () => {
    const res = await scan(fx('npm-risky'), { rules: [knownVulnerability], ruleOptions: withDb });
    const minimist = res.findings.find((f) => f.message.startsWith('minimist@1.2.5'))!;
    assert.match(minimist.message, /via native-thing → minimist/);
    assert.match(minimist.message, /GHSA-xvch-5gv4-984h \(CVE-2021-44906\)/);
    assert.match(minimist.message, /fixed in 1\.2\.6/);
    assert.equal(minimist.severity, 'critical');
    if (res.stats.functions > 0) assert.deepEqual(minimist.functions.map((f) => f.name), ['api']);
  });
  it('turn an unreadable vulnerability database into a one-line warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-baddb-'));
    try {
      writeFileSync(join(dir, 'all.zip'), 'not a zip');
      const res = await scan(fx('npm-risky'), { rules: [knownVulnerability], ruleOptions: { vulnDb: join(dir, 'all.zip') } });
      assert.deepEqual(res.findings, []);
      const w = res.diagnostics.filter((d) => d.message.startsWith('vulnerability database'));
      assert.equal(w.length, 1);
      assert.ok(!w[0]!.message.includes('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('honour fnguard-ignore comments written in requirements files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-sup-'));
    try {
      writeFileSync(join(dir, 'requirements.txt'), '# fnguard-ignore FNG_DEP_PYTHON_UNPINNED: tracked in JIRA-1\nflask>=2.0\nboto3\n');
      const res = await scan(dir, { rules: [pythonUnpinned] });
      const flask = res.findings.find((f) => f.loc.line === 2)!;
      assert.equal(flask.suppression?.reason, 'tracked in JIRA-1');
      assert.equal(res.findings.find((f) => f.loc.line === 3)!.suppression, undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
