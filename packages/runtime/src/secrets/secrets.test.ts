import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awsSecretsManager, awsSsm, azureKeyVault, createSecrets, gcpSecretManager, SecretFetchError, type SecretProvider } from './secrets.js';
import { checkEnvironment, secretLikeEnv } from './env.js';

function countingProvider(values: string[]): SecretProvider & { calls: number } {
  const p = {
    name: 'fake', calls: 0,
    async fetch(id: string) { p.calls++; await new Promise((r) => setTimeout(r, 5)); return `${id}:${values[Math.min(p.calls - 1, values.length - 1)]}`; },
  };
  return p;
}

test('TTL cache: served from cache while fresh, refetched after expiry', async () => {
  let t = 0;
  const p = countingProvider(['v1', 'v2']);
  const s = createSecrets({ provider: p, ttlMs: 1000, now: () => t });
  assert.equal(await s.get('db'), 'db:v1');
  t = 999;
  assert.equal(await s.get('db'), 'db:v1');
  t = 1000;
  assert.equal(await s.get('db'), 'db:v2');
  assert.equal(p.calls, 2);
});

test('concurrent gets are coalesced into one fetch', async () => {
  const p = countingProvider(['v1']);
  const s = createSecrets({ provider: p });
  const all = await Promise.all(Array.from({ length: 50 }, () => s.get('api')));
  assert.equal(p.calls, 1);
  assert.ok(all.every((v) => v === 'api:v1'));
});

test('reportAuthFailure forces a refetch (rotation), rate-limited by minRefreshIntervalMs', async () => {
  let t = 0;
  const p = countingProvider(['old', 'new', 'newer']);
  const s = createSecrets({ provider: p, ttlMs: 60_000, minRefreshIntervalMs: 100, now: () => t });
  assert.equal(await s.get('k'), 'k:old');
  s.reportAuthFailure('k');
  assert.equal(await s.get('k'), 'k:old'); // too soon after the last fetch
  t = 100;
  assert.equal(await s.get('k'), 'k:new');
  assert.equal(await s.get('k'), 'k:new'); // refreshed once, not on every call
  assert.equal(p.calls, 2);
});

test('errors name the secret, never a value, and are not cached', async () => {
  let fail = true;
  const s = createSecrets({ provider: { name: 'flaky', fetch: async () => { if (fail) throw new Error('hunter2-value'); return 'ok'; } } });
  await assert.rejects(s.get('db'), (e: unknown) => e instanceof SecretFetchError && e.message.includes('"db"') && !e.message.includes('hunter2'));
  fail = false;
  assert.equal(await s.get('db'), 'ok');
});

test('providers call their SDK clients correctly (injected fakes, no SDK installed)', async () => {
  const seen: unknown[] = [];
  const sm = awsSecretsManager({ client: { getSecretValue: async (i) => { seen.push(i); return { SecretString: 's1' }; } } });
  const bin = awsSecretsManager({ client: { getSecretValue: async () => ({ SecretBinary: new TextEncoder().encode('b1') }) } });
  const ssm = awsSsm({ client: { getParameter: async (i) => { seen.push(i); return { Parameter: { Value: 'p1' } }; } } });
  const kv = azureKeyVault({ client: { getSecret: async (n) => { seen.push(n); return { value: 'a1' }; } } });
  const gcp = gcpSecretManager({ project: 'proj', client: { accessSecretVersion: async (r) => { seen.push(r); return [{ payload: { data: new TextEncoder().encode('g1') } }]; } } });
  assert.deepEqual([await sm.fetch('x'), await bin.fetch('x'), await ssm.fetch('/app/db'), await kv.fetch('kv1'), await gcp.fetch('g')], ['s1', 'b1', 'p1', 'a1', 'g1']);
  assert.deepEqual(seen, [{ SecretId: 'x' }, { Name: '/app/db', WithDecryption: true }, 'kv1', { name: 'projects/proj/secrets/g/versions/latest' }]);
  await assert.rejects(awsSsm({ client: { getParameter: async () => ({}) } }).fetch('n'), /empty/);
});

test('without a client, a missing optional SDK gives an actionable error', async () => {
  await assert.rejects(awsSecretsManager().fetch('x'), /install the optional peer dependency "@aws-sdk\/client-secrets-manager"/);
  await assert.rejects(gcpSecretManager().fetch('x'), /@google-cloud\/secret-manager/);
  await assert.rejects(azureKeyVault().fetch('x'), /vaultUrl/);
});

test('plain-text secrets in the environment are reported by name only', () => {
  const env = {
    DB_PASSWORD: 'correct-horse-battery', STRIPE_KEY: 'sk_live_abcdefghijklmnop', PLAIN: 'AKIAABCDEFGHIJKLMNOP',
    API_TOKEN: 'arn:aws:secretsmanager:eu-west-1:1:secret:x', AWS_SECRET_ACCESS_KEY: 'platform-provided-value', LOG_LEVEL: 'debug',
    FEATURE_TOKEN_ENABLED: 'true', DATABASE_URL: 'postgres://app:s3cret-pw@db:5432/app', NODE_ENV: 'production',
    // the shell's working directories are not passwords, although the names end in PWD
    PWD: '/var/task/functions', OLDPWD: '/home/sbx_user1051',
  };
  assert.deepEqual(secretLikeEnv(env), ['DATABASE_URL', 'DB_PASSWORD', 'PLAIN', 'STRIPE_KEY']);
  const lines: string[] = [];
  checkEnvironment(env, (l) => lines.push(l));
  assert.equal(lines.length, 4);
  const secrets = ['correct-horse-battery', 'sk_live_abcdefghijklmnop', 'AKIAABCDEFGHIJKLMNOP', 's3cret-pw'];
  for (const l of lines) for (const v of secrets) assert.ok(!l.includes(v), l);
});
