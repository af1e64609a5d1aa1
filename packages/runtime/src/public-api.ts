// What every entry point (the package root and each platform's) exports besides `guard`.
export type { Guarded } from './guard.js';
export type { GuardOptions, Mode } from './core.js';
export { scanString, DETECTOR_NAMES, type DetectorName, type Hit } from './detectors/index.js';
export { buildFinding, redactValue, stdoutSink, type OcsfDetectionFinding, type SecurityFinding, type Sink, type EventContext } from './events/ocsf.js';
export type { SecurityHeaderOptions } from './headers/headers.js';
export type { RateLimitOptions, SharedRateLimitOptions, RedisLike, RateKey } from './limits/rate.js';
export { compileSchema, UnsupportedSchemaError, type JsonSchema, type Schema, type StandardSchemaV1 } from './validate/schema.js';
export type { Limits } from './validate/walk.js';
export { createSecrets, awsSecretsManager, awsSsm, azureKeyVault, gcpSecretManager, SecretFetchError, type Secrets, type SecretsOptions, type SecretProvider } from './secrets/secrets.js';
export { secretLikeEnv } from './secrets/env.js';
