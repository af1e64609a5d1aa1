import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSecretValue, isPlaceholder, isSecretLikeName, shannonEntropy } from './detect.js';

// Fake credentials assembled at run time so this file does not itself look like a leak.
const j = (...parts: string[]) => parts.join('');
const AWS_ID = j('AKIA', 'ZQ3X7PL2MV9RT4KW');
const AWS_SECRET = j('q8Xv2+Lm4Rt9', 'Kp1Zs7Yw3Nb6Hc0Df5Gj', '8ReT2uVa');
const GH = j('ghp_', 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6');
const GITLAB = j('glpat-', 'Xy7Kp2Lm9Qr4Vt6Wz1Ab');
const SLACK = j('xoxb-', '1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv');
const STRIPE_LIVE = j('sk_live_', '51HxYzAbCdEfGhIjKlMnOpQr');
const GOOGLE = j('AIza', 'SyD3x7Kp2Lm9Qr4Vt6Wz1Ab8Cd5Ef0GhIjK');
const AZ_KEY = j('k3Jf9Lq2Xz8Vb7Nm6Wc5Pe4Rt3Yu2Io1As0Df9Gh8Jk7Lz6Xc5Vb4Nm3Qw2Er1Ty0Ui9Op8As7Df6Gh5Jk4Lz3X+/'.slice(0, 86), '==');

describe('detectSecretValue', () => {
  const cases: [string, string, string][] = [
    ['AWS_ACCESS_KEY_ID', AWS_ID, 'aws-access-key-id'],
    ['AWS_SECRET_ACCESS_KEY', AWS_SECRET, 'aws-secret-access-key'],
    ['GH', GH, 'github-token'],
    ['CI', GITLAB, 'gitlab-token'],
    ['BOT', SLACK, 'slack-token'],
    ['PAY', STRIPE_LIVE, 'stripe-live-key'],
    ['MAPS', GOOGLE, 'google-api-key'],
    ['AzureWebJobsStorage', `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${AZ_KEY};EndpointSuffix=core.windows.net`, 'azure-storage-connection-string'],
    ['STORAGE_KEY', AZ_KEY, 'azure-storage-account-key'],
    ['KEY', j('-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEow...'), 'private-key'],
    ['DATABASE_URL', 'postgres://app:S3cr3tPassw0rd@db.internal:5432/app', 'database-url-password'],
    ['SQL', 'Server=tcp:x.database.windows.net;Database=d;User ID=u;Password=Pa55w0rdZz9;', 'password-assignment'],
    ['SESSION', j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiJhYmMxMjMifQ', '.k2Lp9Xv7Qz4Rt1Wm8Bn5'), 'jwt'],
    ['DB_PASSWORD', 'hT7#kQ2!mZp9', 'high-entropy'],
    ['stripeSecret', 'A9f3kL2pQ8zX7mN4', 'high-entropy'],
  ];
  for (const [name, value, kind] of cases) {
    it(`finds ${kind} in ${name}`, () => assert.equal(detectSecretValue(name, value)?.kind, kind));
  }

  const clean: [string, string][] = [
    ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['AzureWebJobsStorage', 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;'],
    ['DB_PASSWORD', '${ssm:/app/db-password}'],
    ['DB_PASSWORD', '{{resolve:secretsmanager:MySecret:SecretString:password}}'],
    ['API_KEY', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/api/)'],
    ['PASSWORD', 'changeme'],
    ['PASSWORD', ''],
    ['PASSWORD', 'abc'],
    ['API_TOKEN', '<your-token-here>'],
    ['SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf'],
    ['TOKEN_TABLE', 'tokens-prod-7f3a9c'],
    ['SECRET_NAME', 'prod/db/Password1'],
    ['TABLE', 'orders-2024-Q3xZ'],
    ['DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db:5432/app'],
    ['ENABLE_TOKEN_CACHE', 'true'],
    ['secrets', 'Secret exposed in environment'],
    ['JWT_SECRET', 'xxxxxxxxxxxxxxxx'],
    ['STRIPE_KEY', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['AWS_ACCESS_KEY_ID', 'AKIA****************'],
  ];
  for (const [name, value] of clean) {
    it(`ignores ${name}=${value.slice(0, 20)}`, () => assert.equal(detectSecretValue(name, value), undefined));
  }

  it('classifies names', () => {
    assert.ok(isSecretLikeName('DB_PASSWORD'));
    assert.ok(isSecretLikeName('apiKey'));
    assert.ok(isSecretLikeName('CLIENT_SECRET'));
    assert.ok(!isSecretLikeName('SECRET_ARN'));
    assert.ok(!isSecretLikeName('TABLE_NAME'));
    assert.ok(!isSecretLikeName('tokenTtl'));
  });
  it('placeholders and entropy', () => {
    assert.ok(isPlaceholder('${env:X}'));
    assert.ok(isPlaceholder('******'));
    assert.ok(!isPlaceholder('q8Xv2Lm4Rt9K'));
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });
});
