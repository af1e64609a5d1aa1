// `@fnguard/runtime/gcp`: the guard for GCP Functions Framework (HTTP and CloudEvent functions) only.
import { guardFor, runGcp } from './guard.js';

export const guard = /* @__PURE__ */ guardFor(runGcp);
export type { GcpRequestLike, GcpResponseLike, CloudEventLike } from './adapters/gcp.js';
export * from './public-api.js';
