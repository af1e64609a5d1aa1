import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyModel, type Identity, type Statement } from '../../model/types.js';
import { escalationPaths } from './escalation.js';

let line = 0;
function role(name: string, ...statements: Omit<Statement, 'loc'>[]): Identity {
  const loc = { file: 'template.yaml', line: ++line };
  return {
    id: `aws:role:template.yaml#${name}`, cloud: 'aws', kind: 'aws-iam-role', name, loc, managedPolicyArns: [], roleBindings: [],
    policies: [{ name: `${name}Policy`, kind: 'inline', loc, statements: statements.map((s) => ({ ...s, loc: { file: 'template.yaml', line: ++line } })) }],
  };
}

function modelOf(...roles: Identity[]) {
  const model = emptyModel('/t');
  for (const r of roles) model.identities.set(r.id, r);
  return model;
}

function ids(...roles: Identity[]): (r: Identity) => string[] {
  const model = modelOf(...roles);
  return (r) => escalationPaths(r, model).map((p) => p.technique.id);
}

describe('escalationPaths', () => {
  it('does not mistake CloudFormation pseudo parameters for the principal itself', () => {
    const others = role('Others', { effect: 'Allow', action: ['iam:CreateAccessKey'], resource: ['arn:aws:iam::${AWS::AccountId}:user/*'] });
    const self = role('Self', { effect: 'Allow', action: ['iam:CreateAccessKey'], resource: ['arn:aws:iam::${AWS::AccountId}:user/${aws:username}'] });
    const of = ids(others, self);
    assert.deepEqual(of(others), ['iam-create-access-key']);
    assert.deepEqual(of(self), []);
  });

  it('follows iam:PassRole to template roles named by ${Logical.Arn}: harmful ones escalate, harmless ones do not', () => {
    const lambda = { effect: 'Allow' as const, action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], resource: ['*'] };
    const strong = role('Strong', { effect: 'Allow', action: ['dynamodb:*'], resource: ['*'] });
    const weak = role('Weak', { effect: 'Allow', action: ['dynamodb:GetItem'], resource: ['${Table.Arn}'] });
    const passStrong = role('PassStrong', lambda, { effect: 'Allow', action: ['iam:PassRole'], resource: ['${Strong.Arn}'] });
    const passWeak = role('PassWeak', lambda, { effect: 'Allow', action: ['iam:PassRole'], resource: ['${Weak.Arn}'] }, { effect: 'Allow', action: ['dynamodb:GetItem'], resource: ['${Table.Arn}'] });
    const passUnknown = role('PassUnknown', lambda, { effect: 'Allow', action: ['iam:PassRole'], resource: ['arn:aws:iam::111122223333:role/elsewhere'] });
    const of = ids(strong, weak, passStrong, passWeak, passUnknown);
    assert.deepEqual(of(passStrong), ['lambda-create-invoke']);
    assert.deepEqual(escalationPaths(passStrong, modelOf(strong, passStrong))[0]!.passableRoles, ['Strong']);
    assert.deepEqual(of(passWeak), []);
    assert.deepEqual(of(passUnknown), ['lambda-create-invoke']);
  });

  it('needs every action of a technique', () => {
    const partial = role('Partial', { effect: 'Allow', action: ['iam:PassRole', 'glue:CreateJob'], resource: ['*'] });
    assert.deepEqual(ids(partial)(partial), []);
  });
});
