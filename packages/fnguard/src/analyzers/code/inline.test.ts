/** Call forms checked on small inline snippets (no imports across files). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeJs } from './js.js';
import { analyzePython, pythonParser } from './python.js';

const noImports = { importExports: () => undefined, resolveImport: () => undefined };
const noModules = { importModule: () => undefined, resolveModule: () => null };

const js = (src: string) => analyzeJs('h.ts', src, noImports).analysis;
const py = async (src: string) => analyzePython('h.py', src, await pythonParser(), noModules).analysis;
const ops = (a: { calls: { loc: { line: number }; service?: string; operation: string }[] }) => a.calls.map((c) => `${c.loc.line} ${c.service}:${c.operation}`);

describe('JavaScript call forms', () => {
  it('v2 default import, makeRequest and getSignedUrl', () => {
    const a = js(`import AWS from 'aws-sdk';
const s3 = new AWS.S3({ region: 'eu-west-1' });
s3.makeRequest('deleteObject', { Bucket: 'b', Key: 'k' });
s3.getSignedUrl('putObject', { Bucket: 'b', Key: 'up/x' });
new AWS.CloudWatchLogs().putLogEvents({ logGroupName: '/app' });`);
    assert.deepEqual(ops(a), ['3 s3:DeleteObject', '4 s3:PutObject', '5 logs:PutLogEvents']);
  });
  it('clients on this, required per-service v2 clients and the DocumentClient', () => {
    const a = js(`const DynamoDB = require('aws-sdk/clients/dynamodb');
class Repo {
  constructor() { this.db = new DynamoDB.DocumentClient(); }
  save(item) { return this.db.put({ TableName: 'items', Item: item }).promise(); }
}`);
    assert.deepEqual(ops(a), ['4 dynamodb:PutItem']);
  });
  it('a client handed to other code, or an SDK class chosen at run time, is a dynamic use', () => {
    const a = js(`import * as AWS from 'aws-sdk';
const sqs = new AWS.SQS();
helper(sqs);
const c = new AWS[process.env.SERVICE]();`);
    assert.deepEqual(a.dynamic.map((d) => d.loc.line), [3, 4]);
  });
  it('send() with a command it cannot see is a dynamic use; an unrelated send() is not', () => {
    const a = js(`import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (cmd, res) => { res.send('ok'); return s3.send(cmd); };`);
    assert.equal(a.calls.length, 0);
    assert.deepEqual(a.dynamic.map((d) => d.loc.line), [3]);
  });
  it('follows clients through X-Ray wrappers; flags libraries that call AWS themselves', () => {
    const a = js(`import AWSXRay from 'aws-xray-sdk-core';
import { S3 } from '@aws-sdk/client-s3';
import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
const s3 = AWSXRay.captureAWSv3Client(new S3({}));
export const handler = async () => s3.listBuckets({});`);
    assert.deepEqual(ops(a), ['5 s3:ListBuckets']);
    assert.deepEqual(a.dynamic.map((d) => d.reason), ['uses @aws-lambda-powertools/parameters, which calls AWS itself: its calls are not analysed']);
  });
  it('a client made by a factory or kept in an object is a dynamic use; a project module namespace is followed', () => {
    const a = js(`import { DynamoDB } from '@aws-sdk/client-dynamodb';
import AWS from 'aws-sdk';
function makeDb() { return new DynamoDB({}); }
const clients = { sns: new AWS.SNS() };
const direct = new DynamoDB({});
direct.scan({ TableName: 't' });`);
    assert.deepEqual(a.dynamic.map((d) => d.loc.line), [3, 4]);
    assert.deepEqual(ops(a), ['6 dynamodb:Scan']);
    const ex = analyzeJs('lib.js', `import { SQS } from '@aws-sdk/client-sqs';\nexport const queue = new SQS({});`, noImports).exports;
    const b = analyzeJs('h.js', `import * as lib from './lib.js';\nconst { queue } = require('./lib.js');\nlib.queue.sendMessage({ QueueUrl: 'u' });\nqueue.deleteMessage({ QueueUrl: 'u' });`, {
      importExports: (spec) => (spec === './lib.js' ? ex : undefined),
      resolveImport: (spec) => (spec === './lib.js' ? 'lib.js' : undefined),
    }).analysis;
    assert.deepEqual(ops(b), ['3 sqs:SendMessage', '4 sqs:DeleteMessage']);
    assert.deepEqual(b.dynamic, []);
  });
  it('string concatenation and ?? defaults', () => {
    const a = js(`import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
const PREFIX = process.env.PARAM_PREFIX ?? '/dev';
new SSMClient({}).send(new GetParameterCommand({ Name: '/app/' + process.env.STAGE + '/db' }));
new SSMClient({}).send(new GetParameterCommand({ Name: PREFIX }));`);
    assert.deepEqual(a.calls.map((c) => c.params.Name), [[{ kind: 'pattern', value: '/app/*/db' }], [{ kind: 'env', name: 'PARAM_PREFIX' }]]);
  });
});

describe('Python call forms', () => {
  it('aliased imports, boto3.session and presigned URLs', async () => {
    const a = await py(`import boto3.session
from boto3 import client as make_client

s3 = make_client("s3")
url = s3.generate_presigned_url("get_object", Params={"Bucket": "media", "Key": "a.png"})
boto3.session.Session().client("sns").publish(TopicArn="arn:aws:sns:us-east-1:123456789012:t", Message="x")
`);
    assert.deepEqual(ops(a), ['5 s3:GetObject', '6 sns:Publish']);
    assert.deepEqual(a.calls[0]!.params.Key, [{ kind: 'literal', value: 'a.png' }]);
  });
  it('SQS and S3 resources: get_queue_by_name, collections, self attributes', async () => {
    const a = await py(`import boto3

class Store:
    def __init__(self):
        self.bucket = boto3.resource("s3").Bucket("archive")
        self.queue = boto3.resource("sqs").get_queue_by_name(QueueName="jobs")

    def run(self):
        for obj in self.bucket.objects.filter(Prefix="2024/"):
            self.queue.send_message(MessageBody=obj.key)
`);
    assert.deepEqual(ops(a), ['6 sqs:GetQueueUrl', '9 s3:ListObjects', '10 sqs:SendMessage']);
    assert.deepEqual(a.calls[2]!.params.QueueName, [{ kind: 'literal', value: 'jobs' }]);
    assert.deepEqual(a.calls[1]!.params.Bucket, [{ kind: 'literal', value: 'archive' }]);
  });
  it('a client passed to a helper, a waiter and an unmapped resource method are dynamic uses', async () => {
    const a = await py(`import boto3
ddb = boto3.resource("dynamodb")
table = ddb.Table("t")
save(table, {"id": 1})
boto3.client("s3").get_waiter("object_exists")
table.wait_until_exists()
`);
    assert.deepEqual(a.dynamic.map((d) => d.loc.line), [4, 5, 6]);
  });
  it('a client returned by a factory is a dynamic use; bound, chained and loop clients are not', async () => {
    const a = await py(`import boto3
s3 = boto3.client("s3")
def make():
    return boto3.client("sqs")
clients = [boto3.client("sns")]
boto3.resource("s3").Bucket("b").delete()
`);
    assert.deepEqual(a.dynamic.map((d) => d.loc.line), [4, 5]);
    assert.deepEqual(ops(a), ['6 s3:DeleteBucket']);
  });
  it('flags libraries that call AWS themselves', async () => {
    const a = await py(`from aws_lambda_powertools.utilities import parameters
from pynamodb.models import Model
import json
`);
    assert.deepEqual(a.dynamic.map((d) => `${d.loc.line} ${d.reason.split(',')[0]}`), ['1 uses aws_lambda_powertools.utilities.parameters', '2 uses pynamodb']);
  });
  it('keyword dictionaries, ** and RequestItems keys', async () => {
    const a = await py(`import os, boto3
params = {"TableName": os.environ["T"], "Key": {"id": {"S": "1"}}}
client = boto3.client("dynamodb")
client.get_item(**params)
client.batch_write_item(RequestItems={os.environ["A"]: [], "audit": []})
`);
    assert.deepEqual(a.calls.map((c) => c.params.TableName), [[{ kind: 'env', name: 'T' }], [{ kind: 'env', name: 'A' }, { kind: 'literal', value: 'audit' }]]);
  });
});
