// `@fnguard/runtime/azure`: the guard for Azure Functions (v4 Node programming model) only.
import { guardFor, runAzure } from './guard.js';

export const guard = /* @__PURE__ */ guardFor(runAzure);
export type { AzureHttpRequestLike, AzureContextLike, AzureResponseLike } from './adapters/azure.js';
export * from './public-api.js';
