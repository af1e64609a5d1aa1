import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../scan.js';
import type { FunctionNode, Model } from '../../model/types.js';
import { terraformSource } from './index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const load = (dir: string): Promise<Model> => buildModel(dir, { sources: [terraformSource] });

function fn(m: Model, name: string): FunctionNode {
  const f = m.functions.find((x) => x.name === name);
  assert.ok(f, `function ${name} in ${m.functions.map((x) => x.name).join(', ')}`);
  return f;
}

const warnings = (m: Model) => m.diagnostics.filter((d) => d.level === 'warning').map((d) => `${d.file}:${d.line ?? ''} ${d.message}`);

test('AWS: lambda settings, tfvars, locals, env lines, code path', async () => {
  const m = await load(fixture('aws'));
  const f = fn(m, 'shop-prod-orders'); // project default + env from terraform.tfvars, not staging.tfvars
  assert.equal(f.id, 'main.tf#aws_lambda_function.orders');
  assert.equal(f.cloud, 'aws');
  assert.equal(f.format, 'terraform');
  assert.deepEqual(f.loc, { file: 'main.tf', line: 16 });
  assert.deepEqual(f.runtime, { value: 'python3.8', loc: { file: 'main.tf', line: 20 } });
  assert.equal(f.memoryMb?.value, 128);
  assert.deepEqual(f.tracing, { value: false, loc: { file: 'main.tf', line: 34 } });
  assert.equal(f.codePath, 'src/orders/handler.py');
  assert.deepEqual(
    f.env.map((e) => [e.name, e.value, e.loc.line]),
    [
      ['STAGE', 'prod', 5],
      ['LOG_LEVEL', 'debug', 6],
      ['DB_PASSWORD', 'hunter2-very-secret', 28],
      ['TABLE', 'orders', 29],
    ],
  );
  assert.equal(f.network?.attached, true);
  assert.deepEqual(f.network?.subnetIds?.value, ['subnet-0a1b2c3d']);
  assert.equal(f.layers[0]?.account, '123456789012');
  assert.deepEqual(f.logRetentionDays, { value: 14, loc: { file: 'main.tf', line: 146 } });
  assert.equal(f.logGroupDefined, true);
  assert.ok(m.files.some((x) => x.path === 'variables.tf' && x.format === 'terraform' && x.text?.includes('variable "env"')));
  assert.ok(m.diagnostics.some((d) => d.level === 'info' && d.file === 'staging.tfvars'));
});

test('AWS: role linked by reference, with trust, inline, jsonencode, heredoc, policy document and file() policies', async () => {
  const m = await load(fixture('aws'));
  const f = fn(m, 'shop-prod-orders');
  assert.equal(f.identityId, 'aws:role:main.tf#aws_iam_role.orders');
  assert.deepEqual(f.identityLoc, { file: 'main.tf', line: 18 });
  const role = m.identities.get(f.identityId!)!;
  assert.equal(role.name, 'shop-prod-orders-role');
  // Heredoc trust policy: statement at its `{` line inside the heredoc.
  assert.equal(role.trustPolicy?.statements[0]?.loc.line, 49);
  assert.deepEqual(role.trustPolicy?.statements[0]?.principal, { Service: ['lambda.amazonaws.com'] });
  assert.deepEqual(role.policies.map((p) => p.name), ['orders-inline', 'orders-logs', 'orders-from-file']);
  const byName = new Map(role.policies.map((p) => [p.name, p]));
  const inline = byName.get('orders-inline')!;
  assert.equal(inline.kind, 'inline');
  assert.deepEqual(inline.statements.map((s) => [s.loc.line, s.action, s.resource]), [
    [65, ['dynamodb:*'], ['*']],
    [70, ['s3:GetObject'], ['${aws_s3_bucket.data.arn}/*']],
  ]);
  const doc = byName.get('orders-logs')!;
  assert.equal(doc.kind, 'managed');
  assert.deepEqual(doc.statements.map((s) => [s.loc.line, s.effect]), [[80, 'Allow'], [85, 'Deny']]);
  assert.equal(doc.statements[0]!.sid, 'Logs');
  assert.deepEqual(doc.statements[1]!.notAction, ['iam:PassRole']);
  assert.deepEqual(doc.statements[1]!.notResource, ['*']);
  assert.deepEqual(doc.statements[1]!.condition, { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } });
  const fromFile = byName.get('orders-from-file')!;
  assert.deepEqual(fromFile.statements[0]!.loc, { file: 'policy.json', line: 4 });
  assert.deepEqual(fromFile.statements[0]!.action, ['sqs:*']);
  assert.deepEqual(role.managedPolicyArns.map((p) => [p.value, p.loc.line]), [['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 109]]);
});

test('AWS: function URL, permission, event source mapping, CloudTrail', async () => {
  const m = await load(fixture('aws'));
  const f = fn(m, 'shop-prod-orders');
  const url = f.triggers.find((t) => t.kind === 'function-url')!;
  assert.deepEqual(url.auth, { value: 'none', loc: { file: 'main.tf', line: 124 } });
  assert.deepEqual(url.cors?.value, ['*']);
  assert.equal(url.public, true);
  const q = f.triggers.find((t) => t.kind === 'queue')!;
  assert.equal(q.service, 'sqs');
  assert.equal(q.batchSize?.value, 10);
  assert.equal(f.permissions.length, 2);
  assert.equal(f.permissions[0]!.principal.value, '*');
  assert.equal(f.permissions[0]!.functionUrlAuthType?.value, 'NONE');
  // Granted on an alias: still this function's permission.
  assert.deepEqual([f.permissions[1]!.principal.value, f.permissions[1]!.sourceArn?.expr, f.permissions[1]!.loc.line], ['s3.amazonaws.com', '${aws_s3_bucket.data.arn}', 175]);
  assert.equal(m.auditTrails.length, 1);
  assert.equal(m.auditTrails[0]!.multiRegion?.value, false);
  assert.equal(m.auditTrails[0]!.logFileValidation?.value, true);
  assert.deepEqual(warnings(m), []);
  // One info line per unanalysed resource type.
  const infos = m.diagnostics.filter((d) => d.level === 'info' && /not analysed/.test(d.message));
  assert.deepEqual(infos.map((d) => d.message.split(' ')[3]).sort(), ['aws_dynamodb_table', 'aws_s3_bucket', 'aws_sqs_queue']);
});

test('API Gateway v1 and v2: endpoints with auth on the right function, stage settings, WAF', async () => {
  const m = await load(fixture('apigw'));
  const f = fn(m, 'catalog-api');
  assert.equal(m.identities.get(f.identityId!)?.external, true);
  const http = f.triggers.filter((t) => t.kind === 'http').map((t) => [t.service, t.method, t.path, t.auth?.value, t.loc.line]);
  assert.deepEqual(http, [
    ['apigw-rest', 'GET', '/items/{id}', 'none', 28],
    ['apigw-rest', 'POST', '/items', 'cognito', 44],
    ['apigw-rest', 'PUT', '/items', 'aws-iam', 163],
    ['apigw-http', 'GET', '/items', 'jwt', 98],
    ['apigw-http', 'GET', '/health', 'none', 106],
  ]);
  const rest = m.apis.get('main.tf#aws_api_gateway_rest_api.catalog')!;
  assert.equal(rest.kind, 'apigw-rest');
  assert.deepEqual(rest.accessLogging, { value: false, loc: { file: 'main.tf', line: 60 } });
  assert.equal(rest.tracing?.value, true);
  assert.equal(rest.throttling?.burst?.value, 50);
  assert.equal(rest.cacheEncrypted?.value, false);
  assert.match(rest.waf?.value ?? '', /webacl\/catalog/);
  const v2 = m.apis.get('main.tf#aws_apigatewayv2_api.http')!;
  assert.equal(v2.kind, 'apigw-http');
  assert.equal(v2.accessLogging?.value, true);
  assert.equal(v2.throttling?.rate?.value, 10);
  assert.equal(v2.waf, undefined);
  assert.deepEqual(f.triggers[3]!.cors?.value, ['https://shop.example.com']);
  assert.deepEqual(f.triggers.slice(0, 3).map((t) => [t.requestValidation?.value, t.requestValidation?.loc.line]), [[false, 28], [false, 44], [true, 168]]);
  // TLS policy of the custom domain each API is mapped to (v1 default TLS_1_0 when not written).
  assert.deepEqual(rest.minTls, { value: 'TLS_1_0', loc: { file: 'main.tf', line: 138 }, inherited: true });
  assert.deepEqual(v2.minTls, { value: 'TLS_1_2', loc: { file: 'main.tf', line: 153 } });
});

test('Azure: function app settings, app settings, identities and role assignments', async () => {
  const m = await load(fixture('azure'));
  const billing = fn(m, 'billing-func');
  assert.equal(billing.cloud, 'azure');
  assert.deepEqual(billing.runtime, { value: 'python|3.8', loc: { file: 'main.tf', line: 25 } });
  const az = billing.azure!;
  assert.deepEqual(az.httpsOnly, { value: false, loc: { file: 'main.tf', line: 15 } });
  assert.equal(az.ftpsState?.value, 'AllAllowed');
  assert.equal(az.minTlsVersion?.value, '1.0');
  assert.deepEqual(az.cors?.value, ['*']);
  assert.equal(az.remoteDebugging?.value, true);
  assert.equal(az.basicPublishingCredentials?.value, true);
  assert.deepEqual(az.storageUsesKey, { value: true, loc: { file: 'main.tf', line: 14 } });
  assert.equal(az.appInsights?.value, false);
  assert.deepEqual(
    billing.env.map((e) => [e.name, e.loc.line, e.secretRef]),
    [
      ['FUNCTIONS_WORKER_RUNTIME', 33, undefined],
      ['DB_PASSWORD', 34, undefined],
      ['API_KEY', 35, 'azure-key-vault'],
    ],
  );
  // HTTP and timer triggers from azurerm_function_app_function config_json (jsonencode and heredoc).
  assert.deepEqual(
    billing.triggers.map((t) => [t.kind, t.service, t.loc.line, t.auth?.value, t.auth?.loc.line, t.method, t.path]),
    [
      ['http', 'azure-http', 130, 'none', 131, 'POST', 'pay/{id}'],
      ['schedule', 'azure-timer', 153, undefined, undefined, undefined, undefined],
    ],
  );
  const sys = m.identities.get(billing.identityId!)!;
  assert.equal(sys.kind, 'azure-managed-identity');
  assert.equal(sys.isDefault, true);
  assert.deepEqual(sys.roleBindings.map((r) => [r.role.value, r.scopeLevel, r.loc.line]), [['Owner', 'subscription', 80]]);

  const reports = fn(m, 'reports-func');
  assert.equal(reports.azure?.storageUsesKey?.value, false);
  assert.equal(reports.azure?.authEnabled?.value, true);
  assert.equal(reports.azure?.appInsights?.value, true);
  assert.equal(reports.network?.attached, true);
  assert.equal(reports.network?.egress?.value, 'ALL_TRAFFIC');
  assert.equal(reports.runtime?.value, 'dotnet|8.0');
  assert.deepEqual(reports.azure?.accessRestricted, { value: true, loc: { file: 'main.tf', line: 57 } });
  assert.equal(billing.azure?.accessRestricted, undefined);
  assert.deepEqual(billing.azure?.functionsVersion, { value: '~3', loc: { file: 'main.tf', line: 42 } });
  const uai = m.identities.get(reports.identityId!)!;
  assert.equal(uai.name, 'reports-id');
  assert.equal(uai.roleBindings[0]!.scopeLevel, 'resource-group');
  assert.equal(uai.roleBindings[0]!.role.value, 'reader-plus');
  assert.deepEqual(uai.roleBindings[0]!.customActions, ['Microsoft.Storage/*/read', 'Microsoft.Web/sites/*']);

  const legacy = fn(m, 'legacy-func');
  assert.deepEqual(legacy.runtime, { value: 'node|10', loc: { file: 'main.tf', line: 112 } });
  assert.equal(legacy.azure?.functionsVersion?.value, '~2');
  assert.deepEqual(legacy.azure?.accessRestricted, { value: false, loc: { file: 'main.tf', line: 117 } });
  assert.equal(legacy.identityId, undefined);
});

test('GCP: v1 and v2 functions, default and own service accounts, invokers, secrets', async () => {
  const m = await load(fixture('gcp'));
  const hello = fn(m, 'hello-http');
  assert.equal(hello.gcp?.generation, 1);
  assert.equal(hello.gcp?.serviceAccountSet, false);
  assert.equal(m.identities.get(hello.identityId!)?.isDefault, true);
  assert.equal(hello.identityId, 'gcp:sa:default:appengine');
  assert.equal(hello.codePath, 'functions/hello');
  const t = hello.triggers[0]!;
  assert.equal(t.kind, 'http');
  assert.equal(t.public, true);
  assert.deepEqual(t.auth, { value: 'none', loc: { file: 'main.tf', line: 45 } });
  assert.deepEqual(hello.permissions.map((p) => [p.principal.value, p.action?.value]), [['allUsers', 'roles/cloudfunctions.invoker']]);
  assert.equal(hello.gcp?.ingress?.value, 'ALLOW_ALL');
  assert.equal(hello.env.find((e) => e.name === 'SLACK_TOKEN')?.loc.line, 23);

  const thumbs = fn(m, 'thumbnailer');
  assert.equal(thumbs.gcp?.generation, 2);
  assert.equal(thumbs.identityId, 'gcp:sa:main.tf#google_service_account.thumbs');
  assert.deepEqual(thumbs.triggers.map((x) => [x.kind, x.service]), [['topic', 'gcp-pubsub']]);
  assert.deepEqual(thumbs.gcp?.secretEnv?.map((s) => s.value), ['DB_PASSWORD']);
  assert.equal(thumbs.env.find((e) => e.name === 'DB_PASSWORD')?.secretRef, 'gcp-secret-manager');
  assert.equal(thumbs.network?.attached, true);
  const sa = m.identities.get(thumbs.identityId!)!;
  assert.equal(sa.arn?.value, 'thumbnailer@acme-prod.iam.gserviceaccount.com');
  assert.deepEqual(sa.roleBindings.map((r) => [r.role.value, r.scope.value, r.scopeLevel, r.loc.line]), [['roles/editor', 'acme-prod', 'project', 103]]);

  const api = fn(m, 'public-api');
  assert.equal(api.identityId, 'gcp:sa:default:compute');
  assert.equal(api.triggers[0]!.public, true);
  assert.deepEqual(api.permissions.map((p) => [p.principal.value, p.loc.line]), [['user:ops@example.com', 95], ['allAuthenticatedUsers', 96]]);
  const reports = fn(m, 'reports');
  assert.deepEqual(reports.permissions.map((p) => [p.principal.value, p.action?.value, p.loc.line]), [['group:finance@example.com', 'roles/cloudfunctions.invoker', 124]]);
  assert.equal(reports.triggers[0]!.public, false);
  assert.equal(m.identities.get(reports.identityId!)?.external, true);
  const compute = m.identities.get('gcp:sa:default:compute')!;
  assert.deepEqual(compute.roleBindings.map((r) => [r.role.value, r.loc.line]), [['roles/storage.admin', 110]]);
});

test('modules: each call loaded once with its inputs; remote, outside-root and cyclic sources refused', async () => {
  const m = await load(fixture('modules'));
  assert.deepEqual(m.functions.map((f) => f.name).sort(), ['svc-orders', 'svc-payments']);
  const orders = fn(m, 'svc-orders');
  assert.equal(orders.id, 'modules/fn/main.tf#module.orders.aws_lambda_function.this');
  // `runtime = var.runtime` in the module: the line to change is the caller's input.
  assert.deepEqual(orders.runtime, { value: 'nodejs16.x', loc: { file: 'main.tf', line: 9 } });
  assert.deepEqual(orders.identityLoc, { file: 'main.tf', line: 10 });
  // The env map was written in the caller: its keys point there.
  assert.deepEqual(orders.env.find((e) => e.name === 'TABLE')?.loc, { file: 'main.tf', line: 11 });
  const payments = fn(m, 'svc-payments');
  // Not passed: the module default applies, marked inherited.
  assert.deepEqual(payments.runtime, { value: 'python3.12', loc: { file: 'modules/fn/main.tf', line: 5 }, inherited: true });
  assert.deepEqual(payments.env.map((e) => [e.name, e.loc.file, e.loc.line, e.inherited]), [['DEFAULTED', 'modules/fn/variables.tf', 17, true]]);
  assert.equal(orders.env[0]!.inherited, undefined);
  // A role passed into the module is still linked by address.
  assert.equal(orders.identityId, 'aws:role:main.tf#aws_iam_role.shared');
  assert.equal(payments.identityId, orders.identityId);
  // A role policy naming the role through a module output.
  const role = m.identities.get(orders.identityId!)!;
  assert.deepEqual(role.policies[0]?.statements[0]?.action, ['sqs:SendMessage']);
  const w = warnings(m);
  assert.ok(w.some((x) => /remote source terraform-aws-modules\/vpc\/aws is not scanned/.test(x)), w.join('\n'));
  assert.ok(w.some((x) => /outside the scanned root/.test(x)));
  assert.ok(w.some((x) => /module cycle/.test(x)));
  assert.ok(w.some((x) => /^main\.tf:2 reference cycle through local\.a/.test(x)));
});

test('bad HCL: broken block skipped with its line, the rest of the file and other files load', async () => {
  const m = await load(fixture('bad'));
  assert.deepEqual(m.functions.map((f) => f.name), ['good-before', 'good-after']);
  const w = warnings(m);
  assert.ok(w.includes('broken.tf:9 HCL syntax error in block resource "aws_lambda_function" "broken" starting at line 7; skipped'), w.join('\n'));
  assert.ok(w.some((x) => x.startsWith('unclosed.tf:1 HCL syntax error')));
  const infos = m.diagnostics.filter((d) => d.level === 'info' && d.message.includes('aws_kinesis_stream'));
  assert.equal(infos.length, 1);
});

test('a module folder called by the root is not also loaded as a root module', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-tf-'));
  try {
    mkdirSync(join(dir, 'mod'));
    writeFileSync(join(dir, 'main.tf'), 'module "m" {\n  source = "./mod"\n  n = "called"\n}\n');
    writeFileSync(join(dir, 'mod', 'main.tf'), 'variable "n" {\n  default = "uncalled"\n}\nresource "aws_lambda_function" "f" {\n  function_name = var.n\n}\n');
    const m = await load(dir);
    assert.deepEqual(m.functions.map((f) => f.name), ['called']);
    // Without the caller the folder is a root module of its own.
    const alone = await load(join(dir, 'mod'));
    assert.deepEqual(alone.functions.map((f) => f.name), ['uncalled']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tfvars.json and *.auto.tfvars order, for_each as one node, image functions, custom log groups', async () => {
  const m = await load(fixture('misc'));
  assert.equal(m.functions.length, 1);
  const f = m.functions[0]!;
  assert.equal(f.id, 'main.tf#aws_lambda_function.many');
  assert.equal(f.name, 'worker-${each.key}');
  assert.deepEqual(f.env.map((e) => [e.name, e.value]), [['REGION', 'from-tfvars-json'], ['STAGE', 'from-auto-tfvars']]);
  assert.deepEqual(f.packageType, { value: 'Image', loc: { file: 'main.tf', line: 20 } });
  assert.equal(f.logGroupDefined, true);
});

test('policies: dynamic statements and ${…} actions are partial, "*" principals, invalid heredoc JSON warns', async () => {
  const m = await load(fixture('misc'));
  const role = m.identities.get('aws:role:main.tf#aws_iam_role.r')!;
  assert.deepEqual(role.trustPolicy?.statements.map((s) => [s.loc.line, s.principal, s.partial]), [
    [67, { Service: ['lambda.amazonaws.com'] }, undefined],
    [76, '*', true],
  ]);
  const [bad, partial] = role.policies;
  assert.equal(bad?.name, 'bad-json');
  assert.deepEqual(bad?.statements, []);
  assert.ok(warnings(m).some((w) => /^main\.tf:48 policy bad-json is not valid JSON/.test(w)), warnings(m).join('\n'));
  assert.deepEqual(partial?.statements.map((s) => [s.loc.line, s.action, s.partial]), [[59, ['${var.actions}'], true]]);
});

test('file() outside the root or absolute is refused with a warning, never read', async () => {
  const m = await load(fixture('misc'));
  const w = warnings(m);
  assert.ok(w.some((x) => /file\("\.\.\/\.\.\/.*etc\/passwd"\) is outside the scanned root; not read/.test(x)), w.join('\n'));
  assert.ok(w.some((x) => /file\("\/etc\/passwd"\) is outside the scanned root/.test(x)), w.join('\n'));
  const role = m.identities.get('aws:role:main.tf#aws_iam_role.r')!;
  const outside = role.policies.find((p) => p.name === 'outside');
  assert.deepEqual(outside?.statements, []);
  assert.ok(!m.files.some((f) => f.path.includes('passwd')));
});

test('truncated and shuffled files never make the source fail', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-tf-cut-'));
  try {
    const { readFileSync } = await import('node:fs');
    for (const name of ['aws', 'apigw', 'azure', 'gcp', 'misc']) {
      const text = readFileSync(join(fixture(name), 'main.tf'), 'utf8');
      const lines = text.split('\n');
      for (let k = 1; k <= 12; k++) {
        const cut = Math.floor((text.length * k) / 13);
        // A file cut mid-way, plus one with its lines rotated (blocks split and re-joined).
        writeFileSync(join(dir, 'main.tf'), text.slice(0, cut));
        writeFileSync(join(dir, 'rotated.tf'), [...lines.slice(k * 7), ...lines.slice(0, k * 7)].join('\n'));
        const m = await load(dir);
        const failed = m.diagnostics.filter((d) => /source failed|only partly read/.test(d.message));
        assert.deepEqual(failed, [], `${name} cut at ${cut}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('root modules in different folders do not share variables or resource addresses', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-tf-roots-'));
  try {
    const fnTf = (env: string) =>
      `variable "env" {\n  default = "${env}"\n}\nresource "aws_iam_role" "r" {\n  name = "role-\${var.env}"\n}\nresource "aws_lambda_function" "f" {\n  function_name = "fn-\${var.env}"\n  role          = aws_iam_role.r.arn\n}\n`;
    for (const env of ['dev', 'prod']) {
      mkdirSync(join(dir, env));
      writeFileSync(join(dir, env, 'main.tf'), fnTf(env));
    }
    const m = await load(dir);
    const byName = new Map(m.functions.map((f) => [f.name, f]));
    assert.deepEqual([...byName.keys()].sort(), ['fn-dev', 'fn-prod']);
    assert.equal(m.identities.get(byName.get('fn-dev')!.identityId!)?.name, 'role-dev');
    assert.equal(m.identities.get(byName.get('fn-prod')!.identityId!)?.name, 'role-prod');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
