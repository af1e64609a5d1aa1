// Warns when a secret sits in a plain environment variable (readable by anyone with
// lambda:GetFunctionConfiguration or equivalent). Reports the variable name, never the value.

import { emit, type Sink } from '../events/ocsf.js';

const SECRET_NAME = /(?:^|_)(?:SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CLIENT_SECRET|CREDENTIALS?|CONN(?:ECTION)?_?STRING|DATABASE_URL)(?:_|$)/i;
const SECRET_VALUE = [
  /^(?:AKIA|ASIA)[0-9A-Z]{16}$/, /^gh[pousr]_[A-Za-z0-9]{20,}$/, /^github_pat_[A-Za-z0-9_]{20,}$/, /^xox[abprs]-[A-Za-z0-9-]{10,}$/,
  /^sk_(?:live|test)_[A-Za-z0-9]{10,}$/, /^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/, /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/,
  /^[a-z][a-z0-9+.-]{1,20}:\/\/[^:/@\s]{1,64}:[^@\s]{3,}@/i, // URL with embedded password
];
// Values that point at a secret store rather than being the secret.
const REFERENCE = /^(?:arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):|\{\{resolve:|@Microsoft\.KeyVault\(|projects\/[^/]+\/secrets\/|ssm:|\/aws\/reference\/)/;
// Platform-provided credentials (temporary, injected by the runtime itself), and the shell's working
// directories, whose names end in "PWD" like a password's would.
const NOT_SECRETS = new Set(['PWD', 'OLDPWD', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', 'AWS_CONTAINER_AUTHORIZATION_TOKEN', 'IDENTITY_HEADER', 'MSI_SECRET', 'AzureWebJobsStorage', 'WEBSITE_AUTH_ENCRYPTION_KEY', 'CONTAINER_ENCRYPTION_KEY']);

/** Names of environment variables that look like they hold a secret in plain text. */
export function secretLikeEnv(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < 8 || NOT_SECRETS.has(name) || REFERENCE.test(value)) continue;
    if (SECRET_VALUE.some((re) => re.test(value)) || (SECRET_NAME.test(name) && !/^(?:true|false|\d+|https?:\/\/[^@]*)$/i.test(value))) out.push(name);
  }
  return out.sort();
}

export function checkEnvironment(env: Record<string, string | undefined>, sink: Sink): string[] {
  const names = secretLikeEnv(env);
  for (const n of names) {
    emit(sink, { category: 'secrets', rule: 'secrets.plaintext-env', location: `env.${n}`, action: 'monitored', severity: 'medium' },
      { platform: 'unknown', source: 'environment', coldStart: true });
  }
  return names;
}
