import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildSbom, hashOf, purlOf } from './sbom.js';
import { parsePackageJson, parsePackageLock } from './npm.js';
import { parseRequirements } from './python.js';

const require = createRequire(import.meta.url);
const schemaDir = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema');
const load = (n: string) => JSON.parse(readFileSync(join(schemaDir, n), 'utf8')) as object;

export function cyclonedx16Validator() {
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // the bom schema refers to its siblings by file name, relative to its own $id
  for (const n of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) ajv.addSchema({ ...load(n), $id: `http://cyclonedx.org/schema/${n}` });
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}

const SHA512 = 'sha512-' + Buffer.alloc(64, 7).toString('base64');
const LOCK = JSON.stringify({
  name: 'svc', lockfileVersion: 3, packages: {
    '': { name: 'svc', dependencies: { '@aws-sdk/client-s3': '3.0.0', express: '4.18.2' } },
    'node_modules/@aws-sdk/client-s3': { version: '3.0.0', resolved: 'https://registry.npmjs.org/@aws-sdk/client-s3/-/client-s3-3.0.0.tgz', integrity: SHA512, license: 'Apache-2.0' },
    'node_modules/express': { version: '4.18.2', integrity: 'sha1-' + Buffer.alloc(20, 1).toString('base64'), license: '(MIT OR Apache-2.0)', dependencies: { qs: '6.11.0' } },
    'node_modules/qs': { version: '6.11.0', integrity: 'sha512-short==', license: 'BSD-3-Clause' },
  },
}, null, 2);

describe('SBOM', () => {
  it('decodes integrity and builds purls', () => {
    assert.deepEqual(hashOf(SHA512), ['SHA-512', '07'.repeat(64)]);
    assert.equal(hashOf('sha512-short=='), undefined);
    assert.deepEqual(hashOf('sha256:' + 'ab'.repeat(32)), ['SHA-256', 'ab'.repeat(32)]);
    const base = { ecosystem: 'npm' as const, direct: true, path: [], integrity: [], source: 'registry' as const, line: 1, dependsOn: [] };
    assert.equal(purlOf({ ...base, name: '@aws-sdk/client-s3', version: '3.0.0' }), 'pkg:npm/%40aws-sdk/client-s3@3.0.0');
    assert.equal(purlOf({ ...base, ecosystem: 'PyPI', name: 'PyYAML', version: '5.3.1' }), 'pkg:pypi/pyyaml@5.3.1');
  });
  it('writes valid CycloneDX 1.6 with components, hashes, licences and the dependency graph', () => {
    const lock = parsePackageLock('package-lock.json', LOCK, parsePackageJson('package.json', JSON.stringify({ dependencies: { '@aws-sdk/client-s3': '3.0.0', express: '4.18.2' } })));
    const py = parseRequirements('requirements.txt', 'requests==2.31.0 --hash=sha256:' + 'cd'.repeat(32) + '\n');
    const json = buildSbom({ name: 'api', id: 'serverless.yml#api', cloud: 'aws' }, [lock, py], '0.1.0');
    const bom = JSON.parse(json);
    const validate = cyclonedx16Validator();
    assert.ok(validate(bom), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(bom.specVersion, '1.6');
    assert.equal(bom.components.length, 4);
    const s3 = bom.components.find((c: { name: string }) => c.name === 'client-s3');
    assert.equal(s3.group, '@aws-sdk');
    assert.deepEqual(s3.hashes, [{ alg: 'SHA-512', content: '07'.repeat(64) }]);
    assert.deepEqual(s3.licenses, [{ license: { id: 'Apache-2.0' } }]);
    const express = bom.components.find((c: { name: string }) => c.name === 'express');
    assert.deepEqual(express.licenses, [{ expression: '(MIT OR Apache-2.0)' }]);
    const qs = bom.components.find((c: { name: string }) => c.name === 'qs');
    assert.equal(qs.hashes, undefined); // malformed integrity is not invented into a hash
    const deps = Object.fromEntries(bom.dependencies.map((d: { ref: string; dependsOn?: string[] }) => [d.ref, d.dependsOn ?? []]));
    assert.deepEqual(deps['function:api'].sort(), ['pkg:npm/%40aws-sdk/client-s3@3.0.0', 'pkg:npm/express@4.18.2', 'pkg:pypi/requests@2.31.0']);
    assert.deepEqual(deps['pkg:npm/express@4.18.2'], ['pkg:npm/qs@6.11.0']);
  });
  it('the validator rejects a broken BOM', () => {
    const validate = cyclonedx16Validator();
    assert.equal(validate({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'x' }] }), false);
  });
});

describe('fnguard sbom', async () => {
  const { sbomCommand } = await import('../../cli/commands/sbom.js');
  const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { fileURLToPath } = await import('node:url');
  const fixture = (n: string) => fileURLToPath(new URL(`../../rules/supply-chain/fixtures/${n}`, import.meta.url));
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await sbomCommand.run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: process.cwd() });
    return { code, out: out.join(''), err: err.join('') };
  };
  const validate = cyclonedx16Validator();

  it('writes a valid BOM for the function of a fixture', async () => {
    const r = await run(fixture('npm-risky'));
    assert.equal(r.code, 0, r.err);
    const bom = JSON.parse(r.out);
    assert.ok(validate(bom), JSON.stringify(validate.errors?.slice(0, 3)));
    const names = bom.components.map((c: { name: string }) => c.name).sort();
    assert.ok(names.includes('lodash') && names.includes('minimist'), names.join(','));
  });
  it('writes one file per function into a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-sbom-'));
    try {
      const ex = fileURLToPath(new URL('../../../../../examples/serverless-app', import.meta.url));
      const noOut = await run(ex);
      const r = await run(ex, '--output', dir);
      const files = readdirSync(dir).sort();
      if (files.length > 1) {
        assert.equal(noOut.code, 2);
        assert.equal(noOut.err.trim().split('\n').length, 1);
      }
      assert.equal(r.code, 0, r.err);
      for (const f of files) assert.ok(validate(JSON.parse(readFileSync(join(dir, f), 'utf8'))), f);
      assert.ok(files.length >= 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('exits 2 with one line on bad flags or unknown functions', async () => {
    for (const argv of [[fixture('npm-risky'), '--bogus'], [fixture('npm-risky'), '--function', 'nope'], []]) {
      const r = await run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.err.trim().split('\n').length, 1);
      assert.equal(r.out, '');
    }
  });
});
