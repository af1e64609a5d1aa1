import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCondition, isRestrictive, whyUnsatisfiable, type ConditionBlock } from './conditions.js';

describe('evaluateCondition', () => {
  const ev = (c: ConditionBlock, ctx: Record<string, string | string[]>, strict = false) => evaluateCondition(c, ctx, strict);

  it('evaluates string, ARN, bool, numeric, date and IP operators', () => {
    assert.equal(ev({ StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'] } }, { 'aws:principaltag/team': 'b' }), 'true');
    assert.equal(ev({ StringEquals: { 'aws:PrincipalTag/team': ['a'] } }, { 'aws:PrincipalTag/team': 'A' }), 'false');
    assert.equal(ev({ StringEqualsIgnoreCase: { k: ['a'] } }, { k: 'A' }), 'true');
    assert.equal(ev({ StringLike: { 's3:prefix': ['home/*'] } }, { 's3:prefix': 'home/x/y' }), 'true');
    assert.equal(ev({ ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::b*'] } }, { 'aws:SourceArn': 'arn:aws:s3:::other' }), 'false');
    assert.equal(ev({ Bool: { 'aws:SecureTransport': ['true'] } }, { 'aws:SecureTransport': 'TRUE' }), 'true');
    assert.equal(ev({ NumericLessThan: { 's3:max-keys': ['10'] } }, { 's3:max-keys': '9' }), 'true');
    assert.equal(ev({ DateGreaterThan: { 'aws:CurrentTime': ['2030-01-01T00:00:00Z'] } }, { 'aws:CurrentTime': '2026-11-25T00:00:00Z' }), 'false');
    assert.equal(ev({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }, { 'aws:SourceIp': '10.2.3.4' }), 'true');
    assert.equal(ev({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }, { 'aws:SourceIp': '10.2.3.4' }), 'false');
  });

  it('treats absent keys like IAM in strict mode: false, except IfExists, negated operators and Null', () => {
    assert.equal(ev({ StringEquals: { k: ['a'] } }, {}, true), 'false');
    assert.equal(ev({ StringEqualsIfExists: { k: ['a'] } }, {}, true), 'true');
    assert.equal(ev({ StringNotEquals: { k: ['a'] } }, {}, true), 'true');
    assert.equal(ev({ Null: { k: ['true'] } }, {}, true), 'true');
    assert.equal(ev({ Null: { k: ['false'] } }, {}, true), 'false');
  });

  it('applies ForAllValues / ForAnyValue to multi-valued keys', () => {
    const all = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } };
    assert.equal(ev(all, { 'aws:TagKeys': ['env'] }), 'true');
    assert.equal(ev(all, { 'aws:TagKeys': ['env', 'owner'] }), 'false');
    assert.equal(ev({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': ['owner', 'env'] }), 'true');
  });

  it('answers unknown for keys missing from the context in static mode', () => {
    assert.equal(ev({ StringEquals: { k: ['a'] } }, {}), 'unknown');
    assert.equal(ev({ StringEquals: { k: ['a'], j: ['x'] } }, { j: 'y' }), 'false');
  });
});

describe('whyUnsatisfiable', () => {
  const impossible: [string, ConditionBlock][] = [
    ['equals vs not-equals', { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] }, StringNotEquals: { 'aws:requestedregion': ['eu-west-1'] } }],
    ['two different exact values', { StringEquals: { k: ['a'] }, StringEqualsIgnoreCase: { k: ['b'] } }],
    ['bool vs string', { Bool: { 'aws:SecureTransport': ['true'] }, StringEquals: { 'aws:SecureTransport': ['false'] } }],
    ['Null true with a positive operator', { Null: { 'aws:RequestTag/team': ['true'] }, StringLike: { 'aws:RequestTag/team': ['*'] } }],
    ['empty SourceIp set', { IpAddress: { 'aws:SourceIp': [] } }],
    ['allowed range inside excluded range', { IpAddress: { 'aws:SourceIp': ['10.1.0.0/16'] }, NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }],
    ['empty numeric range', { NumericLessThan: { n: ['5'] }, NumericGreaterThan: { n: ['5'] } }],
    ['empty date range', { DateLessThan: { 'aws:CurrentTime': ['2020-01-01'] }, DateGreaterThan: { 'aws:CurrentTime': ['2021-01-01'] } }],
    ['like pattern excluded by not-like', { StringLike: { 's3:prefix': ['home/*'] }, StringNotLike: { 's3:prefix': ['*'] } }],
  ];
  for (const [name, c] of impossible) it(`finds ${name}`, () => assert.ok(whyUnsatisfiable(c), JSON.stringify(c)));

  const possible: [string, ConditionBlock][] = [
    ['equals vs a different not-equals', { StringEquals: { k: ['a', 'b'] }, StringNotEquals: { k: ['a'] } }],
    ['IfExists with Null true (key absent satisfies both)', { StringEqualsIfExists: { k: ['a'] }, Null: { k: ['true'] } }],
    ['overlapping ranges', { NumericGreaterThanEquals: { n: ['5'] }, NumericLessThanEquals: { n: ['5'] } }],
    ['partly excluded range', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] }, NotIpAddress: { 'aws:SourceIp': ['10.1.0.0/16'] } }],
    ['set operators are not folded', { 'ForAllValues:StringEquals': { k: [] } }],
  ];
  for (const [name, c] of possible) it(`accepts ${name}`, () => assert.equal(whyUnsatisfiable(c), undefined));
});

describe('isRestrictive', () => {
  it('is true for positive operators on keys the caller cannot choose', () => {
    assert.ok(isRestrictive({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }));
    assert.ok(isRestrictive({ StringEquals: { 'aws:ResourceTag/app': ['orders'] } }));
    assert.ok(isRestrictive({ StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com'] } }));
  });
  it('is false for caller-chosen keys, negated operators and skipped keys', () => {
    assert.ok(!isRestrictive({ StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } }));
    assert.ok(!isRestrictive({ StringNotEquals: { 'aws:SourceVpc': ['vpc-1'] } }));
    assert.ok(!isRestrictive({ StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com'] } }, ['iam:passedtoservice']));
    assert.ok(!isRestrictive(undefined));
  });
});
