import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { damerauLevenshtein, popularNames, TyposquatChecker } from './typosquat.js';

describe('typosquatting', () => {
  it('computes Damerau-Levenshtein (OSA) distances with a cut-off', () => {
    assert.equal(damerauLevenshtein('lodash', 'lodahs'), 1); // transposition
    assert.equal(damerauLevenshtein('lodash', 'lodas'), 1);
    assert.equal(damerauLevenshtein('express', 'exprss'), 1);
    assert.equal(damerauLevenshtein('requests', 'reqeusts'), 1);
    assert.equal(damerauLevenshtein('kitten', 'sitting', 2), 3);
    assert.equal(damerauLevenshtein('abc', 'abcdefgh', 2), 3);
  });
  it('ships popular lists', () => {
    assert.ok(popularNames('npm').length >= 300);
    assert.ok(popularNames('PyPI').length >= 250);
    assert.ok(popularNames('PyPI').includes('pyyaml'));
  });
  const npm = new TyposquatChecker('npm');
  const py = new TyposquatChecker('PyPI');
  it('flags near names', () => {
    assert.deepEqual(npm.check('lodahs'), { popular: 'lodash', distance: 1 });
    assert.deepEqual(npm.check('crossenv'), { popular: 'cross-env', distance: 1 });
    assert.equal(npm.check('expresss')?.popular, 'express');
    assert.equal(npm.check('@aws-sdkk/client-s3')?.popular, '@aws-sdk/client-s3');
    assert.equal(npm.check('@bable/core')?.popular, '@babel/core');
    assert.equal(py.check('reqeusts')?.popular, 'requests');
    assert.equal(py.check('python3-dateutil')?.popular, 'python-dateutil');
  });
  it('does not flag popular names, short names or unrelated names', () => {
    assert.equal(npm.check('lodash'), undefined);
    assert.equal(npm.check('react-dom'), undefined);
    assert.equal(npm.check('vuex'), undefined);
    assert.equal(npm.check('ky'), undefined);
    assert.equal(npm.check('pgx'), undefined);
    assert.equal(npm.check('left-pad'), undefined);
    assert.equal(npm.check('@myorg/lodash'), undefined);
    assert.equal(npm.check('@aws-sdk/client-ses'), undefined); // same scope: the owner's own package
    assert.equal(py.check('PyYAML'), undefined);
    assert.equal(py.check('Flask_Cors'), undefined);
  });
});
