import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { emptyModel, type FunctionNode } from '../../model/types.js';
import { CodeAnalyzer, type CodeAnalysis } from './index.js';
import { iamPrefixFor, operationName } from './services.js';

const fixtures = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const L = { file: 'serverless.yml', line: 1 };

function fn(handler: string, runtime: string, extra: Partial<FunctionNode> = {}): FunctionNode {
  return {
    id: `serverless.yml#${handler}`, name: handler, cloud: 'aws', format: 'serverless', loc: L,
    handler: { value: handler, loc: L }, runtime: { value: runtime, loc: L },
    triggers: [], env: [], layers: [], permissions: [], ...extra,
  };
}

async function analyse(fixture: string, handler: string, runtime: string): Promise<CodeAnalysis> {
  const analyzer = await CodeAnalyzer.create(emptyModel(fixtures(fixture)));
  return analyzer.analyzeFunction(fn(handler, runtime));
}

const summary = (a: CodeAnalysis) => a.calls.map((c) => `${c.loc.file}:${c.loc.line} ${c.service}:${c.operation}`);

describe('code analyzer: JavaScript / TypeScript', () => {
  it('finds v3 commands, lib-dynamodb, lib-storage and calls in imported files', async () => {
    const a = await analyse('js-v3', 'src/handler.handler', 'nodejs20.x');
    assert.equal(a.entry, 'src/handler.ts');
    assert.deepEqual(a.files, ['src/handler.ts', 'src/lib/messaging.js']);
    assert.deepEqual(summary(a), [
      'src/handler.ts:12 s3:GetObject',
      'src/handler.ts:13 dynamodb:GetItem',
      'src/handler.ts:15 s3:ListObjectsV2',
      'src/handler.ts:16 s3:Upload',
      'src/handler.ts:17 dynamodb:TransactWriteItems',
      'src/handler.ts:25 s3:PutObject',
      'src/lib/messaging.js:8 sqs:SendMessage',
      'src/lib/messaging.js:12 sns:Publish',
    ]);
    assert.equal(a.complete, true, a.gaps.join('\n'));
    const get = a.calls[0]!;
    assert.deepEqual(get.params.Bucket, [{ kind: 'literal', value: 'invoices-archive' }]);
    assert.deepEqual(get.params.Key, [{ kind: 'pattern', value: 'orders/*.json' }]);
    // A command held in a variable, and a constant bound to process.env.
    assert.deepEqual(a.calls[2]!.params.Bucket, [{ kind: 'env', name: 'UPLOAD_BUCKET' }]);
    assert.deepEqual(a.calls[1]!.params.TableName, [{ kind: 'env', name: 'ORDERS_TABLE' }]);
    // Transaction items: both tables and the item kinds.
    assert.deepEqual(a.calls[4]!.params.TableName, [{ kind: 'env', name: 'ORDERS_TABLE' }, { kind: 'literal', value: 'audit' }]);
    assert.ok(a.calls[4]!.argKeys.includes('Put') && a.calls[4]!.argKeys.includes('Update'));
    assert.deepEqual(a.calls.map((c) => c.form), ['js-v3-command', 'js-lib-dynamodb', 'js-v3-command', 'js-lib-storage', 'js-lib-dynamodb', 'js-v3-command', 'js-v3-aggregated', 'js-v2']);
  });

  it('understands aggregated clients, v2 per-service imports, paginators, presigners and namespace imports', async () => {
    const a = await analyse('js-v3', 'src/more.handler', 'nodejs20.x');
    assert.deepEqual(summary(a), [
      'src/more.mjs:13 s3:HeadObject',
      'src/more.mjs:14 s3:GetObject',
      'src/more.mjs:15 dynamodb:GetItem',
      'src/more.mjs:16 dynamodb:Query',
      'src/more.mjs:19 s3:GetObject',
      'src/more.mjs:21 lambda:Invoke',
    ]);
    assert.deepEqual(a.calls[3]!.params.IndexName, [{ kind: 'literal', value: 'byEmail' }]);
    assert.deepEqual(a.calls[5]!.params.FunctionName, [{ kind: 'env', name: 'SECRET_NAME' }]);
    assert.equal(a.complete, true);
  });

  it('marks a method chosen at run time as dynamic, keeps the static calls', async () => {
    const a = await analyse('js-v3', 'src/dynamic.handler', 'nodejs20.x');
    assert.deepEqual(summary(a), ['src/dynamic.js:7 dynamodb:PutItem', 'src/dynamic.js:8 lambda:Invoke']);
    assert.deepEqual(a.calls[1]!.params.FunctionName, [{ kind: 'pattern', value: 'worker-*' }]);
    assert.equal(a.complete, false);
    assert.deepEqual(a.dynamic.map((d) => `${d.loc.line} ${d.reason}`), ['9 SDK method chosen at run time: lambda[event.op]']);
  });

  it('turns unparseable code into one warning line, not a crash', async () => {
    const a = await analyse('js-v3', 'src/broken.handler', 'nodejs20.x');
    assert.equal(a.complete, false);
    assert.equal(a.warnings.length, 1);
    assert.match(a.warnings[0]!.message, /^handler code not analysed: line 2: /);
    assert.equal(a.warnings[0]!.line, 2);
    assert.ok(!a.warnings[0]!.message.includes('\n'));
  });

  it('reports a missing handler file as a gap', async () => {
    const a = await analyse('js-v3', 'src/nope.handler', 'nodejs20.x');
    assert.equal(a.complete, false);
    assert.match(a.gaps[0]!, /handler file for src\/nope\.handler not found/);
  });
});

describe('code analyzer: Python (boto3)', () => {
  it('finds client, session, paginator, transfer and resource calls, across modules', async () => {
    const a = await analyse('py-basic', 'app.handler', 'python3.12');
    assert.deepEqual(a.files, ['app.py', 'pkg/store.py']);
    assert.deepEqual(summary(a), [
      'app.py:13 s3:PutObject',
      'app.py:14 s3:Upload',
      'app.py:16 s3:ListObjectsV2',
      'app.py:18 secretsmanager:GetSecretValue',
      'app.py:19 dynamodb:PutItem',
      'app.py:20 s3:PutObject',
      'app.py:21 ssm:GetParameter',
      'pkg/store.py:10 dynamodb:Scan',
    ]);
    const [put, upload, , secret, tablePut, objPut, ssm] = a.calls;
    assert.deepEqual(put!.params.Bucket, [{ kind: 'env', name: 'REPORT_BUCKET' }]);
    assert.deepEqual(put!.params.Key, [{ kind: 'pattern', value: 'reports/*.csv' }]);
    assert.deepEqual(upload!.params.Key, [{ kind: 'literal', value: 'raw/x.csv' }]);
    assert.deepEqual(secret!.params.SecretId, [{ kind: 'env', name: 'DB_SECRET' }]);
    // The table was created in pkg/store.py from os.getenv and imported.
    assert.deepEqual(tablePut!.params.TableName, [{ kind: 'env', name: 'USERS_TABLE' }]);
    assert.deepEqual(objPut!.params, { Bucket: [{ kind: 'literal', value: 'archive-bucket' }], Key: [{ kind: 'literal', value: '2024/summary.json' }] });
    assert.deepEqual(ssm!.params.Name, [{ kind: 'literal', value: '/app/config' }]);
    assert.equal(a.complete, true, a.gaps.join('\n'));
  });

  it('marks a service or method chosen at run time as dynamic', async () => {
    const a = await analyse('py-basic', 'dynamic.handler', 'python3.12');
    assert.equal(a.calls.length, 0);
    assert.equal(a.complete, false);
    assert.deepEqual(a.dynamic.map((d) => d.loc.line), [5, 7]);
  });

  it('turns a syntax error into one warning line', async () => {
    const a = await analyse('py-basic', 'broken.handler', 'python3.12');
    assert.equal(a.complete, false);
    assert.deepEqual(a.warnings.map((w) => w.message), ['handler code not analysed: line 1: syntax error']);
  });
});

describe('SDK names', () => {
  it('maps SDK service names to IAM prefixes from the dataset', () => {
    assert.equal(iamPrefixFor('@aws-sdk/client-cloudwatch-logs'), 'logs');
    assert.equal(iamPrefixFor('CloudWatchLogs'), 'logs');
    assert.equal(iamPrefixFor('dynamodb-streams'), 'dynamodb');
    assert.equal(iamPrefixFor('sfn'), 'states');
    assert.equal(iamPrefixFor('SecretsManager'), 'secretsmanager');
    assert.equal(iamPrefixFor('cognito-identity-provider'), 'cognito-idp');
    assert.equal(iamPrefixFor('apigatewaymanagementapi'), 'execute-api');
    assert.equal(iamPrefixFor('not-a-service'), undefined);
  });
  it('turns SDK method names into API operation names', () => {
    assert.equal(operationName('list_objects_v2'), 'ListObjectsV2');
    assert.equal(operationName('getObject'), 'GetObject');
    assert.equal(operationName('GetObjectCommand'), 'GetObject');
  });
});
