/**
 * Facts derived from a function app's application settings, shared by the ARM source and the
 * Functions project source: Key Vault references, language runtime, Application Insights,
 * key-based storage connection.
 *
 * Runtime strings follow Azure's own `linuxFxVersion` notation, lower-cased: `node|20`,
 * `python|3.11`, `dotnet-isolated|8.0`, or just the worker (`node`) when no version is written.
 */
import type { EnvVar, Location, Prop } from '../../model/types.js';

const KEY_VAULT_REF = /^\s*@Microsoft\.KeyVault\(/i;

/** An app setting as an EnvVar: literal value, Key Vault reference, or unresolved expression. */
export function settingEnv(name: string, value: unknown, expr: string | undefined, loc: Location): EnvVar {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const v = String(value);
    return KEY_VAULT_REF.test(v) ? { name, value: v, loc, secretRef: 'azure-key-vault' } : { name, value: v, loc };
  }
  const e: EnvVar = { name, expr: expr ?? '(unresolved)', loc };
  // `[concat('@Microsoft.KeyVault(SecretUri=', reference(...).secretUri, ')')]` is still a reference.
  if (expr && /@Microsoft\.KeyVault\(/i.test(expr)) e.secretRef = 'azure-key-vault';
  return e;
}

/** Case-insensitive lookup (app setting names are case-insensitive on Windows plans). */
export function findSetting(settings: readonly EnvVar[], name: string): EnvVar | undefined {
  const n = name.toLowerCase();
  // Later definitions win, as when ARM applies a sites/config appsettings resource after siteConfig.
  for (let i = settings.length - 1; i >= 0; i--) if (settings[i]!.name.toLowerCase() === n) return settings[i];
  return undefined;
}

const WORKERS = new Set(['node', 'python', 'java', 'powershell', 'dotnet', 'dotnet-isolated', 'custom']);

/**
 * Language runtime from FUNCTIONS_WORKER_RUNTIME and the version settings that go with it.
 * `versions` holds siteConfig versions (netFrameworkVersion, javaVersion, powerShellVersion).
 */
export function runtimeFromSettings(settings: readonly EnvVar[], versions: Partial<Record<'dotnet' | 'java' | 'powershell', Prop<string>>> = {}): Prop<string> | undefined {
  const worker = findSetting(settings, 'FUNCTIONS_WORKER_RUNTIME');
  if (!worker) return undefined;
  if (worker.value === undefined) return { expr: worker.expr, loc: worker.loc };
  const w = worker.value.trim().toLowerCase();
  if (!WORKERS.has(w)) return { value: w, loc: worker.loc };
  let version: string | undefined;
  if (w === 'node') version = findSetting(settings, 'WEBSITE_NODE_DEFAULT_VERSION')?.value;
  else if (w.startsWith('dotnet')) version = versions.dotnet?.value;
  else if (w === 'java') version = versions.java?.value;
  else if (w === 'powershell') version = versions.powershell?.value;
  const v = version?.trim().replace(/^[~v]/i, '');
  return { value: v ? `${w}|${v}` : w, loc: worker.loc };
}

/** `NODE|20`, `Python|3.11`, `DOTNET-ISOLATED|8.0` → lower-cased; `DOCKER|…` is an image. */
export function runtimeFromFx(fx: Prop<string>): { runtime?: Prop<string>; image?: Prop<string> } {
  if (fx.value === undefined) return { runtime: fx };
  const v = fx.value.trim();
  if (!v) return {};
  if (/^(docker|compose|kube)\|/i.test(v)) return { image: { value: v.replace(/^[^|]*\|/, ''), loc: fx.loc } };
  const [lang, ver] = v.split('|');
  return { runtime: { value: ver ? `${lang!.toLowerCase()}|${ver.trim().replace(/^~/, '')}` : lang!.toLowerCase(), loc: fx.loc } };
}

/**
 * Application Insights is wired through either of two settings. `complete` says whether every
 * setting of the app is known (no unresolved list): only then is absence a fact.
 */
export function appInsightsFromSettings(settings: readonly EnvVar[], complete: boolean, where: Location): Prop<boolean> {
  const s = findSetting(settings, 'APPLICATIONINSIGHTS_CONNECTION_STRING') ?? findSetting(settings, 'APPINSIGHTS_INSTRUMENTATIONKEY');
  if (s) return { value: true, loc: s.loc };
  return complete ? { value: false, loc: where } : { expr: '(app settings not fully resolved)', loc: where };
}

/**
 * Whether the host storage connection (AzureWebJobsStorage) is a connection string – which always
 * embeds an account key or SAS – rather than an identity-based connection (`AzureWebJobsStorage__accountName`…).
 * Undefined when the app has no storage setting at all.
 */
export function storageKeyFromSettings(settings: readonly EnvVar[]): Prop<boolean> | undefined {
  const conn = findSetting(settings, 'AzureWebJobsStorage');
  if (conn) {
    if (conn.value !== undefined) {
      // The local emulator: no real key.
      if (/^\s*UseDevelopmentStorage\s*=\s*true/i.test(conn.value)) return { value: false, loc: conn.loc };
      if (conn.value.trim() === '') return undefined;
      return { value: true, loc: conn.loc };
    }
    if (conn.secretRef || /AccountKey=|SharedAccessSignature=|listKeys\(/i.test(conn.expr ?? '')) return { value: true, loc: conn.loc };
    return { expr: conn.expr, loc: conn.loc };
  }
  const identityBased = settings.find((s) => /^AzureWebJobsStorage__/i.test(s.name));
  return identityBased ? { value: false, loc: identityBased.loc } : undefined;
}
