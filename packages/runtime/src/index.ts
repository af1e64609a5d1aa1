// `@fnguard/runtime`: `guard` recognises the platform from the call. Apps for one platform can import
// from `@fnguard/runtime/aws`, `/azure` or `/gcp` instead and ship only that adapter.
export { guard, fnguard, type MiddyMiddleware, type MiddyRequestLike } from './guard.js';
export { detectAwsSource, type AwsSource, type LambdaContextLike } from './adapters/aws.js';
export type { AzureHttpRequestLike, AzureContextLike, AzureResponseLike } from './adapters/azure.js';
export type { GcpRequestLike, GcpResponseLike, CloudEventLike } from './adapters/gcp.js';
export * from './public-api.js';
