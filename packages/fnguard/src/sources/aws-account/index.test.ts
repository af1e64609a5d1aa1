import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParseError } from '../../core/errors.js';
import { runRules } from '../../findings/engine.js';
import { awsIamRules } from '../../rules/iam/index.js';
import { loadAccountExport } from './index.js';

const trust = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));

const EXPORT = `{
  "UserDetailList": [
    {
      "UserName": "alice",
      "Arn": "arn:aws:iam::111122223333:user/alice",
      "UserPolicyList": [
        { "PolicyName": "own", "PolicyDocument": { "Statement": { "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*" } } }
      ],
      "GroupList": ["devs", "ghost"],
      "AttachedManagedPolicies": []
    }
  ],
  "GroupDetailList": [
    {
      "GroupName": "devs",
      "GroupPolicyList": [
        { "PolicyName": "deploy", "PolicyDocument": { "Statement": [
          { "Effect": "Allow", "Action": ["lambda:UpdateFunctionCode"], "Resource": "*" }
        ] } }
      ],
      "AttachedManagedPolicies": [{ "PolicyName": "reader", "PolicyArn": "arn:aws:iam::111122223333:policy/reader" }]
    }
  ],
  "RoleDetailList": [
    {
      "RoleName": "fn",
      "Arn": "arn:aws:iam::111122223333:role/fn",
      "AssumeRolePolicyDocument": "${trust}",
      "RolePolicyList": [],
      "AttachedManagedPolicies": [
        { "PolicyName": "reader", "PolicyArn": "arn:aws:iam::111122223333:policy/reader" },
        { "PolicyName": "Unlisted", "PolicyArn": "arn:aws:iam::aws:policy/Unlisted" }
      ],
      "PermissionsBoundary": { "PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/reader" }
    }
  ],
  "Policies": [
    { "PolicyName": "reader", "Arn": "arn:aws:iam::111122223333:policy/reader",
      "PolicyVersionList": [
        { "VersionId": "v1", "IsDefaultVersion": false, "Document": { "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }] } },
        { "VersionId": "v2", "IsDefaultVersion": true, "Document": { "Statement": [
          { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "Bool": { "aws:SecureTransport": true } } }
        ] } }
      ] }
  ]
}`;

describe('account export source', () => {
  const { model, stats } = loadAccountExport(EXPORT, '/exports/account.json');

  it('creates roles and users with ARNs and lines', () => {
    assert.deepEqual(stats, { roles: 1, users: 1, groups: 1, policies: 1 });
    assert.equal(model.root, '/exports');
    const role = model.identities.get('aws:role:account.json#fn')!;
    assert.equal(role.kind, 'aws-iam-role');
    assert.deepEqual([role.loc.line, role.arn?.value], [26, 'arn:aws:iam::111122223333:role/fn']);
    assert.equal(model.identities.get('aws:user:account.json#alice')!.kind, 'aws-iam-user');
  });

  it('decodes URL-encoded trust policies', () => {
    const role = model.identities.get('aws:role:account.json#fn')!;
    assert.deepEqual(role.trustPolicy?.statements.map((s) => [s.principal, s.action, s.loc.line]), [[{ Service: ['lambda.amazonaws.com'] }, ['sts:AssumeRole'], 28]]);
  });

  it('resolves managed policies to their default version and keeps unknown ones as ARNs', () => {
    const role = model.identities.get('aws:role:account.json#fn')!;
    const managed = role.policies.filter((p) => p.kind === 'managed');
    assert.deepEqual(managed.map((p) => [p.name, p.statements[0]!.action, p.statements[0]!.loc.line, p.statements[0]!.condition]), [
      ['reader', ['s3:GetObject'], 42, { Bool: { 'aws:SecureTransport': ['true'] } }],
    ]);
    assert.deepEqual(role.managedPolicyArns.map((r) => [r.value, r.loc.line]), [
      ['arn:aws:iam::111122223333:policy/reader', 31],
      ['arn:aws:iam::aws:policy/Unlisted', 32],
    ]);
  });

  it('adds the permissions boundary document', () => {
    const role = model.identities.get('aws:role:account.json#fn')!;
    assert.equal(role.permissionsBoundary?.value, 'arn:aws:iam::111122223333:policy/reader');
    assert.deepEqual(role.policies.filter((p) => p.kind === 'boundary').map((p) => p.name), ['reader']);
  });

  it('gives users the policies of their groups and warns about unknown groups', () => {
    const user = model.identities.get('aws:user:account.json#alice')!;
    assert.deepEqual(user.policies.map((p) => `${p.kind}:${p.name}:${p.statements[0]!.loc.line}`), ['inline:own:7', 'inline:devs/deploy:18', 'managed:reader:42']);
    assert.deepEqual(user.managedPolicyArns.map((r) => r.value), ['arn:aws:iam::111122223333:policy/reader']);
    assert.deepEqual(model.diagnostics.map((d) => d.message), ['user alice: group ghost is not in the export']);
  });

  const bad: [string, string, RegExp][] = [
    ['invalid JSON', '{"RoleDetailList": [', /^invalid JSON at line 1/],
    ['not an export', '{"Roles": []}', /not an account authorization export/],
    ['a list that is not a list', '{"RoleDetailList": {}}', /^RoleDetailList: expected a list$/],
    ['an entry that is not an object', '{"RoleDetailList": [1]}', /^RoleDetailList\[0\]: expected an object$/],
    ['a role without name', '{"RoleDetailList": [{"Arn": "x"}]}', /^RoleDetailList\[0\]\.RoleName: expected a non-empty string$/],
    ['a bad Effect', '{"RoleDetailList": [{"RoleName": "r", "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "allow", "Action": "*"}]}}]}]}', /Statement\[0\]\.Effect: expected "Allow" or "Deny"/],
    ['a numeric Action', '{"RoleDetailList": [{"RoleName": "r", "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": 5}]}}]}]}', /Statement\[0\]\.Action: expected a string or a list of strings/],
    ['a broken encoded document', '{"RoleDetailList": [{"RoleName": "r", "AssumeRolePolicyDocument": "%7B%22oops"}]}', /neither JSON nor URL-encoded JSON/],
    ['no default policy version', '{"RoleDetailList": [], "Policies": [{"PolicyName": "p", "Arn": "a", "PolicyVersionList": [{"IsDefaultVersion": false, "Document": {}}]}]}', /no PolicyVersionList entry has IsDefaultVersion true/],
    ['a non-string group', '{"UserDetailList": [{"UserName": "u", "GroupList": [1]}]}', /GroupList: expected a list of group names/],
  ];
  for (const [name, text, re] of bad) {
    it(`rejects ${name} with a one-line ParseError`, () => {
      assert.throws(() => loadAccountExport(text, '/x/bad.json'), (err: unknown) => err instanceof ParseError && re.test(err.message) && !err.message.includes('\n'));
    });
  }
});

describe('account export source on damaged input', () => {
  // Seeded mutations of a valid export: every value may be replaced by a value of another type.
  // Loading must either succeed or fail with a one-line ParseError — never another exception.
  const base = JSON.parse(EXPORT) as unknown;
  const odd: unknown[] = [null, 0, -1, true, 'x', '', [], {}, [1, 'a'], { Statement: 5 }, '%7B', 'Allow', ['*'], { AWS: 7 }];
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  function mutate(v: unknown, depth: number): unknown {
    if (rand(12) === 0) return odd[rand(odd.length)];
    if (Array.isArray(v)) return v.map((x) => mutate(x, depth + 1));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(() => rand(20) !== 0).map(([k, x]) => [k, mutate(x, depth + 1)]));
    return v;
  }
  it('never throws anything but a one-line ParseError, and the IAM rules never fail on what loads (400 mutations)', async () => {
    let failures = 0;
    for (let i = 0; i < 400; i++) {
      const text = JSON.stringify(mutate(base, 0));
      try {
        const { model } = loadAccountExport(text, '/x/m.json');
        await runRules(model, awsIamRules);
        const broken = model.diagnostics.filter((d) => d.message.startsWith('rule '));
        assert.deepEqual(broken, [], `mutation ${i}: ${text}`);
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
        assert.ok(err instanceof ParseError && !err.message.includes('\n'), `mutation ${i}: ${String(err)}\n${text}`);
        failures++;
      }
    }
    assert.ok(failures > 0 && failures < 400, `mutations rejected: ${failures}`);
  });
});
