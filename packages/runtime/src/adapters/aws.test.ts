import assert from 'node:assert/strict';
import { test } from 'node:test';
import middy from '@middy/core';
import { guard, fnguard } from '../guard.js';
import { detectAwsSource, unmarshall } from './aws.js';
import * as ev from './fixtures/aws.js';

type Obj = Record<string, unknown>;
const quiet = { checkEnv: false };
function collector(): { sink: (l: string) => void; lines: Obj[] } {
  const lines: Obj[] = [];
  return { lines, sink: (l: string) => { lines.push(JSON.parse(l) as Obj); } };
}
const ok = async (e: unknown): Promise<unknown> => ({ statusCode: 200, body: JSON.stringify({ seen: (e as Obj).body !== undefined }) });

test('event source is detected from the event shape', () => {
  assert.equal(detectAwsSource(ev.apigwV1()), 'apigw-v1');
  assert.equal(detectAwsSource(ev.apigwV2()), 'apigw-v2');
  assert.equal(detectAwsSource(ev.functionUrl()), 'function-url');
  assert.equal(detectAwsSource(ev.alb()), 'alb');
  assert.equal(detectAwsSource(ev.sqs(['x'])), 'sqs');
  assert.equal(detectAwsSource(ev.kinesis(['x'])), 'kinesis');
  assert.equal(detectAwsSource(ev.dynamodb(['x'])), 'dynamodb');
  assert.equal(detectAwsSource(ev.sns(['x'])), 'sns');
  assert.equal(detectAwsSource(ev.s3(['x'])), 's3');
  assert.equal(detectAwsSource(ev.eventbridge({})), 'eventbridge');
  assert.equal(detectAwsSource({ anything: 1 }), 'unknown');
  assert.equal(detectAwsSource(null), 'unknown');
});

test('HTTP: clean requests pass with security headers; attacks get a generic 400 and one event', async () => {
  for (const make of [ev.apigwV1, ev.apigwV2, ev.functionUrl]) {
    const c = collector();
    const h = guard(ok, { ...quiet, sink: c.sink });
    const good = (await h(make({ name: "Siobhán O'Brien" }), { awsRequestId: 'r1', functionName: 'fn' })) as { statusCode: number; headers: Obj };
    assert.equal(good.statusCode, 200);
    assert.equal(good.headers['X-Content-Type-Options'], 'nosniff');
    const bad = (await h(make({ name: "x' UNION SELECT password FROM users--" }), { awsRequestId: 'r2', functionName: 'fn' })) as { statusCode: number; body: string };
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.body, '{"message":"Bad Request"}');
    assert.equal(c.lines.length, 1);
    const f = c.lines[0] as { unmapped: Obj; finding_info: { types: string[] } };
    assert.deepEqual(f.finding_info.types, ['sqli', 'sqli.union']);
    assert.equal(f.unmapped.request_id, 'r2');
    assert.equal(f.unmapped.function_name, 'fn');
  }
});

test('HTTP: query, path parameters, headers and cookies are all inspected', async () => {
  const h = guard(ok, { ...quiet, sink: () => {} });
  const q = ev.apigwV2(); q.queryStringParameters = { next: 'http://169.254.169.254/latest/' };
  const p = ev.apigwV1(); p.pathParameters = { id: '../../etc/passwd' };
  const hd = ev.apigwV2(); (hd.headers as Obj)['x-note'] = '<script>alert(1)</script>';
  const ck = ev.apigwV2(); ck.cookies = ['pref={{7*7}}'];
  for (const e of [q, p, hd, ck]) assert.equal(((await h(e, {})) as { statusCode: number }).statusCode, 400);
});

test('HTTP: content type, size, depth, JSON syntax and CRLF in headers', async () => {
  const h = guard(ok, { ...quiet, sink: () => {}, limits: { maxBodyBytes: 1000 } });
  const xml = ev.apigwV2('<a/>'); (xml.headers as Obj)['content-type'] = 'application/xml';
  const big = ev.apigwV2({ s: 'x'.repeat(2000) });
  const deep = ev.apigwV2('['.repeat(100) + ']'.repeat(100));
  const broken = ev.apigwV2('{"a":');
  const crlf = ev.apigwV2(); (crlf.headers as Obj)['x-a'] = 'v\r\nSet-Cookie: a=b';
  const codes = [];
  for (const e of [xml, big, deep, broken, crlf]) codes.push(((await h(e, {})) as { statusCode: number }).statusCode);
  assert.deepEqual(codes, [415, 413, 400, 400, 400]);
});

test('HTTP: prototype pollution and NoSQL operator keys in the body', async () => {
  const h = guard(ok, { ...quiet, sink: () => {} });
  for (const body of ['{"__proto__":{"isAdmin":true}}', '{"user":{"constructor":{"prototype":{"x":1}}}}', '{"pw":{"$ne":null}}']) {
    assert.equal(((await h(ev.apigwV2(body), {})) as { statusCode: number }).statusCode, 400, body);
  }
});

test('HTTP: base64 bodies and form bodies are decoded before inspection', async () => {
  const h = guard(ok, { ...quiet, sink: () => {} });
  const b64 = ev.apigwV2(); b64.body = Buffer.from('{"q":"1; DROP TABLE users"}').toString('base64'); b64.isBase64Encoded = true;
  const form = ev.apigwV2('a=1&b=%3Cscript%3Ealert(1)%3C%2Fscript%3E'); (form.headers as Obj)['content-type'] = 'application/x-www-form-urlencoded';
  for (const e of [b64, form]) assert.equal(((await h(e, {})) as { statusCode: number }).statusCode, 400);
});

test('HTTP: per-route schema (JSON Schema) → 400 on mismatch, route-less fallback "http"', async () => {
  const h = guard(ok, { ...quiet, sink: () => {}, schemas: { 'POST /orders': { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } } });
  assert.equal(((await h(ev.apigwV2({ sku: 'A1' }), {})) as { statusCode: number }).statusCode, 200);
  assert.equal(((await h(ev.apigwV2({ name: 'no sku' }), {})) as { statusCode: number }).statusCode, 400);
  // v1 uses the resource template as the route
  const h1 = guard(ok, { ...quiet, sink: () => {}, schemas: { '/items/{id}': { type: 'object', required: ['name'] } } });
  assert.equal(((await h1(ev.apigwV1({ other: 1 }), {})) as { statusCode: number }).statusCode, 400);
});

test('HTTP: monitor mode logs and lets the request through', async () => {
  const c = collector();
  const h = guard(ok, { ...quiet, sink: c.sink, mode: 'monitor' });
  assert.equal(((await h(ev.apigwV2({ q: "' or 1=1--" }), {})) as { statusCode: number }).statusCode, 200);
  assert.equal((c.lines[0] as { action: string }).action, 'Allowed');
});

test('HTTP: client IP from the platform, never from a spoofed X-Forwarded-For; ALB trusts its own hop', async () => {
  const c = collector();
  const h = guard(ok, { ...quiet, sink: c.sink });
  const v1 = ev.apigwV1({ q: '<script>x</script>' });
  await h(v1, {});
  const a = ev.alb({ q: '<script>x</script>' });
  await h(a, {});
  assert.deepEqual(c.lines.map((l) => (l.src_endpoint as Obj).ip), ['203.0.113.4', '192.0.2.10']);
});

test('HTTP: headers normalised for the handler; spoofable forwarding headers stripped when asked', async () => {
  let seen: Obj = {};
  const h = guard(async (e: Obj) => { seen = e.headers as Obj; return { statusCode: 204 }; }, { ...quiet, sink: () => {}, stripForwardedHeaders: true });
  await h(ev.apigwV1(), {});
  assert.equal(seen['content-type'], 'application/json');
  assert.equal(seen['x-forwarded-for'], undefined);
});

test('HTTP: handler headers win; v2 shorthand results get an explicit shape; no-store only when authenticated', async () => {
  const h = guard(async (): Promise<unknown> => ({ statusCode: 200, headers: { 'content-security-policy': "default-src 'self'" }, body: '' }), { ...quiet, sink: () => {} });
  const r = (await h(ev.apigwV1(), {})) as { headers: Obj };
  assert.equal(r.headers['content-security-policy'], "default-src 'self'");
  assert.equal(r.headers['Content-Security-Policy'], undefined);
  assert.equal(r.headers['Cache-Control'], 'no-store'); // Authorization header present
  const anon = ev.alb();
  const r2 = (await h(anon, {})) as { headers: Obj };
  assert.equal(r2.headers['Cache-Control'], undefined);
  const short = guard(async (): Promise<unknown> => ({ hello: 'world' }), { ...quiet, sink: () => {} });
  const r3 = (await short(ev.apigwV2(), {})) as { statusCode: number; body: string; headers: Obj };
  assert.deepEqual([r3.statusCode, r3.body, r3.headers['X-Frame-Options']], [200, '{"hello":"world"}', 'DENY']);
});

test('SQS / Kinesis / DynamoDB: bad records become batchItemFailures, good ones are processed', async () => {
  const seen: number[] = [];
  const h = guard(async (e: Obj) => { seen.push((e.Records as unknown[]).length); return { batchItemFailures: [{ itemIdentifier: 'handler-own' }] }; }, { ...quiet, sink: () => {} });
  const r1 = await h(ev.sqs(['{"a":"fine"}', '{"a":"$(whoami)"}', 'plain text', '<img src=x onerror=alert(1)>']), {});
  assert.deepEqual(r1, { batchItemFailures: [{ itemIdentifier: 'handler-own' }, { itemIdentifier: 'm1' }, { itemIdentifier: 'm3' }] });
  const r2 = await h(ev.kinesis(['{"x":1}', '{"u":"http://127.0.0.1:8080/"}']), {});
  assert.deepEqual((r2 as { batchItemFailures: Obj[] }).batchItemFailures.slice(1), [{ itemIdentifier: 'seq1' }]);
  const r3 = await h(ev.dynamodb(['Ann', '{{7*7}}']), {});
  assert.deepEqual((r3 as { batchItemFailures: Obj[] }).batchItemFailures.slice(1), [{ itemIdentifier: 'd1' }]);
  assert.deepEqual(seen, [2, 1, 1]);
});

test('batch: all records bad → handler not called; schema per source applies to each record', async () => {
  let calls = 0;
  const h = guard(async () => { calls++; }, { ...quiet, sink: () => {}, schemas: { sqs: { type: 'object', properties: { body: { type: 'object', required: ['id'] } } } } });
  const r = await h(ev.sqs(['{"id":1}', '{"noid":1}']), {});
  assert.deepEqual(r, { batchItemFailures: [{ itemIdentifier: 'm1' }] });
  assert.equal(calls, 1);
  const all = await h(ev.sqs(['{"x":"../../../etc/passwd"}']), {});
  assert.deepEqual(all, { batchItemFailures: [{ itemIdentifier: 'm0' }] });
  assert.equal(calls, 1);
});

test('SNS / S3: bad records are dropped; EventBridge: a bad event is not processed', async () => {
  const got: unknown[] = [];
  const h = guard(async (e: unknown) => { got.push(e); return 'done'; }, { ...quiet, sink: () => {} });
  await h(ev.sns(['hello', "'; DROP TABLE t;--"]), {});
  await h(ev.s3(['photos/cat+1.jpg', '..%2F..%2F..%2Fetc%2Fpasswd']), {});
  assert.equal(await h(ev.eventbridge({ note: '${jndi:ldap://x.example/a}' }), {}), undefined);
  assert.equal(await h(ev.eventbridge({ note: 'fine' }), {}), 'done');
  assert.equal(((got[0] as Obj).Records as unknown[]).length, 1);
  assert.equal(((got[1] as Obj).Records as unknown[]).length, 1);
  assert.equal(got.length, 3);
});

test('source override and unknown events', async () => {
  const c = collector();
  const h = guard(async () => 'ran', { ...quiet, sink: c.sink, source: 'eventbridge' });
  assert.equal(await h({ detail: { x: '<script>1</script>' }, 'detail-type': 'x', source: 's' }, {}), undefined);
  const u = guard(async () => 'ran', { ...quiet, sink: () => {} });
  assert.equal(await u({ custom: { nested: 'hello' } }, {}), 'ran');
  assert.equal(await u({ custom: { nested: '$(reboot)' } }, {}), undefined);
});

test('internal guard error: fail closed by default (500 / all records failed), fail open when configured', async () => {
  const throwing = { '~standard': { version: 1 as const, vendor: 'test', validate: () => { throw new Error('boom'); } } };
  const c = collector();
  let calls = 0;
  const handler = async () => { calls++; return { statusCode: 200 }; };
  const closed = guard(handler, { ...quiet, sink: c.sink, schemas: { http: throwing, sqs: throwing } });
  assert.equal(((await closed(ev.apigwV2(), {})) as { statusCode: number }).statusCode, 500);
  assert.deepEqual(await closed(ev.sqs(['{}', '{}']), {}), { batchItemFailures: [{ itemIdentifier: 'm0' }, { itemIdentifier: 'm1' }] });
  assert.equal(calls, 0);
  assert.ok(c.lines.every((l) => !JSON.stringify(l).includes('boom')));
  const open = guard(handler, { ...quiet, sink: () => {}, schemas: { http: throwing }, failOpen: true });
  assert.equal(((await open(ev.apigwV2(), {})) as { statusCode: number }).statusCode, 200);
  assert.equal(calls, 1);
});

test('cold-start flag is true only on the first invocation of the instance', async () => {
  const c = collector();
  const h = guard(ok, { ...quiet, sink: c.sink });
  await h(ev.apigwV2({ a: '<script>1</script>' }), {});
  await h(ev.apigwV2({ a: '<script>1</script>' }), {});
  const flags = c.lines.map((l) => (l.unmapped as Obj).cold_start);
  assert.equal(flags[1], false);
});

test('Middy form: early 400 for HTTP, narrowed batch and merged failures, headers added after', async () => {
  const seen: number[] = [];
  const h = middy(async (e: Obj) => { if (Array.isArray(e.Records)) { seen.push(e.Records.length); return {}; } return { statusCode: 200, body: 'ok' }; })
    .use(fnguard({ ...quiet, sink: () => {} }));
  const ctx = { awsRequestId: 'r', functionName: 'f', getRemainingTimeInMillis: () => 1000 } as never;
  const good = (await h(ev.apigwV2() as never, ctx)) as unknown as { statusCode: number; headers: Obj };
  assert.equal(good.statusCode, 200);
  assert.equal(good.headers['Strict-Transport-Security'], 'max-age=31536000; includeSubDomains');
  const bad = (await h(ev.apigwV2({ a: "1' or '1'='1" }) as never, ctx)) as { statusCode: number };
  assert.equal(bad.statusCode, 400);
  const batch = await h(ev.sqs(['{"a":1}', '{"b":"; cat /etc/passwd"}']) as never, ctx);
  assert.deepEqual(batch, { batchItemFailures: [{ itemIdentifier: 'm1' }] });
  assert.deepEqual(seen, [1]);
});

test('DynamoDB unmarshall covers every attribute type', () => {
  assert.deepEqual(unmarshall({ M: { s: { S: 'a' }, n: { N: '1.5' }, b: { BOOL: false }, z: { NULL: true }, l: { L: [{ S: 'x' }] }, ss: { SS: ['a', 'b'] }, ns: { NS: ['1'] } } }),
    { s: 'a', n: 1.5, b: false, z: null, l: ['x'], ss: ['a', 'b'], ns: [1] });
  assert.equal(unmarshall('nope'), undefined);
});

test('HTTP: parseJsonBody hands the handler the body the guard parsed; off by default', async () => {
  let seen: unknown;
  const spy = async (e: unknown): Promise<unknown> => { seen = (e as Obj).body; return { statusCode: 200, body: '' }; };
  await guard(spy, { ...quiet, sink: () => {}, parseJsonBody: true })(ev.apigwV2({ name: 'Ann', n: [1] }), {});
  assert.deepEqual(seen, { name: 'Ann', n: [1] });
  await guard(spy, { ...quiet, sink: () => {} })(ev.apigwV2({ name: 'Ann' }), {});
  assert.equal(seen, '{"name":"Ann"}');
  // non-JSON bodies stay text
  await guard(spy, { ...quiet, sink: () => {}, parseJsonBody: true })(ev.apigwV2('a=1', { headers: { 'content-type': 'text/plain' } }), {});
  assert.equal(seen, 'a=1');
});

test('HTTP: platform-format headers are skipped only when they have the platform format', async () => {
  const h = guard(ok, { ...quiet, sink: () => {} });
  const withHeaders = (headers: Obj): Obj => ev.apigwV2({ a: 1 }, { headers: { 'content-type': 'application/json', ...headers } });
  const clean = { 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1', 'x-forwarded-proto': 'https', 'x-forwarded-port': '443', 'content-length': '7' };
  assert.equal(((await h(withHeaders(clean), {})) as { statusCode: number }).statusCode, 200);
  for (const [name, value] of [['x-amzn-trace-id', "Root=1' OR 1=1--"], ['x-forwarded-proto', '<script>alert(1)</script>'], ['content-length', '1; cat /etc/passwd']]) {
    assert.equal(((await h(withHeaders({ [name as string]: value }), {})) as { statusCode: number }).statusCode, 400, name);
  }
});
