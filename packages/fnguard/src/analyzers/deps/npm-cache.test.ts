import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deprecationsFromNpmCache } from './npm-cache.js';
import { cachePut } from './fixtures/npm-cache-writer.js';

describe('npm cache deprecations', () => {
  it('reads deprecated versions from cached registry documents', () => {
    const cache = mkdtempSync(join(tmpdir(), 'fng-cacache-'));
    try {
      cachePut(cache, 'make-fetch-happen:request-cache:https://registry.npmjs.org/request', {
        name: 'request', versions: { '2.88.2': { deprecated: 'request has been deprecated, see https://github.com/request/request/issues/3142' }, '2.88.0': {} },
      });
      cachePut(cache, 'make-fetch-happen:request-cache:https://registry.npmjs.org/@scope%2fold', { versions: { '1.0.0': { deprecated: 'use @scope/new' } } });
      const m = deprecationsFromNpmCache(cache, [
        { name: 'request', version: '2.88.2' }, { name: 'request', version: '2.88.0' },
        { name: '@scope/old', version: '1.0.0' }, { name: 'uncached', version: '1.0.0' },
      ]);
      assert.deepEqual([...m.keys()].sort(), ['@scope/old@1.0.0', 'request@2.88.2']);
      assert.match(m.get('request@2.88.2')!, /request has been deprecated/);
      assert.equal(deprecationsFromNpmCache(join(cache, 'nope'), [{ name: 'request', version: '2.88.2' }]).size, 0);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
