/**
 * A synthetic serverless.yml service with N functions whose handlers mix SDK v3 (JS and TS),
 * SDK v2 and boto3 (Python), each with 3–5 SDK calls, environment-variable resources and a
 * shared helper module, for the policy-generation benchmark.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = ['v3-mjs', 'v3-ts', 'v2-js', 'boto3'] as const;

function handlerFor(kind: (typeof KINDS)[number], i: number): { file: string; text: string } {
  switch (kind) {
    case 'v3-mjs':
      return {
        file: `src/f${i}.mjs`,
        text: `import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { audit } from './lib/audit.mjs';

const s3 = new S3Client({});
const sqs = new SQSClient({});

export const handler = async (event) => {
  const obj = await s3.send(new GetObjectCommand({ Bucket: 'in-${i}', Key: \`incoming/\${event.id}\` }));
  await s3.send(new PutObjectCommand({ Bucket: process.env.OUT_BUCKET, Key: 'done/' + event.id, Body: obj.Body }));
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: event.id }));
  await audit(event.id);
};
`,
      };
    case 'v3-ts':
      return {
        file: `src/f${i}.ts`,
        text: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const secrets = new SecretsManagerClient({});
const TABLE = process.env.TABLE_NAME;

export async function handler(event: { id: string; email: string }): Promise<unknown> {
  const key = await secrets.send(new GetSecretValueCommand({ SecretId: 'svc-${i}/api' }));
  const current = await ddb.send(new GetCommand({ TableName: TABLE, Key: { id: event.id } }));
  const byEmail = await ddb.send(new QueryCommand({ TableName: TABLE, IndexName: 'byEmail', KeyConditionExpression: 'email = :e', ExpressionAttributeValues: { ':e': event.email } }));
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { id: event.id, n: (byEmail.Count ?? 0) + 1 } }));
  return { current: current.Item, key: key.VersionId };
}
`,
      };
    case 'v2-js':
      return {
        file: `src/f${i}.js`,
        text: `const AWS = require('aws-sdk');

const sns = new AWS.SNS();
const docs = new AWS.DynamoDB.DocumentClient();
const lambda = new AWS.Lambda();

exports.handler = async (event) => {
  await docs.update({ TableName: process.env.TABLE_NAME, Key: { id: event.id }, UpdateExpression: 'ADD n :one' }).promise();
  await sns.publish({ TopicArn: 'arn:aws:sns:eu-west-1:123456789012:topic-${i}', Message: 'ok' }).promise();
  await lambda.invoke({ FunctionName: 'worker-${i}', InvocationType: 'Event' }).promise();
  return { ok: true };
};
`,
      };
    case 'boto3':
      return {
        file: `py/f${i}.py`,
        text: `import os

import boto3

s3 = boto3.client("s3")
ssm = boto3.client("ssm")
table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def handler(event, context):
    limit = ssm.get_parameter(Name="/svc-${i}/limit")["Parameter"]["Value"]
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket="in-${i}", Prefix="incoming/"):
        for item in page.get("Contents", []):
            table.put_item(Item={"id": item["Key"], "limit": limit})
    s3.upload_file("/tmp/report.csv", os.environ["OUT_BUCKET"], f"reports/{event['day']}.csv")
    return {"ok": True}
`,
      };
  }
}

/** Writes the service into `root`; returns the number of handler files. */
export function generateService(root: string, functions: number): number {
  mkdirSync(join(root, 'src', 'lib'), { recursive: true });
  mkdirSync(join(root, 'py'), { recursive: true });
  writeFileSync(
    join(root, 'src', 'lib', 'audit.mjs'),
    `import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
const logs = new CloudWatchLogsClient({});
export async function audit(id) {
  await logs.send(new PutLogEventsCommand({ logGroupName: 'audit', logStreamName: 'main', logEvents: [{ message: id, timestamp: Date.now() }] }));
}
`,
  );
  const yml: string[] = ['service: bench', '', 'provider:', '  name: aws', '  runtime: nodejs20.x', '', 'functions:'];
  for (let i = 0; i < functions; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const h = handlerFor(kind, i);
    writeFileSync(join(root, h.file), h.text);
    const handler = `${h.file.replace(/\.(mjs|ts|js|py)$/, '')}.handler`;
    yml.push(`  f${i}:`, `    handler: ${handler}`);
    if (kind === 'boto3') yml.push('    runtime: python3.12');
    yml.push('    environment:', `      TABLE_NAME: table-${i}`, `      OUT_BUCKET: out-${i}`, `      QUEUE_URL: https://sqs.eu-west-1.amazonaws.com/123456789012/q-${i}`);
  }
  writeFileSync(join(root, 'serverless.yml'), `${yml.join('\n')}\n`);
  return functions;
}
