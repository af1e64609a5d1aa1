import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../scan.js';
import type { FunctionNode, Identity, Model } from '../../model/types.js';
import { cloudFormationSource, looksLikeTemplate } from './index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const load = (name: string): Promise<Model> => buildModel(fixture(name), { sources: [cloudFormationSource] });
/** Locations carry `column: undefined` for keys; compare plain JSON shapes. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x)) as unknown;
const fn = (m: Model, id: string): FunctionNode => {
  const f = m.functions.find((x) => x.id === id);
  assert.ok(f, `function ${id} not in ${m.functions.map((x) => x.id).join(', ')}`);
  return f;
};
const identityOf = (m: Model, f: FunctionNode): Identity => {
  const i = m.identities.get(f.identityId ?? '');
  assert.ok(i, `identity ${f.identityId} of ${f.id}`);
  return i;
};

test('claims templates by their markers only', () => {
  assert.ok(looksLikeTemplate('AWSTemplateFormatVersion: "2010-09-09"\n'));
  assert.ok(looksLikeTemplate('Transform: AWS::Serverless-2016-10-31\n'));
  assert.ok(looksLikeTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'));
  assert.ok(looksLikeTemplate('{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}'));
  assert.ok(!looksLikeTemplate('Resources:\n  - name: not cloudformation\n'));
  assert.ok(!cloudFormationSource.claims({ path: 'x.md', abs: '/x.md', text: 'AWSTemplateFormatVersion' }));
});

test('SAM Globals are merged into functions and marked inherited with the Globals line', async () => {
  const m = await load('sam-app');
  const orders = fn(m, 'template.yaml#OrdersFunction');
  assert.deepEqual(plain(orders.runtime), { value: 'nodejs18.x', loc: { file: 'template.yaml', line: 17 }, inherited: true });
  assert.deepEqual(plain(orders.timeoutSeconds), { value: 30, loc: { file: 'template.yaml', line: 40 } });
  assert.equal(orders.tracing?.value, true);
  assert.equal(orders.tracing?.inherited, true);
  const report = fn(m, 'template.yaml#ReportFunction');
  assert.deepEqual(plain(report.timeoutSeconds), { value: 10, loc: { file: 'template.yaml', line: 18 }, inherited: true });
  assert.deepEqual(plain(report.tracing), { value: false, loc: { file: 'template.yaml', line: 85 } });
  assert.equal(report.layers[0]?.account, '123456789012');
  assert.equal(report.layers[0]?.version, '4');
});

test('environment: per-variable lines, overrides, parameter defaults, dynamic secret references', async () => {
  const m = await load('sam-app');
  const env = fn(m, 'template.yaml#OrdersFunction').env;
  const byName = new Map(env.map((e) => [e.name, e]));
  assert.deepEqual(plain(byName.get('STAGE')), { name: 'STAGE', value: 'prod', loc: { file: 'template.yaml', line: 22 }, inherited: true });
  assert.deepEqual(plain(byName.get('LOG_LEVEL')), { name: 'LOG_LEVEL', value: 'debug', loc: { file: 'template.yaml', line: 43 } });
  assert.equal(byName.get('DB_PASSWORD')?.secretRef, 'aws-secrets-manager');
  assert.equal(byName.get('DB_PASSWORD')?.value, undefined);
  assert.equal(byName.get('TABLE')?.value, 'orders-table-prod');
  assert.equal(env.length, 4);
});

test('code path is the handler file under CodeUri when it exists', async () => {
  const m = await load('sam-app');
  assert.equal(fn(m, 'template.yaml#OrdersFunction').codePath, 'src/orders/app.js');
  assert.equal(fn(m, 'template.yaml#ReportFunction').codePath, 'src/orders/report.ts');
  assert.equal(fn(m, 'template.yaml#ExternalFunction').codePath, undefined);
});

test('SAM Policies become a generated role: templates, inline statements, managed names', async () => {
  const m = await load('sam-app');
  const orders = fn(m, 'template.yaml#OrdersFunction');
  const role = identityOf(m, orders);
  assert.equal(role.generated, true);
  assert.equal(orders.identityLoc?.line, 46);
  const ddb = role.policies.find((p) => p.name === 'DynamoDBCrudPolicy')!;
  assert.ok(ddb.statements[0]!.action!.includes('dynamodb:PutItem'));
  assert.deepEqual(ddb.statements[0]!.resource, [
    'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-table',
    'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-table/index/*',
  ]);
  assert.equal(ddb.statements[0]!.loc.line, 47);
  const sqs = role.policies.find((p) => p.name === 'SQSSendMessagePolicy')!;
  assert.equal(sqs.statements[0]!.resource![0], 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${OrdersQueue.QueueName}');
  const inline = role.policies.find((p) => p.statements.some((s) => s.action?.includes('s3:*')))!;
  assert.deepEqual(plain(inline.statements[0]), { effect: 'Allow', action: ['s3:*'], resource: ['*'], loc: { file: 'template.yaml', line: 52 } });
  assert.deepEqual(role.managedPolicyArns.map((p) => p.value), ['arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole']);
});

test('Role references are followed: inline, managed (by Ref), AWS::IAM::Policy Roles, trust; external ARNs', async () => {
  const m = await load('sam-app');
  const report = fn(m, 'template.yaml#ReportFunction');
  assert.equal(report.identityId, 'aws:role:template.yaml#ReportRole');
  assert.equal(report.identityLoc?.line, 84);
  const role = identityOf(m, report);
  assert.deepEqual(role.policies.map((p) => [p.name, p.kind]), [['reports', 'inline'], ['ReportPolicy', 'managed'], ['extra', 'inline']]);
  assert.deepEqual(role.policies[0]!.statements[0]!.resource, ['arn:aws:s3:::${ReportsBucket}/*']);
  assert.deepEqual(role.policies[1]!.statements[0]!.resource, ['${Table.Arn}']);
  assert.equal(role.policies[2]!.statements[0]!.loc.line, 144);
  assert.deepEqual(role.managedPolicyArns.map((p) => p.value), ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  assert.deepEqual(role.trustPolicy?.statements[0]?.principal, { Service: ['lambda.amazonaws.com'] });
  const ext = identityOf(m, fn(m, 'template.yaml#ExternalFunction'));
  assert.equal(ext.external, true);
  assert.equal(ext.arn?.expr, '${ExternalRoleArn}');
});

test('events: implicit API with the Globals default authorizer, preflight without auth, SQS, URL, schedule', async () => {
  const m = await load('sam-app');
  const t = fn(m, 'template.yaml#OrdersFunction').triggers;
  const get = t.find((x) => x.method === 'GET')!;
  assert.equal(get.path, '/orders');
  assert.deepEqual(plain(get.auth), { value: 'cognito', loc: { file: 'template.yaml', line: 29 }, inherited: true });
  assert.equal(get.apiId, 'aws:apigw-rest:template.yaml#ServerlessRestApi');
  assert.equal(t.find((x) => x.method === 'OPTIONS')!.auth?.value, 'none');
  const q = t.find((x) => x.service === 'sqs')!;
  assert.equal(q.source?.expr, '${OrdersQueue.Arn}');
  assert.equal(q.batchSize?.value, 5);
  const url = t.find((x) => x.kind === 'function-url')!;
  assert.equal(url.auth?.value, 'none');
  assert.deepEqual(url.cors?.value, ['*']);
  assert.equal(url.auth?.loc.line, 75);
  assert.equal(fn(m, 'template.yaml#ReportFunction').triggers[0]?.kind, 'schedule');
  const api = m.apis.get('aws:apigw-rest:template.yaml#ServerlessRestApi')!;
  assert.equal(api.tracing?.value, true);
  assert.equal(api.defaultAuth?.value, 'cognito');
});

test('log groups, permissions, VPC and CloudTrail attach to the right nodes', async () => {
  const m = await load('sam-app');
  const report = fn(m, 'template.yaml#ReportFunction');
  assert.equal(report.logGroupDefined, true);
  assert.equal(report.logRetentionDays?.value, 14);
  assert.equal(report.permissions[0]?.principal.value, '*');
  assert.equal(report.permissions[0]?.loc.line, 160);
  assert.equal(report.network?.attached, true);
  assert.deepEqual(report.network?.subnetIds?.value, ['subnet-1', 'subnet-2']);
  const orders = fn(m, 'template.yaml#OrdersFunction');
  assert.equal(orders.logGroupDefined, undefined);
  // AWS::Lambda::EventInvokeConfig on `OrdersFunction.Alias`: the on-failure destination.
  assert.deepEqual(plain(orders.deadLetter), { expr: '${OrdersQueue.Arn}', loc: { file: 'template.yaml', line: 182 } });
  assert.equal(m.auditTrails.length, 1);
  assert.equal(m.auditTrails[0]?.multiRegion?.value, false);
  assert.equal(m.auditTrails[0]?.logFileValidation?.value, true);
});

test('raw CloudFormation JSON: API Gateway methods, stages, WAF, HTTP API routes, URL, event source mapping', async () => {
  const m = await load('raw');
  const pay = fn(m, 'stack.json#PayFunction');
  assert.equal(pay.name, 'pay');
  assert.equal(pay.identityId, 'aws:role:stack.json#PayRole');
  assert.equal(pay.tracing?.value, true);
  assert.equal(pay.kmsKey?.value, 'arn:aws:kms:us-east-1:123456789012:key/k1');
  assert.equal(pay.deadLetter?.expr, '${Dlq.Arn}');
  assert.equal(pay.env.find((e) => e.name === 'API_TOKEN')?.secretRef, 'aws-ssm');
  const rest = pay.triggers.find((t) => t.service === 'apigw-rest')!;
  assert.deepEqual([rest.method, rest.path, rest.auth?.value, rest.apiId], ['POST', '/pay', 'none', 'aws:apigw-rest:stack.json#Api']);
  const http = pay.triggers.find((t) => t.service === 'apigw-http')!;
  assert.deepEqual([http.method, http.path, http.auth?.value], ['POST', '/hook', 'jwt']);
  assert.equal(pay.triggers.find((t) => t.kind === 'function-url')?.auth?.value, 'aws-iam');
  const esm = pay.triggers.find((t) => t.service === 'sqs')!;
  assert.equal(esm.batchSize?.value, 10);
  const api = m.apis.get('aws:apigw-rest:stack.json#Api')!;
  assert.equal(api.throttling?.burst?.value, 100);
  assert.equal(api.throttling?.rate?.value, 50);
  assert.equal(api.tracing?.value, true);
  assert.match(api.waf?.value ?? '', /webacl/);
  assert.equal(api.resourcePolicy?.statements[0]?.principal, '*');
  assert.equal(api.accessLogging, undefined);
  assert.equal(m.apis.get('aws:apigw-http:stack.json#HttpApi')?.accessLogging?.value, true);
  // A permission on an alias belongs to the aliased function.
  assert.deepEqual(pay.permissions.map((p) => [p.principal.value, p.sourceArn?.expr]), [['sns.amazonaws.com', '${Topic}']]);
  const role = m.identities.get('aws:role:stack.json#PayRole')!;
  assert.deepEqual(role.policies[0]!.statements[0]!.notAction, ['iam:*']);
  assert.equal(role.permissionsBoundary?.value, 'arn:aws:iam::123456789012:policy/boundary');
});

test('unknown resource types: one info per type per file; a resource without Type is a warning', async () => {
  const m = await load('raw');
  const infos = m.diagnostics.filter((d) => d.level === 'info' && /not analysed/.test(d.message));
  assert.deepEqual(infos.map((d) => d.message).sort(), ['resource type AWS::SNS::Topic is not analysed', 'resource type AWS::SQS::Queue is not analysed']);
  assert.ok(m.diagnostics.some((d) => d.level === 'warning' && d.line === 122 && /Broken has no Type/.test(d.message)));
});

test('bad input is reported per file and the scan goes on', async () => {
  const m = await load('bad');
  const warn = (file: string): string => m.diagnostics.find((d) => d.file === file && d.level === 'warning')?.message ?? '';
  assert.match(warn('broken.yaml'), /invalid YAML at line/);
  assert.match(warn('bomb.yaml'), /alias/);
  assert.match(warn('not-map.yaml'), /Resources is not a map/);
  assert.match(warn('list.yaml'), /not a map/);
  assert.equal(m.functions.length, 0);
  assert.deepEqual(m.files.map((f) => f.path).sort(), ['bomb.yaml', 'broken.yaml', 'list.yaml', 'not-map.yaml']);
});

test('explicit SAM APIs: private endpoint, API keys, authorizers, CORS, throttling, resource policy, HTTP API JWT default', async () => {
  const m = await load('sam-apis');
  const items = fn(m, 'template.yml#ItemsFunction');
  const t = items.triggers;
  const summary = t.map((x) => [x.kind, x.service, x.method, x.path, x.auth?.value, x.public]);
  assert.deepEqual(summary, [
    ['http', 'apigw-rest', 'GET', '/items', 'api-key', false],
    ['http', 'apigw-rest', 'POST', '/items', 'custom-authorizer', false],
    ['http', 'apigw-http', 'ANY', '$default', 'jwt', true],
    ['http', 'apigw-http', 'GET', '/open', 'none', true],
    ['stream', 'dynamodb', undefined, undefined, undefined, undefined],
    ['eventbridge', 'eventbridge', undefined, undefined, undefined, undefined],
    ['other', 'somethingnew', undefined, undefined, undefined, undefined],
    ['http', 'apigw-rest', 'GET', '/imported', 'none', true],
  ]);
  // An API imported from another stack: no implicit API is invented for it.
  assert.equal(t[7]!.apiId, undefined);
  assert.ok(!m.apis.has('aws:apigw-rest:template.yml#ServerlessRestApi'));
  assert.deepEqual(t[0]!.cors?.value, ['https://shop.example.com']);
  assert.deepEqual(t[2]!.cors?.value, ['*']);
  assert.equal(t[2]!.auth?.inherited, true);
  assert.equal(t[0]!.apiId, 'aws:apigw-rest:template.yml#PrivateApi');
  const rest = m.apis.get('aws:apigw-rest:template.yml#PrivateApi')!;
  assert.equal(rest.endpointType?.value, 'PRIVATE');
  assert.deepEqual([rest.throttling?.burst?.value, rest.throttling?.rate?.value, rest.cacheEncrypted?.value], [20, 10, false]);
  assert.equal(rest.accessLogging?.value, true);
  assert.equal(rest.resourcePolicy?.statements[0]?.principal, '*');
  assert.equal(rest.resourcePolicy?.statements[0]?.loc.line, 32);
  const http = m.apis.get('aws:apigw-http:template.yml#PublicHttp')!;
  assert.equal(http.defaultAuth?.value, 'jwt');
  assert.equal(http.throttling?.burst?.value, 5);
  assert.equal(http.throttling?.rate, undefined);
  // A bare managed policy name in Policies is an AWS managed policy.
  assert.deepEqual(identityOf(m, items).managedPolicyArns.map((p) => p.value), ['arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess']);
  assert.equal(identityOf(m, fn(m, 'template.yml#AuthFunction')).name, 'authorizer');
  assert.ok(m.diagnostics.some((d) => d.level === 'info' && /SomethingNew/.test(d.message)));
});

test('SAM connectors add their documented actions to the source function role', async () => {
  const m = await load('connectors');
  const role = identityOf(m, fn(m, 'template.yaml#Writer'));
  const byName = new Map(role.policies.map((p) => [p.name, p]));
  const table = byName.get('connector ToTable')!.statements[0]!;
  assert.ok(table.action!.includes('dynamodb:GetItem') && table.action!.includes('dynamodb:PutItem'));
  assert.deepEqual(table.resource, ['${Table.Arn}', '${Table.Arn}/index/*']);
  assert.equal(table.loc.line, 10);
  const topic = byName.get('connector WriterToTopic')!.statements;
  assert.deepEqual(topic.map((s) => [s.action, s.resource, s.loc.line]), [[['sns:Publish'], ['${Topic}'], 17]]);
  assert.ok(m.diagnostics.some((d) => d.level === 'info' && /destination Elsewhere/.test(d.message)));
  assert.equal(fn(m, 'template.yaml#Writer').codePath, undefined);
});
