// Secrets fetched at execution time: a TTL cache, one in-flight fetch per name however many callers
// ask at once, and a forced refresh when the caller reports that a credential was rejected (rotation).
// Providers wrap the official SDKs, imported lazily and only if installed (optional peer dependencies);
// a client can be injected instead. Secret values never go to a log or a security event.

export interface SecretProvider {
  readonly name: string;
  fetch(id: string): Promise<string>;
}

export interface SecretsOptions {
  provider: SecretProvider;
  /** Cache lifetime in ms. Default 5 minutes. */
  ttlMs?: number;
  /** Minimum ms between forced refreshes of one secret, so a failing downstream cannot hammer the store. Default 1 000. */
  minRefreshIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface Secrets {
  /** The secret's value, from cache while fresh. */
  get(id: string): Promise<string>;
  /** Call when a credential from `get(id)` was rejected: the next `get` refetches (rotation). */
  reportAuthFailure(id: string): void;
  /** Drop one (or every) cached value. */
  invalidate(id?: string): void;
}

/** Error from a provider, with the secret id but never its value. */
export class SecretFetchError extends Error {
  constructor(provider: string, id: string, cause: unknown) {
    super(`fnguard: could not fetch secret "${id}" from ${provider}: ${cause instanceof Error ? cause.name : 'error'}`);
    this.name = 'SecretFetchError';
  }
}

interface Entry { value: string; expires: number; fetchedAt: number }

export function createSecrets(opts: SecretsOptions): Secrets {
  const ttl = opts.ttlMs ?? 300_000;
  const minRefresh = opts.minRefreshIntervalMs ?? 1_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Entry>();
  const inflight = new Map<string, Promise<string>>();
  const stale = new Set<string>();

  const load = (id: string): Promise<string> => {
    const running = inflight.get(id);
    if (running) return running;
    const p = opts.provider.fetch(id).then(
      (value) => { cache.set(id, { value, expires: now() + ttl, fetchedAt: now() }); stale.delete(id); return value; },
      (err: unknown) => { throw new SecretFetchError(opts.provider.name, id, err); },
    ).finally(() => inflight.delete(id));
    inflight.set(id, p);
    return p;
  };

  return {
    get(id) {
      const e = cache.get(id);
      const t = now();
      if (e && t < e.expires && !(stale.has(id) && t - e.fetchedAt >= minRefresh)) return Promise.resolve(e.value);
      return load(id);
    },
    reportAuthFailure(id) { stale.add(id); },
    invalidate(id) { if (id === undefined) cache.clear(); else cache.delete(id); },
  };
}

// ---- providers ---------------------------------------------------------------------------------

/** Imports an optional peer dependency by name; a variable specifier keeps bundlers from inlining it. */
async function optional<T>(pkg: string): Promise<T> {
  try {
    return (await import(pkg)) as T;
  } catch {
    throw new Error(`fnguard: install the optional peer dependency "${pkg}" to use this secrets provider, or pass a client`);
  }
}

/** AWS Secrets Manager client shape (the aggregated `SecretsManager` class of @aws-sdk/client-secrets-manager). */
export interface AwsSecretsManagerClient {
  getSecretValue(input: { SecretId: string }): Promise<{ SecretString?: string; SecretBinary?: Uint8Array }>;
}
export function awsSecretsManager(opts: { client?: AwsSecretsManagerClient; region?: string } = {}): SecretProvider {
  let client = opts.client;
  return {
    name: 'aws-secrets-manager',
    async fetch(id) {
      if (!client) {
        const m = await optional<{ SecretsManager: new (c: { region?: string }) => AwsSecretsManagerClient }>('@aws-sdk/client-secrets-manager');
        client = new m.SecretsManager(opts.region ? { region: opts.region } : {});
      }
      const r = await client.getSecretValue({ SecretId: id });
      if (r.SecretString !== undefined) return r.SecretString;
      if (r.SecretBinary !== undefined) return Buffer.from(r.SecretBinary).toString('utf8');
      throw new Error('empty secret');
    },
  };
}

/** SSM Parameter Store client shape (the aggregated `SSM` class of @aws-sdk/client-ssm). */
export interface AwsSsmClient {
  getParameter(input: { Name: string; WithDecryption: boolean }): Promise<{ Parameter?: { Value?: string } }>;
}
export function awsSsm(opts: { client?: AwsSsmClient; region?: string } = {}): SecretProvider {
  let client = opts.client;
  return {
    name: 'aws-ssm',
    async fetch(id) {
      if (!client) {
        const m = await optional<{ SSM: new (c: { region?: string }) => AwsSsmClient }>('@aws-sdk/client-ssm');
        client = new m.SSM(opts.region ? { region: opts.region } : {});
      }
      const v = (await client.getParameter({ Name: id, WithDecryption: true })).Parameter?.Value;
      if (v === undefined) throw new Error('empty parameter');
      return v;
    },
  };
}

/** Azure Key Vault client shape (`SecretClient` of @azure/keyvault-secrets). */
export interface AzureSecretClient {
  getSecret(name: string): Promise<{ value?: string }>;
}
export function azureKeyVault(opts: { client?: AzureSecretClient; vaultUrl?: string } = {}): SecretProvider {
  let client = opts.client;
  return {
    name: 'azure-key-vault',
    async fetch(id) {
      if (!client) {
        if (!opts.vaultUrl) throw new Error('vaultUrl is required without a client');
        const kv = await optional<{ SecretClient: new (url: string, cred: unknown) => AzureSecretClient }>('@azure/keyvault-secrets');
        const idm = await optional<{ DefaultAzureCredential: new () => unknown }>('@azure/identity');
        client = new kv.SecretClient(opts.vaultUrl, new idm.DefaultAzureCredential());
      }
      const v = (await client.getSecret(id)).value;
      if (v === undefined) throw new Error('empty secret');
      return v;
    },
  };
}

/** GCP Secret Manager client shape (`SecretManagerServiceClient` of @google-cloud/secret-manager). */
export interface GcpSecretClient {
  accessSecretVersion(req: { name: string }): Promise<ReadonlyArray<{ payload?: { data?: Uint8Array | string | null } | null }>>;
}
export function gcpSecretManager(opts: { client?: GcpSecretClient; project?: string } = {}): SecretProvider {
  let client = opts.client;
  return {
    name: 'gcp-secret-manager',
    async fetch(id) {
      if (!client) {
        const m = await optional<{ SecretManagerServiceClient: new () => GcpSecretClient }>('@google-cloud/secret-manager');
        client = new m.SecretManagerServiceClient();
      }
      // short names resolve to the latest version in the configured project
      const project = opts.project ?? process.env.GOOGLE_CLOUD_PROJECT ?? process.env.GCLOUD_PROJECT;
      const name = id.startsWith('projects/') ? id : `projects/${project ?? '-'}/secrets/${id}/versions/latest`;
      const data = (await client.accessSecretVersion({ name }))[0]?.payload?.data;
      if (data === undefined || data === null) throw new Error('empty secret');
      return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    },
  };
}
