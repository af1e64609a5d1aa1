/**
 * Decides whether one (name, value) pair – an environment variable, an app setting, an assignment
 * in code – holds a secret. Provider key formats first (high confidence), then generic shapes
 * (connection strings, URLs with passwords, JWTs), then entropy for values of secret-like names.
 * Placeholders, references to secret stores and documentation example keys are never reported.
 *
 * The value is never returned: callers show it only through `redact()`.
 */

export interface SecretMatch {
  /** e.g. 'aws-access-key-id', 'github-token', 'high-entropy'. */
  kind: string;
  description: string;
  confidence: 'high' | 'medium';
}

interface Pattern {
  kind: string;
  description: string;
  re: RegExp;
  confidence: SecretMatch['confidence'];
  /** Only when the variable name matches (e.g. a bare 40-char AWS secret is just base64). */
  nameRe?: RegExp;
  /** Index of the capture group holding the secret part, for the placeholder check. */
  group?: number;
}

const PATTERNS: readonly Pattern[] = [
  { kind: 'private-key', description: 'private key (PEM/OpenSSH/PGP)', confidence: 'high',
    re: /-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----/ },
  { kind: 'aws-access-key-id', description: 'AWS access key id', confidence: 'high',
    re: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/, group: 1 },
  { kind: 'aws-secret-access-key', description: 'AWS secret access key', confidence: 'high',
    re: /^([A-Za-z0-9/+]{40})$/, group: 1, nameRe: /aws.{0,20}secret|secret.{0,5}access.{0,5}key/i },
  { kind: 'github-token', description: 'GitHub token', confidence: 'high',
    re: /\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/, group: 1 },
  { kind: 'gitlab-token', description: 'GitLab personal/project access token', confidence: 'high',
    re: /\b(glpat-[A-Za-z0-9_-]{20,})/, group: 1 },
  { kind: 'slack-token', description: 'Slack token', confidence: 'high',
    re: /\b(xox[abposr]-[A-Za-z0-9-]{10,})/, group: 1 },
  { kind: 'slack-webhook', description: 'Slack incoming webhook URL', confidence: 'high',
    re: /(https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9_]+\/B[A-Za-z0-9_]+\/[A-Za-z0-9_]{8,})/, group: 1 },
  { kind: 'stripe-live-key', description: 'Stripe live secret/restricted key', confidence: 'high',
    re: /\b((?:sk|rk)_live_[A-Za-z0-9]{20,})/, group: 1 },
  { kind: 'stripe-test-key', description: 'Stripe test secret key', confidence: 'medium',
    re: /\b((?:sk|rk)_test_[A-Za-z0-9]{20,})/, group: 1 },
  { kind: 'google-api-key', description: 'Google API key', confidence: 'high',
    re: /\b(AIza[0-9A-Za-z_-]{35})/, group: 1 },
  { kind: 'azure-storage-connection-string', description: 'Azure storage connection string with account key', confidence: 'high',
    re: /AccountKey=([A-Za-z0-9+/]{40,}={0,2})/i, group: 1 },
  { kind: 'azure-sas-connection-string', description: 'Azure Service Bus/Event Hubs connection string with shared access key', confidence: 'high',
    re: /SharedAccessKey=([A-Za-z0-9+/]{20,}={0,2})/i, group: 1 },
  { kind: 'azure-storage-account-key', description: 'Azure storage account key', confidence: 'high',
    re: /^([A-Za-z0-9+/]{86}==)$/, group: 1, nameRe: /key|secret|storage/i },
  { kind: 'database-url-password', description: 'database/broker URL with an embedded password', confidence: 'high',
    re: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|jdbc:[a-z]+):\/\/[^:/\s@]+:([^@\s/]+)@/i, group: 1 },
  { kind: 'jwt', description: 'JSON Web Token', confidence: 'medium',
    re: /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/, group: 1 },
  { kind: 'password-assignment', description: 'password in a connection string or key=value setting', confidence: 'medium',
    re: /(?:^|[;,&?\s])(?:password|passwd|pwd)\s*[=:]\s*([^\s;,&'"]{6,})/i, group: 1 },
];

/** Documentation example credentials (AWS docs, Azurite, jwt.io, Stripe docs…): never reported. */
const EXAMPLE_VALUES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  // Azurite / Azure Storage Emulator well-known devstoreaccount1 key
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // jwt.io default token
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  // Stripe documentation test key
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
]);

/** A documentation example (exact known key, or an AWS-style key ending in EXAMPLE/EXAMPLEKEY). */
export function isExampleSecret(secret: string): boolean {
  return EXAMPLE_VALUES.has(secret) || /EXAMPLE(KEY)?$/.test(secret);
}

/** References resolved at deploy/run time and template syntax: not literal secrets. */
const REFERENCE = [
  /\$\{[^}]*\}/, // ${ssm:...}, ${env:X}, ${var.x}, ${{ secrets.X }}
  /\{\{resolve:[^}]+\}\}/i, // CloudFormation dynamic references
  /\{\{[^}]*\}\}/, // handlebars/jinja templates
  /@Microsoft\.KeyVault\(/i,
  /^\$\([^)]*\)$/, // $(VAR)
  /^%[A-Za-z0-9_]+%$/, // %VAR%
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^<[^>]*>$/, // <your-token>
  /^arn:aws[a-z-]*:(secretsmanager|ssm|kms):/i,
  /^projects\/[^/]+\/secrets\//, // GCP Secret Manager resource name
];

const PLACEHOLDER_WORDS = /^(?:change[-_ ]?me|changeit|password|passwd|secret|token|example|sample|dummy|placeholder|redacted|xxx+|test|testing|todo|tbd|none|null|undefined|empty|default|your[-_].*|my[-_]?(?:secret|password|token|key).*|insert[-_].*|replace[-_].*|enter[-_].*|fake.*|foo|bar|foobar|n\/a)$/i;

/** Obvious placeholder or reference: never a finding. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  if (v.length < 6) return true;
  if (REFERENCE.some((re) => re.test(v))) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  if (/^(.)\1+$/.test(v)) return true; // ******, xxxxxx, 000000
  if (/^[*xX•.#-]+$/.test(v)) return true;
  if (/x{6,}|X{6,}|\*{4,}|•{3,}|\.{4,}|0{12,}/.test(v)) return true; // sk_test_xxxxxxxx, AKIA************
  if (/(?:^|[-_])(?:changeme|placeholder|replace[-_]?me|your[-_](?:key|token|secret|password))(?:$|[-_])/i.test(v)) return true;
  return false;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const SECRET_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|api[-_]?key|apikey|access[-_]?key|private[-_]?key|client[-_]?secret|credential|auth[-_]?key|signing[-_]?key|encryption[-_]?key|master[-_]?key|conn(ection)?[-_]?str(ing)?|webhook[-_]?url|dsn)$|^(pass(word)?|pwd|secret|token|api[-_]?key)/i;
/** Names that mention a secret but hold a pointer or a setting about it. */
const NOT_SECRET_NAME = /(_|-|\b)(arn|name|names|id|ids|path|file|dir|url|uri|table|bucket|region|ttl|expiry|expires|expiration|length|len|header|endpoint|param|parameter|ssm|policy|type|version|enabled|rotation|kms|prefix|suffix|field|count|min|max)$/i;

/** Does the variable name look like it holds a secret (PASSWORD, API_KEY, stripeSecret…)? */
export function isSecretLikeName(name: string): boolean {
  const n = name.trim();
  if (!n) return false;
  // camelCase → snake so suffix checks apply to both styles
  const snake = n.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  if (NOT_SECRET_NAME.test(snake)) return /(conn(ection)?[-_]?str(ing)?|webhook[-_]?url|database[-_]?url|db[-_]?url)$/i.test(snake);
  return SECRET_NAME.test(snake) || /(^|_)(password|secret|token|apikey|api_key|credentials?)(_|$)/i.test(snake);
}

function charClasses(v: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
}

/** Values that are clearly configuration, not secrets: booleans, numbers, ARNs, plain URLs, paths. */
function isOrdinaryValue(v: string): boolean {
  if (/^(true|false|yes|no|on|off|enabled|disabled)$/i.test(v)) return true;
  if (/^[0-9.,:-]+$/.test(v)) return true;
  if (/^arn:/i.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true; // URL without credentials
  if (/^\.{0,2}\/[\w./-]*$/.test(v)) return true; // file path
  if (/^[a-z]+(?:[-_.][a-z]+)*$/.test(v) && v.length < 20) return true; // lower-case words: a name
  return false;
}

export function detectSecretValue(name: string, value: string): SecretMatch | undefined {
  return findSecret(name, value)?.match;
}

/**
 * Like detectSecretValue, and also returns the secret part of the value (the key inside a
 * connection string, the password inside a URL) for redaction and fingerprints. Never print `secret`.
 */
export function findSecret(name: string, value: string): { match: SecretMatch; secret: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v.length < 6) return undefined;
  for (const p of PATTERNS) {
    if (p.nameRe && !p.nameRe.test(name)) continue;
    const m = p.re.exec(v);
    if (!m) continue;
    const secret = p.group ? (m[p.group] ?? m[0]) : m[0];
    if (isExampleSecret(secret) || isExampleSecret(v)) return undefined;
    if (p.group && isPlaceholder(secret)) continue;
    return { match: { kind: p.kind, description: p.description, confidence: p.confidence }, secret: p.kind === 'private-key' ? v : secret };
  }
  if (!isSecretLikeName(name)) return undefined;
  if (isPlaceholder(v) || isOrdinaryValue(v) || isExampleSecret(v)) return undefined;
  // prose ("the secret is rotated daily") is not a credential; keys and passwords have no spaces
  if (v.length < 8 || /\s/.test(v)) return undefined;
  const h = shannonEntropy(v);
  const classes = charClasses(v);
  if ((h >= 3 && classes >= 2) || (h >= 3.5 && v.length >= 16)) {
    return {
      match: {
        kind: 'high-entropy',
        description: `hard-coded value of a secret-like name (entropy ${h.toFixed(1)} bits/char)`,
        confidence: h >= 4 && v.length >= 20 ? 'high' : 'medium',
      },
      secret: v,
    };
  }
  return undefined;
}
