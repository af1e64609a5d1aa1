import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyDocument, Statement } from '../../model/types.js';
import { effectivePermissions, evaluate } from './evaluate.js';

let line = 0;
function st(s: Omit<Statement, 'loc'>): Statement {
  return { ...s, loc: { file: 'policy.json', line: ++line } };
}
function doc(kind: PolicyDocument['kind'], ...statements: Statement[]): PolicyDocument {
  return { name: `p${line}`, kind, loc: { file: 'policy.json', line: 1 }, statements };
}
const allow = (action: string[], resource: string[] = ['*'], extra: Partial<Statement> = {}) => st({ effect: 'Allow', action, resource, ...extra });
const deny = (action: string[], resource: string[] = ['*'], extra: Partial<Statement> = {}) => st({ effect: 'Deny', action, resource, ...extra });

describe('evaluate', () => {
  it('combines statements across the policies of one principal', () => {
    const a = allow(['s3:GetObject'], ['arn:aws:s3:::orders/*']);
    const b = allow(['dynamodb:PutItem'], ['arn:aws:dynamodb:eu-west-1:1:table/orders']);
    const policies = [doc('inline', a), doc('managed', b)];
    assert.deepEqual(evaluate(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::orders/2026/1.json' }), {
      decision: 'allowed', statements: [a], conditional: false, restrictive: false, conditionalDenies: [],
    });
    assert.equal(evaluate(policies, { action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:eu-west-1:1:table/orders' }).decision, 'allowed');
    assert.equal(evaluate(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::other/x' }).decision, 'implicit-deny');
  });

  it('lets an explicit Deny anywhere win', () => {
    const d = deny(['s3:Delete*']);
    const r = evaluate([doc('inline', allow(['s3:*'])), doc('inline', d)], { action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/k' });
    assert.equal(r.decision, 'explicit-deny');
    assert.deepEqual(r.statements, [d]);
  });

  it('matches actions case-insensitively and resources case-sensitively', () => {
    const p = [doc('inline', allow(['S3:getobject'], ['arn:aws:s3:::Bucket/*']))];
    assert.equal(evaluate(p, { action: 's3:GetObject', resource: 'arn:aws:s3:::Bucket/k' }).decision, 'allowed');
    assert.equal(evaluate(p, { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k' }).decision, 'implicit-deny');
  });

  it('allows what NotAction and NotResource do not name', () => {
    const p = [doc('inline', st({ effect: 'Allow', notAction: ['iam:*'], notResource: ['arn:aws:s3:::secret/*'] }))];
    assert.equal(evaluate(p, { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:eu-west-1:1:instance/i-1' }).decision, 'allowed');
    assert.equal(evaluate(p, { action: 'iam:PassRole', resource: 'arn:aws:iam::1:role/x' }).decision, 'implicit-deny');
    assert.equal(evaluate(p, { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/k' }).decision, 'implicit-deny');
  });

  it('treats a request for a pattern as "all of these"', () => {
    const p = [doc('inline', allow(['s3:GetObject'], ['arn:aws:s3:::b/*']))];
    assert.equal(evaluate(p, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/logs/*' }).decision, 'allowed');
    assert.equal(evaluate(p, { action: 's3:GetObject', resource: '*' }).decision, 'implicit-deny');
  });

  it('honours conditions: evaluated with a context, conditional without, never when impossible', () => {
    const c = allow(['iam:PassRole'], ['*'], { condition: { StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com'] } } });
    const p = [doc('inline', c)];
    assert.equal(evaluate(p, { action: 'iam:PassRole', resource: 'arn:aws:iam::1:role/r', context: { 'iam:PassedToService': 'ec2.amazonaws.com' } }).decision, 'implicit-deny');
    const r = evaluate(p, { action: 'iam:PassRole', resource: 'arn:aws:iam::1:role/r' });
    assert.equal(r.decision, 'allowed');
    assert.ok(r.conditional && r.restrictive);
    const never = [doc('inline', allow(['s3:*'], ['*'], { condition: { IpAddress: { 'aws:SourceIp': [] } } }))];
    assert.equal(evaluate(never, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).decision, 'implicit-deny');
  });

  it('does not apply a Deny whose condition is unknown, but lists it', () => {
    const d = deny(['s3:*'], ['*'], { condition: { Bool: { 'aws:SecureTransport': ['false'] } } });
    const p = [doc('inline', allow(['s3:GetObject']), d)];
    const r = evaluate(p, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
    assert.equal(r.decision, 'allowed');
    assert.deepEqual(r.conditionalDenies, [d]);
    assert.equal(evaluate(p, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SecureTransport': 'false' } }).decision, 'explicit-deny');
  });

  it('intersects with the permissions boundary and ignores trust and resource policies', () => {
    const p = [doc('inline', allow(['*'])), doc('boundary', allow(['s3:GetObject'])), doc('trust', allow(['lambda:*']))];
    assert.equal(evaluate(p, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).decision, 'allowed');
    assert.equal(evaluate(p, { action: 'iam:PutRolePolicy', resource: 'arn:aws:iam::1:role/x' }).decision, 'implicit-deny');
    assert.equal(evaluate([doc('trust', allow(['lambda:*']))], { action: 'lambda:InvokeFunction', resource: '*' }).decision, 'implicit-deny');
  });

  it('resolves policy variables from the context', () => {
    const p = [doc('inline', allow(['iam:CreateAccessKey'], ['arn:aws:iam::1:user/${aws:username}']))];
    assert.equal(evaluate(p, { action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::1:user/bob', context: { 'aws:username': 'bob' } }).decision, 'allowed');
    assert.equal(evaluate(p, { action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::1:user/alice', context: { 'aws:username': 'bob' } }).decision, 'implicit-deny');
  });
});

describe('effectivePermissions', () => {
  it('expands allowed actions and removes unconditionally denied ones', () => {
    const a = allow(['s3:*']);
    const perms = effectivePermissions([doc('inline', a, deny(['s3:Delete*']))]);
    assert.ok(perms.actions.has('s3:GetObject'));
    assert.ok(!perms.actions.has('s3:DeleteObject') && !perms.actions.has('s3:DeleteBucket'));
    const get = perms.actions.get('s3:GetObject')!;
    assert.deepEqual(get.resources, ['*']);
    assert.deepEqual(get.statements, [a]);
    assert.equal(get.accessLevel, 'Read');
  });

  it('keeps a grant that a Deny covers only partly, drops one it covers fully', () => {
    const perms = effectivePermissions([
      doc('inline', allow(['s3:GetObject'], ['*', 'arn:aws:s3:::logs/*']), deny(['s3:GetObject'], ['arn:aws:s3:::*'])),
    ]);
    assert.deepEqual(perms.actions.get('s3:GetObject')?.resources, ['*']);
  });

  it('expands NotAction to everything else', () => {
    const perms = effectivePermissions([doc('inline', st({ effect: 'Allow', notAction: ['iam:*', 's3:*'], resource: ['*'] }))], {});
    assert.ok(perms.actions.has('lambda:InvokeFunction'));
    assert.ok(![...perms.actions.keys()].some((a) => a.startsWith('iam:') || a.startsWith('s3:')));
  });

  it('drops grants under impossible conditions and marks conditional ones', () => {
    const perms = effectivePermissions([
      doc(
        'inline',
        allow(['sqs:SendMessage'], ['*'], { condition: { StringEquals: { k: ['a'] }, StringNotEquals: { k: ['a'] } } }),
        allow(['sns:Publish'], ['*'], { condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }),
      ),
    ]);
    assert.ok(!perms.actions.has('sqs:SendMessage'));
    const g = perms.actions.get('sns:Publish')!.grants[0]!;
    assert.ok(g.conditional && !g.restrictive);
  });

  it('narrows grants to the permissions boundary', () => {
    const perms = effectivePermissions([doc('inline', allow(['s3:GetObject', 's3:PutObject'])), doc('boundary', allow(['s3:GetObject'], ['arn:aws:s3:::public/*']))]);
    assert.deepEqual([...perms.actions.keys()], ['s3:GetObject']);
    assert.deepEqual(perms.actions.get('s3:GetObject')!.resources, ['arn:aws:s3:::public/*']);
  });

  it('computes only the requested actions when asked', () => {
    const perms = effectivePermissions([doc('inline', allow(['*']))], { actions: ['iam:passrole', 'lambda:CreateFunction'] });
    assert.deepEqual([...perms.actions.keys()].sort(), ['iam:PassRole', 'lambda:CreateFunction']);
  });
});

describe('resource variables', () => {
  it('treats unresolved CloudFormation pseudo parameters as unknown parts of the ARN', () => {
    const p = [doc('inline', allow(['lambda:InvokeFunction'], ['arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:worker']))];
    assert.equal(evaluate(p, { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:eu-west-1:111122223333:function:worker' }).decision, 'allowed');
    assert.equal(evaluate(p, { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:eu-west-1:111122223333:function:other' }).decision, 'implicit-deny');
  });
});
