/**
 * Test table of the AWS rules: every rule against its hand-written failing and passing fixtures
 * (fixtures/<rule>/{fail,pass}-<format>/), asserting the exact file:line of every finding.
 * Formats: sls = serverless.yml, sam = SAM/CloudFormation, cfn = plain CloudFormation, tf = Terraform.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testRule } from '../tester.js';
import albNoAuth from './alb-no-auth.js';
import apigwApiKeyOnly from './apigw-api-key-only.js';
import apigwCacheUnencrypted from './apigw-cache-unencrypted.js';
import apigwCorsAnyOriginAuth from './apigw-cors-any-origin-auth.js';
import apigwNoAccessLogging from './apigw-no-access-logging.js';
import apigwNoThrottling from './apigw-no-throttling.js';
import apigwNoTracing from './apigw-no-tracing.js';
import apigwNoWaf from './apigw-no-waf.js';
import apigwOutdatedTls from './apigw-outdated-tls.js';
import apigwPrivateAnyVpce from './apigw-private-any-vpce.js';
import apigwRouteNoAuth from './apigw-route-no-auth.js';
import asyncNoDlq from './async-no-dlq.js';
import { trailNoDataEvents, trailNoKms, trailNoLogValidation, trailNotMultiRegion } from './cloudtrail.js';
import envHardcodedSecret from './env-hardcoded-secret.js';
import envNoCmk from './env-no-cmk.js';
import envSecretLiteral from './env-secret-literal.js';
import envTlsVerifyDisabled from './env-tls-verify-disabled.js';
import httpTimeoutExcessive from './http-timeout-excessive.js';
import { awsRules } from './index.js';
import lambdaNoLogRetention from './lambda-no-log-retention.js';
import lambdaNoTracing from './lambda-no-tracing.js';
import lambdaPermissionNoSource from './lambda-permission-confused-deputy.js';
import lambdaPermissionPublic from './lambda-permission-public.js';
import lambdaUrlAuthNone from './lambda-url-auth-none.js';
import lambdaUrlCorsWildcard from './lambda-url-cors-wildcard.js';
import layerUntrustedAccount from './layer-untrusted-account.js';
import noCodeSigning from './no-code-signing.js';
import noReservedConcurrency from './no-reserved-concurrency.js';
import runtimeDeprecated from './runtime-deprecated.js';
import runtimeDeprecationSoon from './runtime-deprecation-soon.js';
import sensitiveNoVpc from './sensitive-no-vpc.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATEGORIES } from '../define.js';
import { RUNTIME_DEPRECATION, runtimeStatus } from './runtimes.js';

const FIX = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');
const fx = (rule: string, c: string): string => join(FIX, rule, c);
/** Every setting given as a parameter/variable without a value: rules must stay silent, not guess. */
const UNRESOLVED = [fx('unresolved-values', 'pass-sam'), fx('unresolved-values', 'pass-tf')];

describe('awsRules', () => {
  it('has unique AWS_ ids, one category each, and at least 27 rules', () => {
    const ids = awsRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 27, `${ids.length} rules`);
    for (const r of awsRules) {
      assert.match(r.meta.id, /^AWS_[A-Z0-9_]+$/);
      assert.ok(CATEGORIES.includes(r.meta.category));
      assert.deepEqual(r.meta.clouds, ['aws']);
    }
  });
  it('runtime table ages with the calendar', () => {
    assert.ok(Object.keys(RUNTIME_DEPRECATION).length > 40);
    assert.equal(runtimeStatus('python3.8', new Date('2024-10-13T12:00:00Z'))!.daysLeft, 0);
    assert.ok(runtimeStatus('python3.8', new Date('2024-10-15T00:00:00Z'))!.daysLeft < 0);
    assert.equal(runtimeStatus('nodejs99.x', new Date()), undefined);
  });
});

testRule(lambdaUrlAuthNone, {
  fail: [
    { fixture: fx('lambda-url-auth-none', 'fail-sam'), expect: ['template.yaml:11', 'template.yaml:25'], messageIncludes: 'AuthType NONE' },
    { fixture: fx('lambda-url-auth-none', 'fail-tf'), expect: ['main.tf:11'] },
    { fixture: fx('lambda-url-auth-none', 'fail-sls'), expect: ['serverless.yml:8', 'serverless.yml:11'] },
  ],
  pass: [fx('lambda-url-auth-none', 'pass-sam'), fx('lambda-url-auth-none', 'pass-tf'), fx('lambda-url-auth-none', 'pass-sls'), ...UNRESOLVED],
});

testRule(lambdaUrlCorsWildcard, {
  fail: [
    { fixture: fx('lambda-url-cors-any-origin', 'fail-sam'), expect: ['template.yaml:13'] },
    { fixture: fx('lambda-url-cors-any-origin', 'fail-tf'), expect: ['main.tf:13'] },
    { fixture: fx('lambda-url-cors-any-origin', 'fail-sls'), expect: ['serverless.yml:10'] },
  ],
  pass: [fx('lambda-url-cors-any-origin', 'pass-sam'), fx('lambda-url-cors-any-origin', 'pass-tf'), fx('lambda-url-cors-any-origin', 'pass-sls'), ...UNRESOLVED],
});

testRule(apigwRouteNoAuth, {
  fail: [
    { fixture: fx('apigw-route-no-auth', 'fail-sam'), expect: ['template.yaml:33', 'template.yaml:41'] },
    { fixture: fx('apigw-route-no-auth', 'fail-tf'), expect: ['main.tf:23', 'main.tf:62'] },
    { fixture: fx('apigw-route-no-auth', 'fail-sls'), expect: ['serverless.yml:9', 'serverless.yml:13'] },
    { fixture: fx('apigw-route-no-auth', 'fail-cfn-websocket'), expect: ['template.yaml:30'], messageIncludes: 'WebSocket API route $connect' },
  ],
  pass: [fx('apigw-route-no-auth', 'pass-sam'), fx('apigw-route-no-auth', 'pass-tf'), fx('apigw-route-no-auth', 'pass-sls'), ...UNRESOLVED],
});

testRule(apigwApiKeyOnly, {
  fail: [
    { fixture: fx('apigw-api-key-only', 'fail-sam'), expect: ['template.yaml:17'] },
    { fixture: fx('apigw-api-key-only', 'fail-tf'), expect: ['main.tf:18'] },
    { fixture: fx('apigw-api-key-only', 'fail-sls'), expect: ['serverless.yml:15'] },
  ],
  pass: [fx('apigw-api-key-only', 'pass-sam'), fx('apigw-api-key-only', 'pass-sls')],
});

testRule(apigwCorsAnyOriginAuth, {
  fail: [
    { fixture: fx('apigw-cors-any-origin-authenticated', 'fail-tf'), expect: ['main.tf:13'] },
    { fixture: fx('apigw-cors-any-origin-authenticated', 'fail-sls'), expect: ['serverless.yml:14'] },
  ],
  pass: [fx('apigw-cors-any-origin-authenticated', 'pass-tf'), fx('apigw-cors-any-origin-authenticated', 'pass-sls')],
});

testRule(albNoAuth, {
  fail: [{ fixture: fx('alb-target-no-auth', 'fail-sls'), expect: ['serverless.yml:9'] }],
  pass: [fx('alb-target-no-auth', 'pass-sls')],
});

testRule(apigwPrivateAnyVpce, {
  fail: [
    { fixture: fx('apigw-private-api-any-vpce', 'fail-cfn'), expect: ['template.yaml:13'] },
    { fixture: fx('apigw-private-api-any-vpce', 'fail-tf'), expect: ['main.tf:12'] },
    { fixture: fx('apigw-private-api-any-vpce', 'fail-sls'), expect: ['serverless.yml:10'] },
  ],
  pass: [fx('apigw-private-api-any-vpce', 'pass-cfn'), fx('apigw-private-api-any-vpce', 'pass-tf'), fx('apigw-private-api-any-vpce', 'pass-sls')],
});

testRule(lambdaPermissionPublic, {
  fail: [
    { fixture: fx('lambda-permission-public', 'fail-sam'), expect: ['template.yaml:15'], messageIncludes: 'principal "*"' },
    { fixture: fx('lambda-permission-public', 'fail-tf'), expect: ['main.tf:13'] },
    { fixture: fx('lambda-permission-public', 'fail-sls'), expect: ['serverless.yml:15'] },
  ],
  pass: [fx('lambda-permission-public', 'pass-sam'), fx('lambda-permission-public', 'pass-tf')],
});

testRule(lambdaPermissionNoSource, {
  fail: [
    { fixture: fx('lambda-permission-no-source', 'fail-sam'), expect: ['template.yaml:10', 'template.yaml:16'] },
    { fixture: fx('lambda-permission-no-source', 'fail-tf'), expect: ['main.tf:9'] },
    { fixture: fx('lambda-permission-no-source', 'fail-sls'), expect: ['serverless.yml:10'] },
  ],
  pass: [fx('lambda-permission-no-source', 'pass-sam'), fx('lambda-permission-no-source', 'pass-tf')],
});

testRule(apigwNoThrottling, {
  fail: [
    { fixture: fx('apigw-no-throttling', 'fail-sam'), expect: ['template.yaml:4', 'template.yaml:26'] },
    { fixture: fx('apigw-no-throttling', 'fail-tf'), expect: ['main.tf:1'] },
    { fixture: fx('apigw-no-throttling', 'fail-sls'), expect: ['serverless.yml:9'] },
  ],
  pass: [fx('apigw-no-throttling', 'pass-sam'), fx('apigw-no-throttling', 'pass-tf'), fx('apigw-no-throttling', 'pass-sls')],
});

testRule(apigwNoAccessLogging, {
  fail: [
    { fixture: fx('apigw-no-access-logging', 'fail-sam'), expect: ['template.yaml:4'] },
    { fixture: fx('apigw-no-access-logging', 'fail-tf'), expect: ['main.tf:6'] },
    { fixture: fx('apigw-no-access-logging', 'fail-sls'), expect: ['serverless.yml:9'] },
  ],
  pass: [fx('apigw-no-access-logging', 'pass-sam'), fx('apigw-no-access-logging', 'pass-tf'), fx('apigw-no-access-logging', 'pass-sls')],
});

testRule(apigwNoWaf, {
  fail: [
    { fixture: fx('apigw-no-waf', 'fail-sam'), expect: ['template.yaml:4'] },
    { fixture: fx('apigw-no-waf', 'fail-tf'), expect: ['main.tf:1'] },
  ],
  pass: [fx('apigw-no-waf', 'pass-sam'), fx('apigw-no-waf', 'pass-tf')],
});

testRule(apigwNoTracing, {
  fail: [
    { fixture: fx('apigw-no-tracing', 'fail-sam'), expect: ['template.yaml:8', 'template.yaml:22'] },
    { fixture: fx('apigw-no-tracing', 'fail-tf'), expect: ['main.tf:5'] },
  ],
  pass: [fx('apigw-no-tracing', 'pass-sam'), fx('apigw-no-tracing', 'pass-tf')],
});

testRule(apigwCacheUnencrypted, {
  fail: [
    { fixture: fx('apigw-cache-unencrypted', 'fail-sam'), expect: ['template.yaml:14'] },
    { fixture: fx('apigw-cache-unencrypted', 'fail-tf'), expect: ['main.tf:19'] },
  ],
  pass: [fx('apigw-cache-unencrypted', 'pass-sam'), fx('apigw-cache-unencrypted', 'pass-tf')],
});

testRule(apigwOutdatedTls, {
  fail: [{ fixture: fx('apigw-outdated-tls', 'fail-sam'), expect: ['template.yaml:11'] }],
  pass: [fx('apigw-outdated-tls', 'pass-sam')],
});

testRule(envHardcodedSecret, {
  fail: [
    { fixture: fx('lambda-env-hardcoded-secret', 'fail-sls'), expect: ['serverless.yml:6', 'serverless.yml:12', 'serverless.yml:16'] },
    { fixture: fx('lambda-env-hardcoded-secret', 'fail-sam'), expect: ['template.yaml:7', 'template.yaml:17'], messageIncludes: '********' },
    { fixture: fx('lambda-env-hardcoded-secret', 'fail-tf'), expect: ['main.tf:9'] },
  ],
  pass: [fx('lambda-env-hardcoded-secret', 'pass-sls'), fx('lambda-env-hardcoded-secret', 'pass-sam'), fx('lambda-env-hardcoded-secret', 'pass-tf'), ...UNRESOLVED],
});

testRule(envSecretLiteral, {
  fail: [
    { fixture: fx('lambda-env-secret-not-in-store', 'fail-sls'), expect: ['serverless.yml:6', 'serverless.yml:13'] },
    { fixture: fx('lambda-env-secret-not-in-store', 'fail-sam'), expect: ['template.yaml:12'] },
    { fixture: fx('lambda-env-secret-not-in-store', 'fail-tf'), expect: ['main.tf:14'] },
  ],
  pass: [fx('lambda-env-secret-not-in-store', 'pass-sls'), fx('lambda-env-secret-not-in-store', 'pass-sam'), fx('lambda-env-secret-not-in-store', 'pass-tf'), ...UNRESOLVED],
});

testRule(envNoCmk, {
  fail: [
    { fixture: fx('lambda-env-no-cmk', 'fail-sam'), expect: ['template.yaml:4'] },
    { fixture: fx('lambda-env-no-cmk', 'fail-tf'), expect: ['main.tf:1'] },
    { fixture: fx('lambda-env-no-cmk', 'fail-sls'), expect: ['serverless.yml:8'] },
  ],
  pass: [fx('lambda-env-no-cmk', 'pass-sam'), fx('lambda-env-no-cmk', 'pass-tf'), fx('lambda-env-no-cmk', 'pass-sls'), ...UNRESOLVED],
});

testRule(envTlsVerifyDisabled, {
  fail: [
    { fixture: fx('lambda-env-tls-verify-disabled', 'fail-sam'), expect: ['template.yaml:7', 'template.yaml:23'] },
    { fixture: fx('lambda-env-tls-verify-disabled', 'fail-sls'), expect: ['serverless.yml:9'] },
    { fixture: fx('lambda-env-tls-verify-disabled', 'fail-tf'), expect: ['main.tf:9'] },
  ],
  pass: [fx('lambda-env-tls-verify-disabled', 'pass-sam'), fx('lambda-env-tls-verify-disabled', 'pass-sls'), ...UNRESOLVED],
});

testRule(sensitiveNoVpc, {
  fail: [
    { fixture: fx('lambda-sensitive-no-vpc', 'fail-sam'), expect: ['template.yaml:10', 'template.yaml:20'] },
    { fixture: fx('lambda-sensitive-no-vpc', 'fail-tf'), expect: ['main.tf:8'] },
    { fixture: fx('lambda-sensitive-no-vpc', 'fail-sls'), expect: ['serverless.yml:6'] },
  ],
  pass: [fx('lambda-sensitive-no-vpc', 'pass-sam'), fx('lambda-sensitive-no-vpc', 'pass-tf'), fx('lambda-sensitive-no-vpc', 'pass-sls'), ...UNRESOLVED],
});

testRule(lambdaNoTracing, {
  fail: [
    { fixture: fx('lambda-no-tracing', 'fail-sam'), expect: ['template.yaml:4', 'template.yaml:16'] },
    { fixture: fx('lambda-no-tracing', 'fail-sam-globals'), expect: ['template.yaml:5'], messageIncludes: 'inherited' },
    { fixture: fx('lambda-no-tracing', 'fail-tf'), expect: ['main.tf:1', 'main.tf:16'] },
    { fixture: fx('lambda-no-tracing', 'fail-sls'), expect: ['serverless.yml:6'] },
  ],
  pass: [fx('lambda-no-tracing', 'pass-sam'), fx('lambda-no-tracing', 'pass-tf'), fx('lambda-no-tracing', 'pass-sls'), ...UNRESOLVED],
});

testRule(lambdaNoLogRetention, {
  fail: [
    { fixture: fx('lambda-logs-never-expire', 'fail-sam'), expect: ['template.yaml:11', 'template.yaml:15'] },
    { fixture: fx('lambda-logs-never-expire', 'fail-tf'), expect: ['main.tf:1'] },
    { fixture: fx('lambda-logs-never-expire', 'fail-sls'), expect: ['serverless.yml:6'] },
  ],
  pass: [fx('lambda-logs-never-expire', 'pass-sam'), fx('lambda-logs-never-expire', 'pass-tf'), fx('lambda-logs-never-expire', 'pass-sls')],
});

testRule(asyncNoDlq, {
  fail: [
    { fixture: fx('lambda-async-no-dlq', 'fail-sam'), expect: ['template.yaml:4'] },
    { fixture: fx('lambda-async-no-dlq', 'fail-tf'), expect: ['main.tf:1'] },
    { fixture: fx('lambda-async-no-dlq', 'fail-sls'), expect: ['serverless.yml:6', 'serverless.yml:12'] },
  ],
  pass: [fx('lambda-async-no-dlq', 'pass-sam'), fx('lambda-async-no-dlq', 'pass-tf'), fx('lambda-async-no-dlq', 'pass-sls'), ...UNRESOLVED],
});

testRule(noReservedConcurrency, {
  fail: [
    { fixture: fx('lambda-public-no-concurrency-limit', 'fail-sam'), expect: ['template.yaml:4'] },
    { fixture: fx('lambda-public-no-concurrency-limit', 'fail-tf'), expect: ['main.tf:1'] },
    { fixture: fx('lambda-public-no-concurrency-limit', 'fail-sls'), expect: ['serverless.yml:6'] },
  ],
  pass: [fx('lambda-public-no-concurrency-limit', 'pass-sam'), fx('lambda-public-no-concurrency-limit', 'pass-tf'), fx('lambda-public-no-concurrency-limit', 'pass-sls'), ...UNRESOLVED],
});

testRule(httpTimeoutExcessive, {
  fail: [
    { fixture: fx('lambda-http-timeout-excessive', 'fail-sam'), expect: ['template.yaml:5', 'template.yaml:25'] },
    { fixture: fx('lambda-http-timeout-excessive', 'fail-sls'), expect: ['serverless.yml:5'] },
    { fixture: fx('lambda-http-timeout-excessive', 'fail-tf'), expect: ['main.tf:7'] },
  ],
  pass: [fx('lambda-http-timeout-excessive', 'pass-sam'), fx('lambda-http-timeout-excessive', 'pass-sls'), fx('lambda-http-timeout-excessive', 'pass-tf'), ...UNRESOLVED],
});

// Pinned "today" so the fixtures keep their meaning as the calendar moves on.
const NOW = { today: '2026-11-25' };

testRule(runtimeDeprecated, {
  ruleOptions: NOW,
  fail: [
    { fixture: fx('lambda-runtime-deprecated', 'fail-sam'), expect: ['template.yaml:5', 'template.yaml:20', 'template.yaml:26'], messageIncludes: 'deprecated since' },
    { fixture: fx('lambda-runtime-deprecated', 'fail-tf'), expect: ['main.tf:4'] },
    { fixture: fx('lambda-runtime-deprecated', 'fail-sls'), expect: ['serverless.yml:4', 'serverless.yml:12'] },
  ],
  pass: [fx('lambda-runtime-deprecated', 'pass-sam'), fx('lambda-runtime-deprecated', 'pass-tf'), fx('lambda-runtime-deprecated', 'pass-sls'), ...UNRESOLVED],
});

testRule(runtimeDeprecationSoon, {
  ruleOptions: NOW,
  fail: [
    { fixture: fx('lambda-runtime-deprecation-soon', 'fail-sam'), expect: ['template.yaml:7', 'template.yaml:13'] },
    { fixture: fx('lambda-runtime-deprecation-soon', 'fail-tf'), expect: ['main.tf:4'] },
    { fixture: fx('lambda-runtime-deprecation-soon', 'fail-sls'), expect: ['serverless.yml:4'], messageIncludes: 'inherited' },
  ],
  pass: [fx('lambda-runtime-deprecation-soon', 'pass-sam'), ...UNRESOLVED],
});

testRule(layerUntrustedAccount, {
  ruleOptions: { trustedLayerAccounts: ['444455556666'] },
  fail: [
    { fixture: fx('lambda-layer-untrusted-account', 'fail-sam'), expect: ['template.yaml:6', 'template.yaml:16'] },
    { fixture: fx('lambda-layer-untrusted-account', 'fail-tf'), expect: ['main.tf:7'] },
    { fixture: fx('lambda-layer-untrusted-account', 'fail-sls'), expect: ['serverless.yml:9'] },
  ],
  pass: [fx('lambda-layer-untrusted-account', 'pass-sam'), fx('lambda-layer-untrusted-account', 'pass-tf'), fx('lambda-layer-untrusted-account', 'pass-sls'), ...UNRESOLVED],
});

testRule(noCodeSigning, {
  fail: [
    { fixture: fx('lambda-no-code-signing', 'fail-sam'), expect: ['template.yaml:4'] },
    { fixture: fx('lambda-no-code-signing', 'fail-tf'), expect: ['main.tf:1'] },
  ],
  pass: [fx('lambda-no-code-signing', 'pass-sam'), fx('lambda-no-code-signing', 'pass-tf')],
});

testRule(trailNotMultiRegion, {
  fail: [
    { fixture: fx('cloudtrail', 'fail-cfn'), expect: ['template.yaml:8'] },
    { fixture: fx('cloudtrail', 'fail-tf'), expect: ['main.tf:1'] },
  ],
  pass: [fx('cloudtrail', 'pass-cfn'), fx('cloudtrail', 'pass-tf')],
});

testRule(trailNoLogValidation, {
  fail: [
    { fixture: fx('cloudtrail', 'fail-cfn'), expect: ['template.yaml:9'] },
    { fixture: fx('cloudtrail', 'fail-tf'), expect: ['main.tf:1'] },
  ],
  pass: [fx('cloudtrail', 'pass-cfn'), fx('cloudtrail', 'pass-tf')],
});

testRule(trailNoKms, {
  fail: [
    { fixture: fx('cloudtrail', 'fail-cfn'), expect: ['template.yaml:3'] },
    { fixture: fx('cloudtrail', 'fail-tf'), expect: ['main.tf:1'] },
  ],
  pass: [fx('cloudtrail', 'pass-cfn'), fx('cloudtrail', 'pass-tf')],
});

testRule(trailNoDataEvents, {
  fail: [
    { fixture: fx('cloudtrail', 'fail-cfn'), expect: ['template.yaml:3'] },
    { fixture: fx('cloudtrail', 'fail-tf'), expect: ['main.tf:1'] },
  ],
  pass: [fx('cloudtrail', 'pass-cfn'), fx('cloudtrail', 'pass-tf')],
});
