// `@fnguard/runtime/aws`: the guard for AWS Lambda only, so a Lambda bundle carries no Azure or GCP
// adapter. Same options and behaviour as the platform-detecting `guard` of the package root.
import { guardWith, runAws, type Guarded } from './guard.js';
import type { GuardOptions } from './core.js';

export function guard<H extends (...args: never[]) => unknown>(handler: H, options: GuardOptions = {}): Guarded<H> {
  return guardWith(runAws, handler, options);
}
export { fnguard, type MiddyMiddleware, type MiddyRequestLike } from './guard.js';
export { detectAwsSource, type AwsSource, type LambdaContextLike } from './adapters/aws.js';
export * from './public-api.js';
