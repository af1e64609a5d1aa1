// `@fnguard/runtime/aws`: the guard for AWS Lambda only, so a Lambda bundle carries no Azure or GCP
// adapter. Same options and behaviour as the platform-detecting `guard` of the package root.
import { guardFor, runAws } from './guard.js';

export const guard = /* @__PURE__ */ guardFor(runAws);
export { fnguard, type MiddyMiddleware, type MiddyRequestLike } from './guard.js';
export { detectAwsSource, type AwsSource, type LambdaContextLike } from './adapters/aws.js';
export * from './public-api.js';
