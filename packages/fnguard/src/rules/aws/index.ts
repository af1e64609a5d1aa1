import type { Rule } from '../define.js';
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

export const awsRules: Rule[] = [
  // exposure
  lambdaUrlAuthNone,
  lambdaUrlCorsWildcard,
  apigwRouteNoAuth,
  apigwApiKeyOnly,
  apigwCorsAnyOriginAuth,
  albNoAuth,
  apigwPrivateAnyVpce,
  lambdaPermissionPublic,
  lambdaPermissionNoSource,
  apigwNoThrottling,
  apigwNoWaf,
  noReservedConcurrency,
  httpTimeoutExcessive,
  // secrets
  envHardcodedSecret,
  envSecretLiteral,
  // encryption
  envNoCmk,
  envTlsVerifyDisabled,
  apigwCacheUnencrypted,
  apigwOutdatedTls,
  trailNoKms,
  // network
  sensitiveNoVpc,
  // observability
  lambdaNoTracing,
  lambdaNoLogRetention,
  asyncNoDlq,
  apigwNoAccessLogging,
  apigwNoTracing,
  trailNotMultiRegion,
  trailNoLogValidation,
  trailNoDataEvents,
  // supply chain
  runtimeDeprecated,
  runtimeDeprecationSoon,
  layerUntrustedAccount,
  noCodeSigning,
];
