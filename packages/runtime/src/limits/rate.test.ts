import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { guard } from '../guard.js';
import { LocalRateLimiter, RedisRateLimiter, rateKey } from './rate.js';
import { redisAvailable, SKIP_REASON, startRedis, type RedisHandle } from './redis.testkit.js';

test('local limiter: fixed window per key, bounded key map', () => {
  const l = new LocalRateLimiter(2, 1000, 3);
  assert.deepEqual([l.hit('a', 0), l.hit('a', 10), l.hit('a', 20)], [false, false, true]);
  assert.equal(l.hit('a', 1000), false); // new window
  for (const k of ['b', 'c', 'd', 'e']) l.hit(k, 1000);
  assert.equal(l.hit('b', 1001), false);
});

test('rateKey falls back to global when the identity is unknown', () => {
  assert.equal(rateKey('ip', '1.2.3.4', undefined), 'ip:1.2.3.4');
  assert.equal(rateKey('principal', undefined, 'u1'), 'p:u1');
  assert.equal(rateKey('principal', '1.2.3.4', undefined), 'global');
});

const event = (ip: string) => ({
  version: '2.0', routeKey: 'GET /x', rawPath: '/x', headers: {}, requestContext: { http: { method: 'GET', path: '/x', sourceIp: ip } },
});

test('guard: over the local limit → 429 and a security event', async () => {
  const lines: string[] = [];
  const h = guard(async () => ({ statusCode: 200, body: 'ok' }), { sink: (l) => lines.push(l), checkEnv: false, rateLimit: { limit: 2, by: 'ip' } });
  const codes = [];
  for (let i = 0; i < 3; i++) codes.push(((await h(event('198.51.100.1'), {})) as { statusCode: number }).statusCode);
  codes.push(((await h(event('198.51.100.2'), {})) as { statusCode: number }).statusCode);
  assert.deepEqual(codes, [200, 200, 429, 200]);
  assert.equal(lines.length, 1);
  assert.match(lines[0] as string, /"rule":"rate.local"/);
});

describe('shared limits in Redis', { skip: redisAvailable() ? false : SKIP_REASON }, () => {
  let server: RedisHandle;
  let client: Redis;
  before(async () => {
    server = await startRedis();
    client = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: false, maxRetriesPerRequest: 1 });
  });
  after(async () => {
    await client.quit();
    await server.stop();
  });

  test('counts across limiter instances (as across Lambda instances) and expires the window', async () => {
    const a = new RedisRateLimiter({ client, limit: 3, windowMs: 60_000, prefix: 't1' });
    const b = new RedisRateLimiter({ client, limit: 3, windowMs: 60_000, prefix: 't1' });
    const now = 1_800_000_000_000;
    const res = [await a.hit('ip:1', now), await b.hit('ip:1', now), await a.hit('ip:1', now), await b.hit('ip:1', now)];
    assert.deepEqual(res, [false, false, false, true]);
    const keys = await client.keys('t1:*');
    assert.equal(keys.length, 1);
    const ttl = await client.pttl(keys[0] as string);
    assert.ok(ttl > 0 && ttl <= 60_000, `ttl ${ttl}`);
    assert.equal(await a.hit('ip:1', now + 60_000), false); // next window
  });

  test('guard with two "instances" sharing Redis: the third request overall is refused', async () => {
    const opts = { sink: () => {}, checkEnv: false, sharedRateLimit: { client, limit: 2, by: 'ip' as const, prefix: `t2-${Date.now()}` } };
    const h1 = guard(async () => ({ statusCode: 200, body: 'ok' }), opts);
    const h2 = guard(async () => ({ statusCode: 200, body: 'ok' }), opts);
    const r = [await h1(event('203.0.113.5'), {}), await h2(event('203.0.113.5'), {}), await h1(event('203.0.113.5'), {})] as Array<{ statusCode: number }>;
    assert.deepEqual(r.map((x) => x.statusCode), [200, 200, 429]);
  });

  test('Redis down: fails closed by default, open when configured', async () => {
    const dead = new Redis({ port: 1, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    const base = { sink: () => {}, checkEnv: false, sharedRateLimit: { client: dead, limit: 5 } };
    const closed = guard(async () => ({ statusCode: 200, body: 'ok' }), base);
    const open = guard(async () => ({ statusCode: 200, body: 'ok' }), { ...base, failOpen: true });
    assert.equal(((await closed(event('1.1.1.1'), {})) as { statusCode: number }).statusCode, 500);
    assert.equal(((await open(event('1.1.1.1'), {})) as { statusCode: number }).statusCode, 200);
    dead.disconnect();
  });
});
