import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYaml } from '../structured.js';
import type { Location } from '../../model/types.js';
import { policyFromJson, statementsFromJson } from './policy.js';
import { Unresolved, render, type RefResolver } from './values.js';

const resolver: RefResolver = {
  ref: (name) => (name === 'Env' ? 'prod' : undefined),
  isResource: (name) => name === 'Table' || name === 'Bucket',
};

test('statements keep their lines; resources of the template are specific, parameters are partial', () => {
  const doc = parseYaml([
    'Version: "2012-10-17"',
    'Statement:',
    '  - Sid: Read',
    '    Effect: Allow',
    '    Action: [dynamodb:GetItem, dynamodb:Query]',
    '    Resource: !GetAtt Table.Arn',
    '  - Effect: Deny',
    '    NotAction: iam:*',
    '    NotResource: !Sub "arn:aws:s3:::${Bucket}-${Env}/*"',
    '  - Effect: Allow',
    '    Action: s3:GetObject',
    '    Resource: !Ref SomeParameter',
    '',
  ].join('\n'), 'p.yaml');
  const p = policyFromJson(doc.value, doc, 'test', 'inline', { resolver });
  assert.equal(p.loc.line, 1);
  const [a, b, c] = p.statements;
  assert.deepEqual([a!.sid, a!.effect, a!.action, a!.resource, a!.loc.line, a!.partial], ['Read', 'Allow', ['dynamodb:GetItem', 'dynamodb:Query'], ['${Table.Arn}'], 3, undefined]);
  assert.deepEqual([b!.effect, b!.notAction, b!.notResource, b!.partial], ['Deny', ['iam:*'], ['arn:aws:s3:::${Bucket}-prod/*'], undefined]);
  assert.deepEqual([c!.resource, c!.partial, c!.loc.line], [['${SomeParameter}'], true, 10]);
});

test('Fn::If in a list contributes both branches and marks the statement partial; AWS::NoValue drops an item', () => {
  const doc = parseYaml([
    'Statement:',
    '  Effect: Allow',
    '  Action: ["s3:GetObject", !If [IsProd, "s3:PutObject", !Ref AWS::NoValue]]',
    '  Resource: ["*"]',
  ].join('\n'), 'p.yaml');
  const p = policyFromJson(doc.value, doc, 'test', 'inline', { resolver });
  assert.equal(p.statements.length, 1);
  assert.deepEqual(p.statements[0]!.action, ['s3:GetObject', 's3:PutObject']);
  assert.equal(p.statements[0]!.partial, true);
  assert.equal(p.statements[0]!.loc.line, 1);
});

test('principals and conditions (trust and resource policies)', () => {
  const doc = parseYaml([
    'Statement:',
    '  - Effect: Allow',
    '    Principal: "*"',
    '    Action: lambda:InvokeFunction',
    '    Condition:',
    '      StringEquals:',
    '        aws:SourceAccount: "123456789012"',
    '  - Effect: Allow',
    '    Principal: { Service: lambda.amazonaws.com, AWS: [arn:aws:iam::1:root] }',
    '    Action: sts:AssumeRole',
  ].join('\n'), 'p.yaml');
  const [a, b] = policyFromJson(doc.value, doc, 'trust', 'trust').statements;
  assert.equal(a!.principal, '*');
  assert.deepEqual(a!.condition, { StringEquals: { 'aws:SourceAccount': ['123456789012'] } });
  assert.deepEqual(b!.principal, { Service: ['lambda.amazonaws.com'], AWS: ['arn:aws:iam::1:root'] });
  assert.equal(a!.resource, undefined);
});

test('a policy given as JSON text uses the fallback location; invalid JSON is reported', () => {
  const at = { loc: (): Location => ({ file: 'main.tf', line: 7 }) };
  const warnings: string[] = [];
  const ok = policyFromJson('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', at, 'p', 'inline');
  assert.deepEqual(ok.statements[0], { effect: 'Allow', action: ['*'], resource: ['*'], loc: { file: 'main.tf', line: 7 } });
  const bad = policyFromJson('{not json', at, 'p', 'inline', { onWarn: (m) => warnings.push(m) });
  assert.deepEqual(bad.statements, []);
  assert.deepEqual(warnings, ['policy p is not valid JSON']);
});

test('serverless-style lists: lower-case keys, unresolved values, statements that are not maps', () => {
  const doc = parseYaml('- effect: Allow\n  action: sqs:SendMessage\n  resource: x\n- just text\n', 's.yml');
  const list = doc.value as unknown[];
  (list[0] as Record<string, unknown>)['resource'] = new Unresolved('${opt:queue}');
  const warnings: number[] = [];
  const stmts = statementsFromJson(list, doc, { onWarn: (_m, loc) => warnings.push(loc.line) });
  assert.equal(stmts.length, 1);
  assert.deepEqual([stmts[0]!.action, stmts[0]!.resource, stmts[0]!.partial], [['sqs:SendMessage'], ['${opt:queue}'], true]);
  assert.deepEqual(warnings, [4]);
});

test('render: Sub, Join, Select/Split, FindInMap, ImportValue, dynamic references', () => {
  const r: RefResolver = { ref: (n) => (n === 'Env' ? 'dev' : undefined), findInMap: (m, a, b) => (m === 'M' && a === 'x' && b === 'y' ? 'found' : undefined) };
  assert.deepEqual(render({ 'Fn::Sub': ['${A}-${Env}-${!Literal}', { A: 'a' }] }, r), { value: 'a-dev-${Literal}' });
  assert.deepEqual(render({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }]] }, r), { value: 'a-dev' });
  assert.deepEqual(render({ 'Fn::Join': [':', ['arn', { Ref: 'AWS::Region' }]] }, r), { expr: 'arn:${AWS::Region}', secretRef: undefined });
  assert.deepEqual(render({ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] }, r), { value: 'b' });
  assert.deepEqual(render({ 'Fn::FindInMap': ['M', 'x', 'y'] }, r), { value: 'found' });
  assert.equal(render({ 'Fn::ImportValue': 'shared-role' }, r).expr, '${ImportValue:shared-role}');
  assert.equal(render('{{resolve:secretsmanager:db}}').secretRef, 'aws-secrets-manager');
  assert.equal(render({ 'Fn::Sub': 'x-{{resolve:ssm-secure:/p}}' }).secretRef, 'aws-ssm');
  assert.deepEqual(render({ Ref: 'AWS::NoValue' }), { noValue: true });
});
