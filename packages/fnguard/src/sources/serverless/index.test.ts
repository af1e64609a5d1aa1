import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../scan.js';
import type { FunctionNode, Identity, Model } from '../../model/types.js';
import { serverlessSource } from './index.js';
import { cloudFormationSource } from '../cloudformation/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
// Both AWS sources, in the real order: included resource files must not be loaded twice.
const load = (name: string): Promise<Model> => buildModel(fixture(name), { sources: [serverlessSource, cloudFormationSource] });
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
const envOf = (f: FunctionNode, name: string) => f.env.find((e) => e.name === name);

test('claims serverless files and stage variants only', () => {
  const claims = (path: string): boolean => serverlessSource.claims({ path, abs: `/${path}`, text: '' });
  assert.ok(claims('serverless.yml'));
  assert.ok(claims('api/serverless.yaml'));
  assert.ok(claims('serverless.json'));
  assert.ok(claims('serverless.prod.yml'));
  assert.ok(!claims('my-serverless.yml'));
  assert.ok(!claims('serverless.ts'));
  assert.ok(!claims('template.yaml'));
  const claimsText = (text: string): boolean => serverlessSource.claims({ path: 'serverless.template.json', abs: '/x', text });
  assert.ok(!claimsText('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}'));
  assert.ok(claimsText('{"service": "x", "resources": {"AWSTemplateFormatVersion": "2010-09-09"}}'));
});

test('functions inherit provider settings (marked, with the provider line) and override them', async () => {
  const m = await load('service');
  assert.deepEqual(m.functions.map((f) => f.id), ['serverless.yml#createOrder', 'serverless.yml#listOrders', 'serverless.yml#worker', 'serverless.yml#admin']);
  const create = fn(m, 'serverless.yml#createOrder');
  assert.deepEqual(plain(create.runtime), { value: 'nodejs20.x', loc: { file: 'serverless.yml', line: 11 }, inherited: true });
  const worker = fn(m, 'serverless.yml#worker');
  assert.deepEqual(plain(create.timeoutSeconds), { value: 6, loc: { file: 'serverless.yml', line: 15 }, inherited: true });
  assert.equal(create.memoryMb?.value, 512);
  assert.equal(create.tracing?.value, true);
  assert.equal(create.tracing?.inherited, true);
  assert.equal(worker.logGroupDefined, true);
  assert.deepEqual(plain(worker.logRetentionDays), { value: 30, loc: { file: 'serverless.yml', line: 16 }, inherited: true });
  assert.equal(create.codePath, 'src/orders.js');
  const list = fn(m, 'serverless.yml#listOrders');
  assert.deepEqual(plain(list.runtime), { value: 'python3.8', loc: { file: 'serverless.yml', line: 81 } });
  assert.deepEqual(plain(list.timeoutSeconds), { value: 20, loc: { file: 'serverless.yml', line: 82 } });
  assert.deepEqual(plain(list.tracing), { value: false, loc: { file: 'serverless.yml', line: 83 } });
  assert.equal(fn(m, 'serverless.yml#worker').codePath, 'src/worker.py');
  assert.equal(fn(m, 'serverless.yml#admin').codePath, 'src/admin.cjs');
});

test('environment: provider vars inherited, variables resolved, secret stores recognised', async () => {
  const m = await load('service');
  const create = fn(m, 'serverless.yml#createOrder');
  assert.deepEqual(plain(envOf(create, 'TABLE')), { name: 'TABLE', loc: { file: 'serverless.yml', line: 24 }, value: 'shop-dev-orders', inherited: true });
  assert.equal(envOf(create, 'STAGE')?.value, 'dev');
  assert.equal(envOf(create, 'HOME_DIR')?.value, '/nowhere');
  assert.deepEqual(plain(envOf(create, 'API_KEY')), { name: 'API_KEY', loc: { file: 'serverless.yml', line: 62 }, expr: '${ssm:/shop/api-key}', secretRef: 'aws-ssm' });
  assert.equal(envOf(create, 'STRIPE')?.secretRef, 'aws-secrets-manager');
  // A value included from another file is resolved (so secret rules can see it), at the line that uses it.
  assert.equal(envOf(create, 'DB_PASSWORD')?.value, 'Zq8vLr2pXe7TnW4sKd9u');
  assert.equal(envOf(create, 'DB_PASSWORD')?.loc.line, 63);
  assert.equal(create.env.length, 7);
  assert.equal(fn(m, 'serverless.yml#worker').env.length, 4);
});

test('${env:…} never reads the scanner environment', async () => {
  process.env['FNGUARD_TEST_SECRET'] = 'from-the-runner';
  const m = await load('unsafe');
  const probe = fn(m, 'serverless.yml#probe');
  assert.deepEqual(plain(envOf(probe, 'FROM_ENV')), { name: 'FROM_ENV', loc: { file: 'serverless.yml', line: 8 }, expr: '${env:FNGUARD_TEST_SECRET}', inherited: true });
  assert.equal(envOf(probe, 'FROM_ENV_DEFAULT')?.value, 'fallback');
  assert.ok(!JSON.stringify(plain(m.functions)).includes('from-the-runner'));
  delete process.env['FNGUARD_TEST_SECRET'];
});

test('${file(…)} outside the root is refused with a warning and never read', async () => {
  const m = await load('unsafe');
  const probe = fn(m, 'serverless.yml#probe');
  assert.equal(envOf(probe, 'LEAK')?.expr, '${file(../outside.yml):secret}');
  assert.equal(envOf(probe, 'LEAK')?.value, undefined);
  assert.equal(envOf(probe, 'ETC')?.value, undefined);
  // The fallback is used when the include is refused.
  assert.equal(probe.runtime?.value, 'nodejs20.x');
  const outside = m.diagnostics.filter((d) => d.level === 'warning' && /outside the scanned root/.test(d.message));
  assert.deepEqual(outside.map((d) => d.line), [4, 6, 7]);
  const everything = JSON.stringify(plain({ f: m.functions, d: m.diagnostics, files: m.files }));
  assert.ok(!everything.includes('TOPSECRETVALUE123'));
  assert.ok(!everything.includes('nodejs4.3'));
  assert.deepEqual(m.files.map((f) => f.path), ['serverless.yml']);
});

test('variables: cycles, depth limit, nested addresses, JS files, CloudFormation ${…} kept', async () => {
  const m = await load('unsafe');
  const probe = fn(m, 'serverless.yml#probe');
  assert.equal(envOf(probe, 'LOOP')?.expr, '${self:custom.a}');
  assert.ok(m.diagnostics.some((d) => /refers to itself/.test(d.message)));
  assert.equal(envOf(probe, 'DEEP')?.value, 'end-of-chain');
  assert.equal(envOf(probe, 'FAR')?.value, undefined);
  assert.ok(m.diagnostics.some((d) => /nesting or work limit/.test(d.message)));
  assert.equal(envOf(probe, 'CODE')?.value, undefined);
  assert.ok(m.diagnostics.some((d) => d.level === 'info' && /code is never run/.test(d.message)));
  assert.equal(envOf(probe, 'MISSING')?.expr, '${self:custom.nothere}');
  assert.equal(envOf(probe, 'NESTED')?.value, 'chosen');
  assert.equal(envOf(probe, 'CFN')?.value, 'arn:aws:s3:::${AWS::AccountId}-bucket');
  // A function environment that cannot be resolved is reported; the provider variables remain.
  assert.ok(m.diagnostics.some((d) => d.level === 'info' && /environment of function probe is \$\{file\(\.\/missing-env\.yml\)\}/.test(d.message)));
  assert.ok(m.diagnostics.some((d) => d.level === 'warning' && /missing-env\.yml: file not found/.test(d.message)));
});

test('one shared generated role for functions without their own, with statements and managed policies', async () => {
  const m = await load('service');
  const create = fn(m, 'serverless.yml#createOrder');
  const list = fn(m, 'serverless.yml#listOrders');
  assert.equal(create.identityId, 'aws:role:serverless.yml#IamRoleLambdaExecution');
  assert.equal(list.identityId, create.identityId);
  const role = identityOf(m, create);
  assert.equal(role.generated, true);
  assert.equal(role.loc.line, 45);
  const stmts = role.policies[0]!.statements;
  assert.deepEqual(plain(stmts[0]), { effect: 'Allow', loc: { file: 'serverless.yml', line: 47 }, action: ['dynamodb:*'], resource: ['${OrdersTable.Arn}'] });
  assert.deepEqual(stmts[1]!.resource, ['arn:aws:s3:::shop-uploads/*']);
  // The second one comes from a `resources` override of the generated role (no Type written).
  assert.deepEqual(role.managedPolicyArns.map((p) => [p.value, p.loc.line]), [
    ['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess', 56], ['arn:aws:iam::aws:policy/ReadOnlyAccess', 164],
  ]);
  // AWS::IAM::Policy in resources attached with Roles: [!Ref IamRoleLambdaExecution].
  assert.deepEqual(role.policies.map((p) => p.name), ['IamRoleLambdaExecution statements', 'extra']);
});

test('function role from resources by logical id, and per-function roles of the plugin', async () => {
  const m = await load('service');
  const worker = fn(m, 'serverless.yml#worker');
  assert.equal(worker.identityId, 'aws:role:serverless.yml#WorkerRole');
  assert.equal(worker.identityLoc?.line, 93);
  assert.deepEqual(identityOf(m, worker).policies[0]!.statements[0]!.action, ['sqs:*']);
  const admin = fn(m, 'serverless.yml#admin');
  const own = identityOf(m, admin);
  assert.equal(own.id, 'aws:role:serverless.yml#AdminIamRoleLambdaExecution');
  assert.equal(own.generated, true);
  assert.equal(admin.identityLoc?.line, 110);
  assert.deepEqual(own.policies.flatMap((p) => p.statements.map((s) => [s.action, s.resource, s.loc.line])), [[['*'], ['*'], 111]]);
  assert.deepEqual(own.managedPolicyArns, []);
});

test('http events: methods, paths, CORS, IAM auth, API keys, preflight, HTTP API JWT authorizer by name', async () => {
  const m = await load('service');
  const t = fn(m, 'serverless.yml#createOrder').triggers;
  const summary = t.map((x) => [x.method, x.path, x.auth?.value, x.auth?.loc.line]);
  assert.deepEqual(summary, [
    ['POST', '/orders', 'aws-iam', 70],
    ['OPTIONS', '/orders', 'none', 71],
    ['GET', '/orders/{id}', 'none', 74],
    ['GET', '/partner/orders', 'api-key', 78],
  ]);
  assert.deepEqual(t[0]!.cors?.value, ['*']);
  assert.ok(t.every((x) => x.apiId === 'aws:apigw-rest:serverless.yml#ApiGatewayRestApi' && x.public === true));
  const h = fn(m, 'serverless.yml#listOrders').triggers;
  assert.deepEqual(h.map((x) => [x.service, x.method, x.path, x.auth?.value]), [
    ['apigw-http', 'GET', '/orders', 'jwt'],
    ['apigw-http', 'POST', '/orders/import', 'none'],
  ]);
  assert.equal(h[0]!.apiId, 'aws:apigw-http:serverless.yml#HttpApi');
});

test('other events and function URL', async () => {
  const m = await load('service');
  const worker = fn(m, 'serverless.yml#worker');
  assert.deepEqual(worker.triggers.map((x) => [x.kind, x.service, x.source?.value ?? x.source?.expr]), [
    ['queue', 'sqs', '${JobsQueue.Arn}'],
    ['stream', 'kinesis', 'arn:aws:kinesis:eu-west-1:123456789012:stream/clicks'],
    ['schedule', 'eventbridge-schedule', 'rate(5 minutes)'],
    ['storage', 's3', 'shop-uploads'],
  ]);
  assert.equal(worker.triggers[0]!.batchSize?.value, 10);
  assert.equal(worker.deadLetter?.value, 'arn:aws:sns:eu-west-1:123456789012:dlq');
  assert.equal(worker.reservedConcurrency?.value, 2);
  assert.equal(worker.network?.attached, true);
  assert.deepEqual(worker.network?.subnetIds?.value, ['subnet-a']);
  const url = fn(m, 'serverless.yml#admin').triggers[0]!;
  assert.deepEqual([url.kind, url.auth?.value, url.public], ['function-url', 'none', true]);
  const layer = fn(m, 'serverless.yml#admin').layers[0]!;
  assert.deepEqual([layer.account, layer.version], ['999999999999', '3']);
});

test('APIs carry provider settings; resources attach to generated logical ids (permission, WAF, log group)', async () => {
  const m = await load('service');
  const rest = m.apis.get('aws:apigw-rest:serverless.yml#ApiGatewayRestApi')!;
  assert.equal(rest.endpointType?.value, 'REGIONAL');
  assert.deepEqual([rest.throttling?.burst?.value, rest.throttling?.rate?.value], [200, 100]);
  assert.deepEqual(plain(rest.accessLogging), { value: true, loc: { file: 'serverless.yml', line: 21 } });
  assert.equal(rest.tracing?.value, true);
  assert.equal(rest.waf?.value, 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shop/1');
  assert.ok(m.apis.has('aws:apigw-http:serverless.yml#HttpApi'));
  const perm = fn(m, 'serverless.yml#createOrder').permissions;
  assert.deepEqual(perm.map((p) => [p.principal.value, p.loc.line]), [['*', 136]]);
  // Log group named /aws/lambda/<service>-<stage>-<function> in an included resources file.
  const admin = fn(m, 'serverless.yml#admin');
  assert.deepEqual(plain(admin.logRetentionDays), { value: 7, loc: { file: 'resources/tables.yml', line: 12 } });
  // Override of the generated log group by logical id, without a Type.
  assert.deepEqual(plain(fn(m, 'serverless.yml#createOrder').logRetentionDays), { value: 365, loc: { file: 'serverless.yml', line: 160 } });
  assert.ok(!m.diagnostics.some((d) => /has no Type/.test(d.message)));
});

test('included files are consumed (not loaded again as templates) and kept for suppressions', async () => {
  const m = await load('service');
  assert.deepEqual(m.files.map((f) => [f.path, f.format]).sort(), [
    ['config/secrets.yml', 'serverless'], ['resources/tables.yml', 'serverless'], ['serverless.yml', 'serverless'],
  ]);
  assert.ok(m.files.every((f) => typeof f.text === 'string' && f.text.length > 0));
  const tableInfos = m.diagnostics.filter((d) => /AWS::DynamoDB::Table/.test(d.message));
  assert.equal(tableInfos.length, 1);
});

test('legacy syntax: iamRoleStatements, iamManagedPolicies, boundary, functions and resources from files, params', async () => {
  const m = await load('legacy');
  const rest = fn(m, 'serverless.yml#rest');
  const jobs = fn(m, 'serverless.yml#jobs');
  const shared = identityOf(m, rest);
  assert.equal(shared.id, 'aws:role:serverless.yml#IamRoleLambdaExecution');
  assert.deepEqual(shared.policies[0]!.statements.map((s) => [s.action, s.resource, s.loc.line]), [[['logs:*'], ['*'], 23]]);
  assert.equal(shared.managedPolicyArns[0]?.value, 'arn:aws:iam::aws:policy/AdministratorAccess');
  assert.equal(shared.permissionsBoundary?.value, 'arn:aws:iam::123456789012:policy/boundary');
  // defaultInherit: the per-function role also carries the provider statements.
  const own = identityOf(m, jobs);
  assert.deepEqual(plain(own.policies.map((p) => p.statements[0]!.loc)), [{ file: 'fns/jobs.yml', line: 5 }, { file: 'serverless.yml', line: 23 }]);
  assert.deepEqual(own.policies[0]!.statements[0]!.resource, ['arn:aws:sqs:us-east-1:123456789012:prod-jobs']);
  assert.deepEqual(own.managedPolicyArns.map((p) => p.value), ['arn:aws:iam::aws:policy/AdministratorAccess']);
  assert.equal(own.permissionsBoundary?.value, 'arn:aws:iam::123456789012:policy/boundary');
  assert.equal(jobs.loc.file, 'fns/jobs.yml');
  assert.equal(jobs.kmsKey?.value, 'arn:aws:kms:us-east-1:123456789012:key/jobs');
  assert.equal(rest.kmsKey?.inherited, true);
  assert.deepEqual(plain(rest.network?.subnetIds), { value: ['subnet-legacy-1'], loc: { file: 'network.yml', line: 3 }, inherited: true });
  assert.deepEqual(plain(jobs.logRetentionDays), { value: 0, loc: { file: 'resources.yml', line: 2 } });
  // `extensions` override the generated log group of `rest`.
  assert.deepEqual(plain(rest.logRetentionDays), { value: 14, loc: { file: 'resources.yml', line: 9 } });
  assert.ok(m.diagnostics.some((d) => d.file === 'serverless.common.yml' && d.level === 'info'));
});

test('legacy events: Cognito and custom authorizers, ALB with OIDC, websocket, eventBridge, unknown types', async () => {
  const m = await load('legacy');
  const rest = fn(m, 'serverless.yml#rest').triggers;
  assert.deepEqual(rest.map((t) => [t.service, t.method, t.path, t.auth?.value, t.loc.file, t.loc.line]), [
    ['apigw-rest', 'ANY', '/admin', 'cognito', 'fns/api.yml', 4],
    ['apigw-rest', 'POST', '/hooks', 'custom-authorizer', 'fns/api.yml', 10],
    ['alb', undefined, '/alb', 'jwt', 'fns/api.yml', 15],
    ['apigw-websocket', undefined, '$connect', 'none', 'fns/api.yml', 21],
  ]);
  const jobs = fn(m, 'serverless.yml#jobs').triggers;
  assert.deepEqual(jobs.map((t) => [t.kind, t.source?.value]), [
    ['queue', 'arn:aws:sqs:us-east-1:123456789012:prod-jobs'], ['eventbridge', 'orders'], ['other', undefined],
  ]);
});

test('provider.iam.role as an ARN: every function uses one external identity (JSON config)', async () => {
  const m = await load('external');
  const [one, two] = m.functions;
  assert.equal(one!.identityId, 'aws:role:external:arn:aws:iam::123456789012:role/shared-lambda');
  assert.equal(two!.identityId, one!.identityId);
  const ext = identityOf(m, one!);
  assert.deepEqual([ext.external, ext.name, ext.loc.line], [true, 'shared-lambda', 6]);
  assert.ok(![...m.identities.values()].some((i) => i.generated));
  // Endpoints on a REST API of another stack: no Api node whose settings would be guessed.
  assert.equal(two!.triggers[0]!.apiId, undefined);
  assert.equal(m.apis.size, 0);
});

test('bad input: broken YAML, wrong shapes and other providers are reported, never thrown', async () => {
  const bad = await load('bad');
  assert.match(bad.diagnostics[0]?.message ?? '', /invalid YAML at line 5/);
  const shapes = await load('bad-shape');
  const msgs = shapes.diagnostics.map((d) => `${d.level} ${d.file}:${d.line} ${d.message}`);
  for (const expected of [
    'warning serverless.yml:4 functions is not a map; skipped',
    'warning serverless.yml:5 resources entry is not a map; skipped',
    'warning two/serverless.yml:11 function broken is not a map; skipped',
    'warning two/serverless.yml:10 events of function ok is not a list; skipped',
    'warning two/serverless.yml:15 event entry is not a map; skipped',
    'warning two/serverless.yml:6 IamRoleLambdaExecution statements is not a list of statements',
  ]) assert.ok(msgs.includes(expected), `missing: ${expected}\n${msgs.join('\n')}`);
  assert.deepEqual(shapes.functions.map((f) => f.id), ['two/serverless.yml#ok', 'two/serverless.yml#odd']);
  const other = await load('other-cloud');
  assert.equal(other.functions.length, 0);
  assert.match(other.diagnostics[0]?.message ?? '', /provider google is not analysed/);
});

test('a config including itself and a YAML alias bomb terminate with a result or a warning', async () => {
  const loops = await load('self-include');
  const one = fn(loops, 'serverless.yml#one');
  assert.equal(envOf(one, 'NAME')?.value, 'loops');
  assert.equal(envOf(one, 'DEEP')?.expr, '${self:custom.me.custom.me.service}');
  assert.ok(loops.diagnostics.some((d) => d.level === 'warning' && /refers to itself/.test(d.message)));
  const bomb = await load('bomb');
  assert.equal(bomb.functions.length, 0);
  assert.match(bomb.diagnostics.find((d) => d.level === 'warning')?.message ?? '', /alias/);
});

test('v4: stages params, unresolvable sources kept as written, strToBool, image functions, URL with IAM auth', async () => {
  const m = await load('v4');
  const api = fn(m, 'serverless.yaml#api');
  assert.equal(envOf(api, 'DOMAIN')?.value, 'example.com');
  for (const [name, expr] of [['REGION', '${aws:region}'], ['INSTANCE', '${sls:instanceId}'], ['OUTPUT', '${cf:other-stack.ApiUrl}'],
    ['OBJECT', '${s3:my-bucket/key}'], ['NOPE', '${param:undefinedParam}']]) {
    assert.deepEqual([envOf(api, name!)?.value, envOf(api, name!)?.expr], [undefined, expr], name);
  }
  assert.deepEqual(identityOf(m, api).policies[0]!.statements[0]!.resource, ['arn:aws:dynamodb:us-east-1:123456789012:table/dev']);
  assert.equal(api.tracing?.value, true);
  assert.equal(api.packageType?.value, 'Image');
  assert.equal(api.runtime, undefined);
  const [admin, any, url] = api.triggers;
  assert.deepEqual([admin!.method, admin!.path, admin!.auth?.value], ['POST', '/admin', 'aws-iam']);
  assert.deepEqual([any!.method, any!.path, any!.auth?.value], ['ANY', '*', 'none']);
  assert.deepEqual([url!.kind, url!.auth?.value, url!.cors?.value], ['function-url', 'aws-iam', ['https://app.example.com']]);
  assert.equal(m.apis.get('aws:apigw-http:serverless.yaml#HttpApi')?.accessLogging?.value, true);
});
