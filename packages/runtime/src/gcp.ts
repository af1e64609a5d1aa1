// `@fnguard/runtime/gcp`: the guard for GCP Functions Framework (HTTP and CloudEvent functions) only.
import { guardWith, runGcp, type Guarded } from './guard.js';
import type { GuardOptions } from './core.js';

export function guard<H extends (...args: never[]) => unknown>(handler: H, options: GuardOptions = {}): Guarded<H> {
  return guardWith(runGcp, handler, options);
}
export type { GcpRequestLike, GcpResponseLike, CloudEventLike } from './adapters/gcp.js';
export * from './public-api.js';
