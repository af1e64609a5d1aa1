import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GITHUB_TOKEN } from './config.js';

const db = new DynamoDBClient({});
const secrets = new SecretsManagerClient({});

export async function create(event) {
  const order = JSON.parse(event.body ?? '{}');
  const existing = await db.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { id: { S: order.id } } }));
  if (existing.Item) return { statusCode: 409, body: 'exists' };
  await db.send(new PutItemCommand({ TableName: process.env.TABLE_NAME, Item: { id: { S: order.id } } }));
  const key = await secrets.send(new GetSecretValueCommand({ SecretId: 'orders/webhook' }));
  return { statusCode: 201, body: JSON.stringify({ ok: true, notify: Boolean(key.SecretString && GITHUB_TOKEN) }) };
}
