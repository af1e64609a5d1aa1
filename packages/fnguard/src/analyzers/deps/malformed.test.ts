import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePackageJson, parsePackageLock } from './npm.js';
import { parseYarnLock } from './yarn.js';
import { parsePnpmLock } from './pnpm.js';
import { parsePipfile, parsePipfileLock, parsePoetryLock, parsePyproject, parseRequirements } from './python.js';
import { LockfileError } from './types.js';

// Wrong shapes and garbage: each parser either returns (possibly empty) or throws its own
// LockfileError – never a TypeError from reading a field that is not there.
const INPUTS = [
  '', '[]', '{}', 'null', '42', '"x"', '{"lockfileVersion": 3, "packages": 5}', '{"lockfileVersion": 3, "packages": {"node_modules/a": null, "node_modules/b": [1], "": 7}}',
  '{"lockfileVersion": 1, "dependencies": {"a": {"version": 5, "requires": [1], "dependencies": "x"}}}', '{"dependencies": {"a": 1}, "devDependencies": null}',
  'packages: 5', 'lockfileVersion: 9\nimporters: 5\npackages:\n  a@1: 7\nsnapshots: []', '__metadata: 3\n"a@npm:1": 5',
  'package = 5', '[[package]]\nname = 3\n[metadata]\nfiles = 4', '{"default": [1], "_meta": {"sources": "x"}}', '{"default": {"a": {"version": 5, "hashes": "x"}}}',
  '-r\n--hash\n==\n@\n; python_version < "3"\n\\\n', '\u0000\u0001\u0002', 'a'.repeat(10_000),
];
const PARSERS: [string, (t: string) => unknown][] = [
  ['package.json', (t) => parsePackageJson('package.json', t)],
  ['package-lock', (t) => parsePackageLock('package-lock.json', t)],
  ['yarn', (t) => parseYarnLock('yarn.lock', t)],
  ['pnpm', (t) => parsePnpmLock('pnpm-lock.yaml', t)],
  ['requirements', (t) => parseRequirements('requirements.txt', t)],
  ['poetry', (t) => parsePoetryLock('poetry.lock', t)],
  ['pyproject', (t) => parsePyproject('pyproject.toml', t)],
  ['Pipfile', (t) => parsePipfile('Pipfile', t)],
  ['Pipfile.lock', (t) => parsePipfileLock('Pipfile.lock', t)],
];

describe('parsers on malformed input', () => {
  for (const [name, parse] of PARSERS) {
    it(name, () => {
      for (const input of INPUTS) {
        try {
          parse(input);
        } catch (err) {
          assert.ok(err instanceof LockfileError, `${name} threw ${(err as Error).name}: ${(err as Error).message} on ${JSON.stringify(input.slice(0, 60))}`);
          assert.ok(!err.message.includes('\n'));
        }
      }
    });
  }
});
