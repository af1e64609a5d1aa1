import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument, type Tags } from 'yaml';
import { emptyModel, type EnvVar, type FunctionNode } from '../../../model/types.js';
import type { ParamValue, SdkCall } from '../../code/types.js';
import { CodeAnalyzer } from '../../code/index.js';
import { evaluate } from '../evaluate.js';
import {
  asPolicyDocument, buildPolicy, generateForFunction, normaliseRef, permissionsForCall, samSnippet,
  serverlessSnippet, terraformSnippet, verifyPolicy, type GeneratedPolicy,
} from './index.js';

const L = { file: 'template.yaml', line: 3 };
const lit = (value: string): ParamValue => ({ kind: 'literal', value });

function call(service: string, operation: string, params: Record<string, ParamValue[]> = {}, argKeys: string[] = []): SdkCall {
  return { language: 'js', form: 'js-v3-command', sdkService: service, service, operation, written: `${operation}Command`, loc: { file: 'src/h.ts', line: 7 }, params, argKeys };
}
const env = (...vars: [string, { value?: string; expr?: string }][]) => new Map<string, EnvVar>(vars.map(([name, v]) => [name, { name, ...v, loc: L }]));
const perms = (c: SdkCall, e = env()) => permissionsForCall(c, e).permissions.map((p) => `${p.action} ${p.resources.join(',')}`);

describe('SDK operation → IAM actions', () => {
  it('uses the API name when the dataset has it, canonical casing', () => {
    assert.deepEqual(perms(call('dynamodb', 'PutItem', { TableName: [lit('orders')] })), ['dynamodb:PutItem arn:aws:dynamodb:*:*:table/orders']);
  });
  it('applies the documented exceptions', () => {
    assert.deepEqual(perms(call('s3', 'ListObjectsV2', { Bucket: [lit('b')] })), ['s3:ListBucket arn:aws:s3:::b']);
    assert.deepEqual(perms(call('s3', 'HeadObject', { Bucket: [lit('b')], Key: [lit('k.txt')] })), ['s3:GetObject arn:aws:s3:::b/k.txt']);
    assert.deepEqual(perms(call('s3', 'HeadBucket', { Bucket: [lit('b')] })), ['s3:ListBucket arn:aws:s3:::b']);
    assert.deepEqual(perms(call('s3', 'Upload', { Bucket: [lit('b')] })), ['s3:PutObject arn:aws:s3:::b/*', 's3:AbortMultipartUpload arn:aws:s3:::b/*']);
    assert.deepEqual(perms(call('lambda', 'Invoke', { FunctionName: [lit('worker')] })), ['lambda:InvokeFunction arn:aws:lambda:*:*:function:worker']);
    assert.deepEqual(perms(call('sqs', 'SendMessageBatch', { QueueUrl: [lit('https://sqs.eu-west-1.amazonaws.com/123456789012/jobs')] })), ['sqs:SendMessage arn:aws:sqs:eu-west-1:123456789012:jobs']);
    assert.deepEqual(perms(call('dynamodb', 'TransactWriteItems', { TableName: [lit('t')] }, ['TransactItems', 'Put', 'ConditionCheck'])), [
      'dynamodb:PutItem arn:aws:dynamodb:*:*:table/t', 'dynamodb:ConditionCheckItem arn:aws:dynamodb:*:*:table/t',
    ]);
    assert.deepEqual(perms(call('dynamodb', 'ExecuteStatement', { Statement: [lit('SELECT * FROM "t"')] })), ['dynamodb:PartiQLSelect *']);
    assert.deepEqual(perms(call('sts', 'GetCallerIdentity')), []);
  });
  it('builds resources from the dataset ARN formats', () => {
    assert.deepEqual(perms(call('ssm', 'GetParameter', { Name: [lit('/app/db-url')] })), ['ssm:GetParameter arn:aws:ssm:*:*:parameter/app/db-url']);
    assert.deepEqual(perms(call('secretsmanager', 'GetSecretValue', { SecretId: [lit('prod/db')] })), ['secretsmanager:GetSecretValue arn:aws:secretsmanager:*:*:secret:prod/db-??????']);
    assert.deepEqual(perms(call('dynamodb', 'Query', { TableName: [lit('t')], IndexName: [lit('byEmail')] })), ['dynamodb:Query arn:aws:dynamodb:*:*:table/t/index/byEmail']);
    assert.deepEqual(perms(call('sns', 'Publish', { TopicArn: [lit('arn:aws:sns:us-east-1:123456789012:alerts')] })), ['sns:Publish arn:aws:sns:us-east-1:123456789012:alerts']);
    assert.deepEqual(perms(call('events', 'PutEvents')), ['events:PutEvents arn:aws:events:*:*:event-bus/default']);
  });
  it('resolves environment variables: static values and template references', () => {
    const e = env(['TABLE', { value: 'orders' }], ['QUEUE', { expr: '!Ref JobsQueue' }], ['BUCKET', { expr: '${Uploads}' }], ['TOPIC', { expr: 'aws_sns_topic.alerts.arn' }]);
    assert.deepEqual(perms(call('dynamodb', 'GetItem', { TableName: [{ kind: 'env', name: 'TABLE' }] }), e), ['dynamodb:GetItem arn:aws:dynamodb:*:*:table/orders']);
    assert.deepEqual(perms(call('sqs', 'SendMessage', { QueueUrl: [{ kind: 'env', name: 'QUEUE' }] }), e), ['sqs:SendMessage ${JobsQueue.Arn}']);
    assert.deepEqual(perms(call('s3', 'GetObject', { Bucket: [{ kind: 'env', name: 'BUCKET' }], Key: [{ kind: 'pattern', value: 'in/*' }] }), e), ['s3:GetObject ${Uploads.Arn}/in/*']);
    assert.deepEqual(perms(call('sns', 'Publish', { TopicArn: [{ kind: 'env', name: 'TOPIC' }] }), e), ['sns:Publish ${aws_sns_topic.alerts.arn}']);
  });
  it('falls back to * with a note naming the reason', () => {
    const r = permissionsForCall(call('dynamodb', 'GetItem', { TableName: [{ kind: 'env', name: 'MISSING' }] }), env());
    assert.deepEqual(r.permissions.map((p) => p.resources), [['*']]);
    assert.deepEqual(r.notes, ['dynamodb:GetItem on any resource: TableName: environment variable MISSING is not set on the function']);
  });
  it('reports operations with no IAM action as unmapped', () => {
    const r = permissionsForCall(call('s3', 'NotAnOperation'), env());
    assert.equal(r.permissions.length, 0);
    assert.match(r.unmapped ?? '', /s3:NotAnOperation is not an IAM action/);
  });
  it('normalises template references', () => {
    assert.equal(normaliseRef('!GetAtt Orders.Arn'), '${Orders.Arn}');
    assert.equal(normaliseRef('{"Ref":"Orders"}'), '${Orders}');
    assert.equal(normaliseRef('aws_dynamodb_table.orders.name'), '${aws_dynamodb_table.orders.name}');
    assert.equal(normaliseRef('some text'), undefined);
  });
});

describe('policy generation and verification', () => {
  const fixtures = fileURLToPath(new URL('../../code/fixtures/js-v3', import.meta.url));
  const fnNode: FunctionNode = {
    id: 'serverless.yml#orders', name: 'orders', cloud: 'aws', format: 'serverless', loc: { file: 'serverless.yml', line: 4 },
    handler: { value: 'src/handler.handler', loc: L }, runtime: { value: 'nodejs20.x', loc: L },
    env: [
      { name: 'ORDERS_TABLE', expr: '!GetAtt Orders.Arn', loc: L },
      { name: 'UPLOAD_BUCKET', value: 'uploads-bkt', loc: L },
      { name: 'JOBS_QUEUE_URL', expr: '${JobsQueue}', loc: L },
    ],
    triggers: [], layers: [], permissions: [],
  };

  it('generates one policy that allows every call found and nothing else', async () => {
    const analyzer = await CodeAnalyzer.create(emptyModel(fixtures));
    const p = generateForFunction(fnNode, analyzer);
    assert.equal(p.analysis.calls.length, 8);
    assert.deepEqual(p.policy.Statement.map((s) => `${s.Sid} ${s.Action.join(',')} ${s.Resource.join(',')}`), [
      'DynamodbAccess dynamodb:GetItem ${Orders.Arn}',
      'DynamodbAccess2 dynamodb:PutItem,dynamodb:UpdateItem ${Orders.Arn},arn:aws:dynamodb:*:*:table/audit',
      'S3Access s3:AbortMultipartUpload arn:aws:s3:::uploads-bkt/big.bin',
      'S3Access2 s3:GetObject arn:aws:s3:::invoices-archive/orders/*.json',
      'S3Access3 s3:ListBucket arn:aws:s3:::uploads-bkt',
      'S3Access4 s3:PutObject arn:aws:s3:::invoices-archive/x,arn:aws:s3:::uploads-bkt/big.bin',
      'SnsAccess sns:Publish arn:aws:sns:eu-west-1:123456789012:alerts',
      'SqsAccess sqs:SendMessage ${JobsQueue.Arn}',
    ]);
    assert.deepEqual(p.verification.problems, []);
    assert.ok(p.verification.ok && p.verification.checked > 100);
    // Re-evaluate here too, independently of verifyPolicy: each call's needs are allowed ...
    const doc = [asPolicyDocument(p.policy, 'generated', fnNode.loc)];
    for (const need of p.permissions) for (const r of need.resources) assert.equal(evaluate(doc, { action: need.action, resource: r }).decision, 'allowed', `${need.action} ${r}`);
    // ... and neighbours are not: other actions, other objects, other tables.
    assert.equal(evaluate(doc, { action: 's3:DeleteObject', resource: 'arn:aws:s3:::invoices-archive/x' }).decision, 'implicit-deny');
    assert.equal(evaluate(doc, { action: 's3:GetObject', resource: 'arn:aws:s3:::invoices-archive/secrets.txt' }).decision, 'implicit-deny');
    assert.equal(evaluate(doc, { action: 'dynamodb:Scan', resource: '${Orders.Arn}' }).decision, 'implicit-deny');
    assert.ok(p.policy.Statement.every((s) => s.Action.every((a) => !a.includes('*'))));
  });

  it('verification catches a missing, an extra and a wildcard permission', () => {
    const need = permissionsForCall(call('s3', 'GetObject', { Bucket: [lit('b')], Key: [lit('k')] }), env()).permissions;
    const good = buildPolicy(need);
    assert.deepEqual(verifyPolicy(good, need, L).problems, []);
    const missing: GeneratedPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'X', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::other/k'] }] };
    assert.match(verifyPolicy(missing, need, L).problems.join('\n'), /s3:GetObject on arn:aws:s3:::b\/k .* is not allowed/);
    const extra: GeneratedPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'X', Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: ['arn:aws:s3:::b/k'] }] };
    assert.match(verifyPolicy(extra, need, L).problems.join('\n'), /s3:DeleteObject is not needed/);
    const wild: GeneratedPolicy = { Version: '2012-10-17', Statement: [{ Sid: 'X', Effect: 'Allow', Action: ['s3:Get*'], Resource: ['arn:aws:s3:::b/k'] }] };
    const problems = verifyPolicy(wild, need, L).problems.join('\n');
    assert.match(problems, /wildcard action s3:Get\*/);
    assert.match(problems, /s3:GetObjectAcl on arn:aws:s3:::b\/k is allowed but no call needs it/);
  });

  it('merges resources covered by a wider pattern', () => {
    const c1 = permissionsForCall(call('s3', 'GetObject', { Bucket: [lit('b')] }), env()).permissions;
    const c2 = permissionsForCall(call('s3', 'GetObject', { Bucket: [lit('b')], Key: [lit('a.txt')] }), env()).permissions;
    assert.deepEqual(buildPolicy([...c1, ...c2]).Statement.map((s) => s.Resource), [['arn:aws:s3:::b/*']]);
  });

  const sample: GeneratedPolicy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'DynamodbAccess', Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: ['${Orders.Arn}', '${Orders.Arn}/index/*', 'arn:aws:dynamodb:*:*:table/audit'] },
      { Sid: 'SqsAccess', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['${aws_sqs_queue.jobs.arn}', '*'] },
      { Sid: 'S3Access', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['${Uploads}'] },
    ],
  };
  const cfnTags: Tags = ['!GetAtt', '!Ref', '!Sub'].map((tag) => ({ tag, resolve: (v: string) => `${tag} ${v}` }));

  it('writes serverless.yml and SAM snippets that parse as YAML with CloudFormation intrinsics', () => {
    const sls = parseDocument(serverlessSnippet(sample, 'orders'), { customTags: cfnTags });
    assert.deepEqual(sls.errors, []);
    const st = (sls.toJS() as { provider: { iam: { role: { statements: { Action: string[]; Resource: string[] }[] } } } }).provider.iam.role.statements;
    assert.deepEqual(st[0]!.Resource, ['!GetAtt Orders.Arn', '!Sub ${Orders.Arn}/index/*', 'arn:aws:dynamodb:*:*:table/audit']);
    assert.deepEqual(st[1]!.Resource, ['${aws_sqs_queue.jobs.arn}', '*']);
    assert.deepEqual(st[2]!.Resource, ['!Ref Uploads']);
    const sam = parseDocument(samSnippet(sample, 'OrdersFunction'), { customTags: cfnTags });
    assert.deepEqual(sam.errors, []);
    const pol = (sam.toJS() as { Policies: { Version: string; Statement: { Sid: string }[] }[] }).Policies[0]!;
    assert.equal(pol.Version, '2012-10-17');
    assert.deepEqual(pol.Statement.map((s) => s.Sid), ['DynamodbAccess', 'SqsAccess', 'S3Access']);
  });

  it('writes a Terraform aws_iam_policy_document with references as expressions', () => {
    const hcl = terraformSnippet(sample, 'orders-api');
    assert.match(hcl, /^data "aws_iam_policy_document" "orders_api" \{$/m);
    assert.match(hcl, /resources = \[aws_sqs_queue\.jobs\.arn, "\*"\]/);
    // CloudFormation-style references are escaped so Terraform does not interpolate them.
    assert.match(hcl, /"\$\$\{Orders\.Arn\}\/index\/\*"/);
    assert.equal((hcl.match(/statement \{/g) ?? []).length, 3);
  });
});

describe('a function without SDK calls', () => {
  it('gets an empty policy, valid snippets and a note', async () => {
    const dir = fileURLToPath(new URL('../../code/fixtures/py-basic', import.meta.url));
    const fnNode: FunctionNode = {
      id: 't#pkg', name: 'init', cloud: 'aws', format: 'cloudformation', loc: L,
      handler: { value: 'pkg/__init__.handler', loc: L }, runtime: { value: 'python3.12', loc: L },
      env: [], triggers: [], layers: [], permissions: [],
    };
    const p = generateForFunction(fnNode, await CodeAnalyzer.create(emptyModel(dir)));
    assert.equal(p.analysis.entry, 'pkg/__init__.py');
    assert.deepEqual(p.policy.Statement, []);
    assert.ok(p.verification.ok);
    assert.ok(p.notes.some((n) => n.startsWith('no AWS SDK call found')));
    assert.deepEqual(parseDocument(samSnippet(p.policy, 'Init')).toJS(), { Policies: [] });
    assert.deepEqual(parseDocument(serverlessSnippet(p.policy, 'init')).toJS(), { provider: { iam: { role: { statements: [] } } } });
  });
});
