// `@fnguard/runtime/azure`: the guard for Azure Functions (v4 Node programming model) only.
import { guardWith, runAzure, type Guarded } from './guard.js';
import type { GuardOptions } from './core.js';

export function guard<H extends (...args: never[]) => unknown>(handler: H, options: GuardOptions = {}): Guarded<H> {
  return guardWith(runAzure, handler, options);
}
export type { AzureHttpRequestLike, AzureContextLike, AzureResponseLike } from './adapters/azure.js';
export * from './public-api.js';
