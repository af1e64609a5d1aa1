// The examples run with the real framework types: @azure/functions HttpRequest/InvocationContext,
// the Functions Framework's own Express server, and aws-lambda event types.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import azureFunctions from '@azure/functions';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';
import { auditQueue, orders as azureOrders, received } from './azure.js';
import { seenEvents } from './gcp.js';
import { orders as lambdaOrders, processed, shipments } from './lambda.js';

const { HttpRequest, InvocationContext } = azureFunctions;

// Security events go to stdout by default; keep test output readable.
const write = process.stdout.write.bind(process.stdout);
const events: string[] = [];
before(() => { process.stdout.write = ((chunk: string) => { if (String(chunk).includes('"class_uid":2004')) { events.push(String(chunk)); return true; } return write(chunk); }) as typeof process.stdout.write; });
after(() => { process.stdout.write = write; });

describe('Lambda example', () => {
  const http = (body: string): APIGatewayProxyEventV2 => ({
    version: '2.0', routeKey: 'POST /orders', rawPath: '/orders', rawQueryString: '', headers: { 'content-type': 'application/json' }, isBase64Encoded: false, body,
    requestContext: { accountId: '1', apiId: 'a', domainName: 'api.example.com', domainPrefix: 'api', requestId: 'r', routeKey: 'POST /orders', stage: '$default', time: '', timeEpoch: 0,
      http: { method: 'POST', path: '/orders', protocol: 'HTTP/1.1', sourceIp: '198.51.100.1', userAgent: 'test' } },
  });
  test('valid order → 201 with security headers; injection or schema failure → 400', async () => {
    const ok = await lambdaOrders(http('{"sku":"A-1","qty":2}'));
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.headers?.['Strict-Transport-Security'], 'max-age=31536000; includeSubDomains');
    assert.equal((await lambdaOrders(http('{"sku":"A-1","qty":2,"note":"<script>alert(1)</script>"}'))).statusCode, 400);
    assert.equal((await lambdaOrders(http('{"sku":"A-1","qty":0}'))).statusCode, 400);
  });
  test('SQS consumer: the bad message is reported, the others processed', async () => {
    const rec = (id: string, body: string) => ({ messageId: id, receiptHandle: '', body, attributes: {} as SQSEvent['Records'][0]['attributes'], messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: 'eu-west-1' });
    const r = await shipments({ Records: [rec('1', '{"id":"a"}'), rec('2', '{"id":"; rm -rf /"}'), rec('3', '{"nope":1}'), rec('4', '{"id":"d"}')] });
    assert.deepEqual(r, { batchItemFailures: [{ itemIdentifier: '2' }, { itemIdentifier: '3' }] });
    assert.deepEqual(processed, ['a', 'd']);
  });
});

describe('Azure Functions example (real HttpRequest / InvocationContext)', () => {
  const ctx = () => new InvocationContext({ functionName: 'orders', invocationId: `inv-${Math.random()}` });
  const req = (body: string, headers: Record<string, string> = {}) => new HttpRequest({ method: 'POST', url: 'https://app.example.net/api/orders?x=1', headers: { 'content-type': 'application/json', ...headers }, body: { string: body } });
  test('clean request reaches the handler (body still readable) and gets headers', async () => {
    const r = await azureOrders(req('{"sku":"B-2"}', { authorization: 'Bearer x' }), ctx());
    assert.equal(r.status, 201);
    assert.deepEqual(r.jsonBody, { accepted: 'B-2' });
    const h = r.headers as Record<string, string>;
    assert.equal(h['X-Frame-Options'], 'DENY');
    assert.equal(h['Cache-Control'], 'no-store');
  });
  test('attacks and schema failures → 400; client-supplied X-Forwarded-For entries are not trusted', async () => {
    const before = events.length;
    const r = await azureOrders(req('{"sku":"{{7*7}}"}', { 'x-forwarded-for': '6.6.6.6, 203.0.113.50:443' }), ctx());
    assert.equal(r.status, 400);
    assert.equal((JSON.parse(events[before] as string) as { src_endpoint: { ip: string } }).src_endpoint.ip, '203.0.113.50');
    assert.equal((await azureOrders(req('{"other":1}'), ctx())).status, 400);
  });
  test('queue trigger: a hostile message is not processed', async () => {
    await auditQueue('{"user":"ann"}', ctx());
    await auditQueue('{"user":"http://169.254.169.254/latest/meta-data/"}', ctx());
    assert.deepEqual(received, ['{"user":"ann"}']);
  });
});

describe('GCP Functions Framework example (real Express server)', () => {
  let base = '';
  const servers: Array<ReturnType<typeof getTestServer>> = [];
  before(async () => {
    for (const name of ['orders', 'uploads']) {
      const s = getTestServer(name);
      servers.push(s);
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    }
    base = `http://127.0.0.1:${(servers[0]?.address() as AddressInfo).port}`;
  });
  after(async () => { for (const s of servers) await new Promise((r) => s.close(r)); });

  test('HTTP function: 201 with security headers; injection → 400 generic body', async () => {
    const ok = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sku":"C-3"}' });
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(await ok.json(), { accepted: 'C-3' });
    const bad = await fetch(`${base}/?next=gopher://127.0.0.1:6379/_x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sku":"C-3"}' });
    assert.equal(bad.status, 400);
    assert.equal(await bad.text(), '{"message":"Bad Request"}');
    const schema = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' });
    assert.equal(schema.status, 400);
  });
  test('CloudEvent function: a hostile event is acknowledged but not processed', async () => {
    const url = `http://127.0.0.1:${(servers[1]?.address() as AddressInfo).port}`;
    const send = (id: string, name: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'ce-id': id, 'ce-specversion': '1.0', 'ce-type': 'google.cloud.storage.object.v1.finalized', 'ce-source': '//storage.googleapis.com/b' }, body: JSON.stringify({ name }) });
    assert.ok((await send('1', 'photos/cat.png')).ok);
    assert.ok((await send('2', '../../../etc/passwd')).ok);
    assert.deepEqual(seenEvents, ['photos/cat.png']);
  });
});
