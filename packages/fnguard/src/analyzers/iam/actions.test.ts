import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessLevels, actionInfo, allServices, canonicalAction, expandActionPattern } from './actions.js';

describe('expandActionPattern', () => {
  it('expands a prefix wildcard to canonical names of that service only', () => {
    const got = expandActionPattern('s3:Get*');
    assert.ok(got.includes('s3:GetObject'));
    assert.ok(got.length > 20);
    assert.ok(got.every((a) => a.startsWith('s3:Get')), got.find((a) => !a.startsWith('s3:Get')));
  });

  it('is case-insensitive and returns canonical casing', () => {
    assert.deepEqual(expandActionPattern('S3:GETOBJECT'), ['s3:GetObject']);
    assert.deepEqual(expandActionPattern('s3:get*'), expandActionPattern('s3:Get*'));
  });

  it('expands infix and ? wildcards', () => {
    const got = expandActionPattern('iam:*Policy*');
    assert.ok(got.includes('iam:PutRolePolicy') && got.includes('iam:CreatePolicyVersion'));
    assert.ok(!got.includes('iam:PassRole'));
    assert.deepEqual(expandActionPattern('sts:AssumeRol?'), ['sts:AssumeRole']);
  });

  it('expands "*" and "service:*" to every action of the dataset / service', () => {
    const all = expandActionPattern('*');
    const lambda = expandActionPattern('lambda:*');
    assert.ok(lambda.includes('lambda:InvokeFunction') && lambda.every((a) => a.startsWith('lambda:')));
    assert.ok(all.length > 10_000);
    assert.ok(lambda.every((a) => all.includes(a)));
    assert.equal(new Set(all).size, all.length);
  });

  it('expands to nothing for unknown services, unknown actions and malformed patterns', () => {
    assert.deepEqual(expandActionPattern('nosuchservice:*'), []);
    assert.deepEqual(expandActionPattern('s3:NoSuchAction'), []);
    assert.deepEqual(expandActionPattern('s3'), []);
  });
});

describe('actionInfo', () => {
  it('gives service, canonical name, access level, resource types with ARN formats and condition keys', () => {
    const info = actionInfo('LAMBDA:invokefunction');
    assert.ok(info);
    assert.equal(info.service, 'lambda');
    assert.equal(info.name, 'InvokeFunction');
    assert.equal(info.accessLevel, 'Write');
    const fn = info.resourceTypes.find((r) => r.name === 'function');
    assert.ok(fn && fn.arnPatterns.some((p) => p.includes(':function:')), JSON.stringify(info.resourceTypes));
  });

  it('splits combined access levels', () => {
    assert.deepEqual(accessLevels('iam:PutRolePolicy').sort(), ['Permissions management', 'Write']);
    assert.deepEqual(accessLevels('s3:GetObject'), ['Read']);
    assert.deepEqual(accessLevels('s3:ListAllMyBuckets'), ['List']);
  });

  it('returns undefined for unknown actions', () => {
    assert.equal(actionInfo('nope:Nope'), undefined);
    assert.equal(actionInfo('iam'), undefined);
    assert.equal(canonicalAction('iam:passrole'), 'iam:PassRole');
  });
});

describe('allServices', () => {
  it('lists the service prefixes, sorted', () => {
    const s = allServices();
    assert.ok(s.includes('s3') && s.includes('lambda') && s.includes('iam'));
    assert.deepEqual([...s].sort(), s);
  });
});
