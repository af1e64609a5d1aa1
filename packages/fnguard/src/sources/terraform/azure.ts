/**
 * Azure function apps in Terraform (azurerm provider) → model: settings, app settings as
 * environment, managed identities and their role assignments (with custom role actions).
 * HTTP triggers live in the function code (function.json / attributes), not in Terraform.
 */
import type { AzureSettings, EnvVar, FunctionNode, Identity, Location, Network, Prop, RoleBinding } from '../../model/types.js';
import { runtimeFromFx, runtimeFromSettings } from '../azure/app-settings.js';
import { triggersFromBindings } from '../azure/bindings.js';
import { StructuredDoc } from '../structured.js';
import { structuredOf } from './policy.js';
import type { Block } from './hcl.js';
import { Unknown, isObj, locOf, render, type Val } from './eval.js';
import type { Resource } from './load.js';
import { Builder, entries, strProp } from './build.js';

export const AZURE_FUNCTION_TYPES = [
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_function_app',
  'azurerm_function_app_flex_consumption',
  'azurerm_linux_function_app_slot',
  'azurerm_windows_function_app_slot',
  'azurerm_function_app_slot',
];

export function loadAzure(b: Builder): void {
  userAssignedIdentities(b);
  for (const t of AZURE_FUNCTION_TYPES) for (const r of b.of(t)) functionApp(b, r);
  appFunctions(b);
  vnetConnections(b);
  roleAssignments(b);
}

const miId = (r: Resource) => `azure:mi:${r.id}`;

function userAssignedIdentities(b: Builder): void {
  for (const r of b.of('azurerm_user_assigned_identity')) {
    const nameV = b.val(r, 'name');
    b.addIdentity({
      id: miId(r),
      cloud: 'azure',
      kind: 'azure-managed-identity',
      name: b.nameOf(r, nameV),
      loc: b.loc(r),
      arn: { expr: `\${${r.fullAddr}.principal_id}`, loc: b.loc(r) },
      policies: [],
      managedPolicyArns: [],
      roleBindings: [],
    });
  }
}

const KEY_VAULT_REF = /^@Microsoft\.KeyVault\(/i;

function appSettingSecretRef(v: Val): EnvVar['secretRef'] {
  const text = typeof v === 'string' ? v : v instanceof Unknown ? v.text : '';
  return KEY_VAULT_REF.test(text.trim()) ? 'azure-key-vault' : undefined;
}

/**
 * `python_version = "3.11"` → `python|3.11`: the shape the ARM source produces from linuxFxVersion
 * (lower-cased, `~`/`v` prefixes dropped), so runtime rules read one format.
 */
function runtimeOf(b: Builder, r: Resource, site: Block | undefined, env: EnvVar[]): Prop<string> | undefined {
  const stack = site ? b.block(site, 'application_stack') : undefined;
  const versioned = (lang: string, p: Prop<string>): Prop<string> =>
    p.value !== undefined ? { value: `${lang}|${p.value.trim().replace(/^[~v]/i, '')}`, loc: p.loc } : { expr: `${lang}|${p.expr}`, loc: p.loc };
  if (stack) {
    const isolated = b.bool(r, 'use_dotnet_isolated_runtime', stack)?.value === true;
    const langs = [['python_version', 'python'], ['node_version', 'node'], ['dotnet_version', isolated ? 'dotnet-isolated' : 'dotnet'], ['java_version', 'java'], ['powershell_core_version', 'powershell']] as const;
    for (const [attr, lang] of langs) {
      const p = b.str(r, attr, stack);
      if (p) return versioned(lang, p);
    }
    if (stack.body.blocks.some((x) => x.type === 'docker')) return { value: 'docker', loc: { file: r.file, line: stack.line } };
    const custom = b.bool(r, 'use_custom_runtime', stack);
    if (custom?.value) return { value: 'custom', loc: custom.loc };
  }
  // Flex consumption plans name the runtime directly.
  const name = b.str(r, 'runtime_name');
  if (name) {
    const ver = b.str(r, 'runtime_version');
    if (name.value === undefined) return { expr: name.expr, loc: name.loc };
    return ver ? versioned(name.value.toLowerCase(), ver) : { value: name.value.toLowerCase(), loc: name.loc };
  }
  // Legacy azurerm_function_app: linux_fx_version, else FUNCTIONS_WORKER_RUNTIME.
  const fx = site ? b.str(r, 'linux_fx_version', site) : undefined;
  if (fx) return runtimeFromFx(fx).runtime ?? runtimeFromSettings(env);
  return runtimeFromSettings(env);
}

/** Inbound access restrictions: a Deny default action, or any rule narrower than "allow any". */
function accessRestricted(b: Builder, r: Resource, site: Block | undefined): Prop<boolean> | undefined {
  if (!site) return undefined;
  const def = b.str(r, 'ip_restriction_default_action', site);
  if (def?.value?.toLowerCase() === 'deny') return { value: true, loc: def.loc };
  const rules = b.blocks(site, 'ip_restriction');
  if (rules.length === 0) return def?.value === undefined && def ? { expr: def.expr, loc: def.loc } : undefined;
  const restrictive = rules.some((rule) => {
    const ip = b.val(r, 'ip_address', rule);
    const action = b.val(r, 'action', rule);
    const any = typeof ip === 'string' && /^(any|0\.0\.0\.0\/0|::\/0)$/i.test(ip);
    const allow = action === undefined || action === null || (typeof action === 'string' && action.toLowerCase() === 'allow');
    return !(any && allow);
  });
  // An explicit "Allow" default action keeps the app open even with rules.
  return { value: restrictive && def?.value?.toLowerCase() !== 'allow', loc: { file: r.file, line: rules[0]!.line } };
}

function functionApp(b: Builder, r: Resource): void {
  const nameV = b.val(r, 'name');
  const fn: FunctionNode = {
    id: r.id,
    name: b.nameOf(r, nameV),
    cloud: 'azure',
    format: 'terraform',
    loc: b.loc(r),
    triggers: [],
    env: [],
    layers: [],
    permissions: [],
  };
  const site = b.block(r.block, 'site_config');
  const appSettings = b.val(r, 'app_settings');
  fn.env = b.env(r, 'app_settings', r.block, appSettingSecretRef);
  for (const cs of b.blocks(r.block, 'connection_string')) {
    const name = b.val(r, 'name', cs);
    const value = b.val(r, 'value', cs);
    if (typeof name !== 'string' || value === undefined) continue;
    const e: EnvVar = { name, loc: b.attrLoc(r, 'value', cs) };
    if (typeof value === 'string') e.value = value;
    else e.expr = render(value);
    const ref = appSettingSecretRef(value);
    if (ref) e.secretRef = ref;
    fn.env.push(e);
  }
  fn.runtime = runtimeOf(b, r, site, fn.env);
  fn.azure = settings(b, r, site, appSettings);
  // Scale-out limit: the closest thing to a concurrency cap on Azure.
  fn.reservedConcurrency = (site ? b.num(r, 'app_scale_limit', site) : undefined) ?? b.num(r, 'maximum_instance_count');
  fn.network = network(b, r, site);
  const { ids, loc } = identity(b, r, fn.name);
  if (ids.length > 0) {
    fn.identityId = ids[0];
    fn.identityLoc = loc;
    if (ids.length > 1) fn.additionalIdentityIds = ids.slice(1);
  }
  const tags = entries(b.val(r, 'tags'), fn.loc).filter((t) => typeof t.value === 'string');
  if (tags.length > 0) fn.tags = Object.fromEntries(tags.map((t) => [t.key, t.value as string]));
  b.addFunction(fn, r);
}

function settings(b: Builder, r: Resource, site: Block | undefined, appSettings: Val | undefined): AzureSettings {
  const s: AzureSettings = {};
  const onSite = (attr: string) => (site ? b.str(r, attr, site) : undefined);
  const boolOnSite = (attr: string) => (site ? b.bool(r, attr, site) : undefined);
  s.httpsOnly = b.bool(r, 'https_only');
  s.ftpsState = onSite('ftps_state');
  s.minTlsVersion = onSite('minimum_tls_version') ?? onSite('min_tls_version');
  s.clientCertEnabled = b.bool(r, 'client_certificate_enabled') ?? b.bool(r, 'client_cert_enabled');
  const cors = site ? b.block(site, 'cors') : undefined;
  if (cors) s.cors = b.list(r, 'allowed_origins', cors);
  const auth = b.block(r.block, 'auth_settings');
  const authV2 = b.block(r.block, 'auth_settings_v2');
  if (authV2) s.authEnabled = b.bool(r, 'auth_enabled', authV2) ?? { value: false, loc: { file: r.file, line: authV2.line } };
  else if (auth) s.authEnabled = b.bool(r, 'enabled', auth) ?? { value: false, loc: { file: r.file, line: auth.line } };
  s.remoteDebugging = boolOnSite('remote_debugging_enabled') ?? boolOnSite('remote_debugging');
  s.publicNetworkAccess = b.bool(r, 'public_network_access_enabled');
  s.http2 = boolOnSite('http2_enabled');
  // Basic-auth publishing (FTP / Web Deploy): on when either is on.
  const ftp = b.bool(r, 'ftp_publish_basic_authentication_enabled');
  const web = b.bool(r, 'webdeploy_publish_basic_authentication_enabled');
  if (ftp?.value === true || web?.value === true) s.basicPublishingCredentials = ftp?.value === true ? ftp : web;
  else s.basicPublishingCredentials = ftp ?? web;
  // Storage access: a key (in Terraform or an AzureWebJobsStorage connection string) vs. managed identity.
  const key = b.str(r, 'storage_account_access_key');
  const mi = b.bool(r, 'storage_uses_managed_identity');
  const authType = b.str(r, 'storage_authentication_type');
  const webJobs = isObj(appSettings) ? appSettings['AzureWebJobsStorage'] : undefined;
  if (key) s.storageUsesKey = { value: true, loc: key.loc };
  else if (mi?.value === true) s.storageUsesKey = { value: false, loc: mi.loc };
  else if (authType?.value) s.storageUsesKey = { value: authType.value === 'StorageAccountConnectionString', loc: authType.loc };
  else if (typeof webJobs === 'string' && /AccountKey=/i.test(webJobs)) {
    s.storageUsesKey = { value: true, loc: locOf(appSettings, 'AzureWebJobsStorage', b.attrLoc(r, 'app_settings')) };
  }
  const insights = onSite('application_insights_connection_string') ?? onSite('application_insights_key');
  const insightsSetting = isObj(appSettings)
    ? ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'APPINSIGHTS_INSTRUMENTATIONKEY'].find((k) => k in appSettings)
    : undefined;
  if (insights) s.appInsights = { value: true, loc: insights.loc };
  else if (insightsSetting) s.appInsights = { value: true, loc: locOf(appSettings, insightsSetting, b.attrLoc(r, 'app_settings')) };
  else s.appInsights = { value: false, loc: b.loc(r) };
  s.accessRestricted = accessRestricted(b, r, site);
  const version = b.str(r, 'functions_extension_version') ?? b.str(r, 'version');
  const versionSetting = isObj(appSettings) ? appSettings['FUNCTIONS_EXTENSION_VERSION'] : undefined;
  s.functionsVersion = version ?? strProp(versionSetting, locOf(appSettings, 'FUNCTIONS_EXTENSION_VERSION', b.attrLoc(r, 'app_settings')));
  for (const k of Object.keys(s) as Array<keyof AzureSettings>) if (s[k] === undefined) delete s[k];
  return s;
}

function network(b: Builder, r: Resource, site: Block | undefined): Network | undefined {
  const subnet = b.str(r, 'virtual_network_subnet_id');
  const routeAll = site ? b.bool(r, 'vnet_route_all_enabled', site) : undefined;
  const pna = b.bool(r, 'public_network_access_enabled');
  if (!subnet && !routeAll && !pna) return undefined;
  const n: Network = { loc: subnet?.loc ?? routeAll?.loc ?? pna!.loc, attached: !!subnet };
  if (subnet) n.subnetIds = subnet.value !== undefined ? { value: [subnet.value], loc: subnet.loc } : { expr: subnet.expr, loc: subnet.loc };
  if (routeAll) n.egress = routeAll.value === undefined ? { expr: routeAll.expr, loc: routeAll.loc } : { value: routeAll.value ? 'ALL_TRAFFIC' : 'PRIVATE_RANGES_ONLY', loc: routeAll.loc };
  if (pna) n.ingress = pna.value === undefined ? { expr: pna.expr, loc: pna.loc } : { value: pna.value ? 'ALLOW_ALL' : 'DISABLED', loc: pna.loc };
  return n;
}

/**
 * `azurerm_function_app_function`: a function inside an app with its function.json bindings in
 * `config_json` — the one place Terraform shows HTTP triggers and their authLevel.
 */
function appFunctions(b: Builder): void {
  for (const r of b.of('azurerm_function_app_function')) {
    const app = b.functionOf(r, 'function_app_id', AZURE_FUNCTION_TYPES, 'name')?.fn;
    const cfg = b.val(r, 'config_json');
    if (!app || cfg === undefined) continue;
    const at = b.attrLoc(r, 'config_json');
    const doc = structuredOf(cfg, at, b.ev);
    if (!(doc instanceof StructuredDoc)) {
      b.ctx.warn(doc.loc.file, `config_json of ${r.fullAddr} ${doc.error}`, doc.loc.line);
      continue;
    }
    const root = doc.value;
    const bindings = root !== null && typeof root === 'object' && !Array.isArray(root) ? root['bindings'] : undefined;
    const { triggers, problems } = triggersFromBindings(bindings, doc, at);
    for (const p of problems) b.ctx.warn(p.loc.file, p.message, p.loc.line);
    // The positions table has no columns: keep file and line only.
    app.triggers.push(...triggers.map((t) => ({ ...t, loc: { file: t.loc.file, line: t.loc.line } })));
  }
}

/** Regional VNet integration declared as its own resource. */
function vnetConnections(b: Builder): void {
  for (const r of b.of('azurerm_app_service_virtual_network_swift_connection')) {
    const fn = b.functionOf(r, 'app_service_id', AZURE_FUNCTION_TYPES, 'name')?.fn;
    const subnet = b.str(r, 'subnet_id');
    if (!fn || !subnet) continue;
    fn.network = {
      ...(fn.network ?? {}),
      loc: b.loc(r),
      attached: true,
      subnetIds: subnet.value !== undefined ? { value: [subnet.value], loc: subnet.loc } : { expr: subnet.expr, loc: subnet.loc },
    };
  }
}

/** The identity block: system-assigned (its own identity, first) and user-assigned identities. */
function identity(b: Builder, r: Resource, appName: string): { ids: string[]; loc?: Location } {
  const ib = b.block(r.block, 'identity');
  if (!ib) return { ids: [] };
  const type = b.val(r, 'type', ib);
  const typeText = typeof type === 'string' ? type : '';
  const loc = b.attrLoc(r, 'type', ib);
  const ids: string[] = [];
  if (/SystemAssigned/i.test(typeText) || type instanceof Unknown) {
    ids.push(
      b.addIdentity({
        id: miId(r),
        cloud: 'azure',
        kind: 'azure-managed-identity',
        name: `${appName} (system-assigned)`,
        loc,
        arn: { expr: `\${${r.fullAddr}.identity[0].principal_id}`, loc },
        isDefault: true,
        policies: [],
        managedPolicyArns: [],
        roleBindings: [],
      }).id,
    );
  }
  if (/UserAssigned/i.test(typeText)) {
    for (const uai of b.attrRefs(r, 'identity_ids', ib, 'azurerm_user_assigned_identity')) ids.push(miId(uai));
  }
  return { ids, loc };
}

/** Scope level of an Azure scope: from the referenced resource's type or the id's shape. */
function scopeLevel(b: Builder, assignment: Resource, v: Val | undefined): RoleBinding['scopeLevel'] {
  for (const r of b.attrRefs(assignment, 'scope')) {
    if (r.type === 'azurerm_subscription') return 'subscription';
    if (r.type === 'azurerm_resource_group') return 'resource-group';
    if (r.type === 'azurerm_management_group') return 'management-group';
    return 'resource';
  }
  const text = v === undefined ? '' : render(v);
  if (/^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+\/?$/i.test(text)) return 'management-group';
  if (/^\/subscriptions\/[^/]+\/?$/i.test(text)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/?$/i.test(text)) return 'resource-group';
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\//i.test(text)) return 'resource';
  if (text === '/') return 'management-group';
  return 'unknown';
}

function roleAssignments(b: Builder): void {
  for (const r of b.of('azurerm_role_assignment')) {
    const targets = new Set<string>();
    for (const ref of b.attrRefs(r, 'principal_id', r.block, ...AZURE_FUNCTION_TYPES, 'azurerm_user_assigned_identity')) targets.add(miId(ref));
    const ids = [...targets].map((t) => b.model.identities.get(t)).filter((x): x is Identity => !!x);
    if (ids.length === 0) continue;
    const scopeV = b.val(r, 'scope');
    const roleByName = b.str(r, 'role_definition_name');
    const roleById = b.str(r, 'role_definition_id');
    const binding: RoleBinding = {
      role: roleByName ?? roleById ?? { expr: '${role}', loc: b.loc(r) },
      scope: strProp(scopeV, b.attrLoc(r, 'scope')) ?? { expr: '${scope}', loc: b.loc(r) },
      scopeLevel: scopeLevel(b, r, scopeV),
      loc: b.loc(r),
    };
    const custom = customRole(b, b.attrRefs(r, 'role_definition_id', r.block, 'azurerm_role_definition'), roleByName?.value);
    if (custom) {
      binding.customActions = custom.actions;
      // A custom role referenced by id: name it, so messages say which role.
      if (binding.role.value === undefined && custom.name) binding.role = { value: custom.name, expr: binding.role.expr, loc: binding.role.loc };
    }
    for (const id of ids) id.roleBindings.push(binding);
  }
}

/** Actions (and data actions) of a custom role defined in the files. */
function customRole(b: Builder, linked: Resource[], name: string | undefined): { name?: string; actions: string[] } | undefined {
  const [def] = linked;
  const found = def ?? (name ? b.byAttr(['azurerm_role_definition'], 'name', name)[0] : undefined);
  if (!found) return undefined;
  const out: string[] = [];
  for (const p of b.blocks(found.block, 'permissions')) {
    for (const attr of ['actions', 'data_actions']) {
      const v = b.val(found, attr, p);
      if (Array.isArray(v)) out.push(...v.map(render));
      else if (v !== undefined && v !== null) out.push(render(v));
    }
  }
  const defName = b.val(found, 'name');
  return { name: typeof defName === 'string' ? defName : undefined, actions: out };
}
