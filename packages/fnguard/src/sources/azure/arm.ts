/**
 * Azure Resource Manager templates (JSON, also what `bicep build` emits) → function apps.
 *
 * A `Microsoft.Web/sites` resource whose kind contains `functionapp` becomes one FunctionNode
 * (the function app: its settings are app-wide). Its child resources – written nested or at the
 * top level – are merged in: `sites/config` (web, appsettings, connectionstrings, authsettings),
 * `sites/basicPublishingCredentialsPolicies`, `sites/functions` (bindings → triggers),
 * `sites/networkConfig`. Managed identities become Identities, and role assignments whose
 * principal is `reference(<site or user-assigned identity>).…principalId` become their RoleBindings.
 *
 * Expressions are evaluated best-effort (see arm-expr.ts): parameter defaults, a sibling
 * `<template>.parameters.json`, variables and the common functions. What stays unknown is kept
 * as `expr`, never guessed.
 */
import type { AzureSettings, EnvVar, FunctionNode, Identity, Location, Prop, RoleBinding, Trigger } from '../../model/types.js';
import { describeError, ParseError } from '../../core/errors.js';
import { parseJson, type StructuredDoc } from '../structured.js';
import type { Source, SourceContext, SourceFile } from '../types.js';
import { ArmId, ArmRef, Evaluator, Unknown, isPlainObject, parseIdString, type ArmValue, type ScopeLevel } from './arm-expr.js';
import { appInsightsFromSettings, findSetting, runtimeFromFx, runtimeFromSettings, settingEnv, storageKeyFromSettings } from './app-settings.js';
import { triggersFromBindings } from './bindings.js';
import { BUILT_IN_ROLES } from '../../model/azure-roles.js';

const SCHEMA_HEAD = /"\$schema"\s*:\s*"[^"]*\/(subscription|managementGroup|tenant)?deployment(Template|Parameters)\.json/i;



/** Types this source reads, or knowingly ignores (they hold no function settings). */
const HANDLED = new Set(
  [
    'Microsoft.Web/sites', 'Microsoft.Web/sites/config', 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    'Microsoft.Web/sites/functions', 'Microsoft.Web/sites/networkConfig', 'Microsoft.Web/sites/slots', 'Microsoft.Web/sites/slots/config',
    'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies', 'Microsoft.Web/sites/slots/functions', 'Microsoft.Authorization/roleAssignments',
    'Microsoft.Authorization/roleDefinitions', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'Microsoft.Resources/deployments',
    'Microsoft.Web/serverfarms', 'Microsoft.Storage/storageAccounts', 'Microsoft.Insights/components', 'Microsoft.KeyVault/vaults',
    'Microsoft.KeyVault/vaults/secrets', 'Microsoft.OperationalInsights/workspaces',
  ].map((t) => t.toLowerCase()),
);

interface Res {
  type: string;
  /** Full name, children as `parent/child`; symbolic rendering when not statically known. */
  name: string;
  symbolic?: string;
  raw: Record<string, unknown>;
  loc: Location;
  ev: Evaluator;
  tpl: Template;
}

interface Template {
  file: string;
  docs: StructuredDoc[];
  /** Scope of the deployment (from `$schema`), used for role assignments without `scope`. */
  level: ScopeLevel;
}

type Conv<T> = (v: ArmValue) => T | undefined;
const toBool: Conv<boolean> = (v) => (typeof v === 'boolean' ? v : typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : undefined);
const toStr: Conv<string> = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function levelOfSchema(schema: unknown): ScopeLevel {
  const s = typeof schema === 'string' ? schema.toLowerCase() : '';
  if (s.includes('subscriptiondeploymenttemplate')) return 'subscription';
  if (s.includes('managementgroupdeploymenttemplate')) return 'management-group';
  if (s.includes('tenantdeploymenttemplate')) return 'tenant';
  return 'resource-group';
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return isPlainObject(v) ? (v as Record<string, unknown>) : undefined;
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function parentName(name: string): string {
  return name.slice(0, Math.max(0, name.lastIndexOf('/')));
}

/** Everything one `load()` call shares: diagnostics deduplication, identities by name. */
class Loader {
  private readonly infoTypes = new Set<string>();
  /** Evaluators of the template being loaded (nested inner-scope deployments add their own). */
  private evaluators: Evaluator[] = [];
  constructor(readonly ctx: SourceContext) {}

  loc(tpl: Template, container: unknown, key: string | number | undefined, fallback: Location): Location {
    for (const d of tpl.docs) if (d.has(container)) return d.loc(container, key);
    return fallback;
  }

  /** A property as Prop: value when known and convertible, else the expression as written. */
  prop<T>(res: Res, container: unknown, key: string, conv: Conv<T>): Prop<T> | undefined {
    const c = obj(container);
    if (!c || !(key in c)) return undefined;
    const raw = c[key];
    const loc = this.loc(res.tpl, c, key, res.loc);
    const v = conv(res.ev.resolve(raw));
    return v !== undefined ? { value: v, loc } : { expr: Evaluator.text(raw), loc };
  }

  /** A nested object, through expressions (`"siteConfig": "[variables('cfg')]"`). */
  child(res: Res, container: unknown, key: string): Record<string, unknown> | undefined {
    const c = obj(container);
    return c && key in c ? obj(res.ev.resolve(c[key])) : undefined;
  }

  noteType(type: string, file: string, line: number): void {
    const k = type.toLowerCase();
    if (HANDLED.has(k) || this.infoTypes.has(k)) return;
    this.infoTypes.add(k);
    this.ctx.info(file, `resource type ${type} is not analysed`, line);
  }

  // ------------------------------------------------------------ templates and resources

  loadTemplate(file: SourceFile, paramsFile: SourceFile | undefined): Res[] {
    const doc = parseJson(file.text, file.path);
    const root = obj(doc.value);
    if (!root) throw new ParseError('template is not a JSON object', 1);
    const docs = [doc];
    let parameterValues: Record<string, unknown> = {};
    if (paramsFile) {
      try {
        const pdoc = parseJson(paramsFile.text, paramsFile.path);
        docs.push(pdoc);
        parameterValues = obj(obj(pdoc.value)?.parameters) ?? {};
      } catch (err) {
        this.ctx.warn(paramsFile.path, `parameters file not used: ${describeError(err)}`, err instanceof ParseError ? err.line : undefined);
      }
    }
    const tpl: Template = { file: file.path, docs, level: levelOfSchema(root.$schema) };
    const ev = new Evaluator({ parameters: obj(root.parameters) ?? {}, parameterValues, variables: obj(root.variables) ?? {} });
    const out: Res[] = [];
    this.evaluators = [ev];
    this.collect(tpl, ev, root.resources, undefined, out, { file: file.path, line: 1 });
    return out;
  }

  /** Expressions that did not parse, once each; called after the model is built (evaluation is lazy). */
  reportSyntaxErrors(file: SourceFile, evaluators: Evaluator[]): void {
    for (const { expr, message } of evaluators.flatMap((e) => e.syntaxErrors)) {
      // The evaluator works on values; the line is found from the expression's text.
      const line = file.text.split('\n').findIndex((l) => l.includes(expr)) + 1;
      this.ctx.warn(file.path, `ARM expression not understood (kept unresolved): ${message}`, line || undefined);
    }
  }

  /** Evaluators created for the last loaded template. */
  takeEvaluators(): Evaluator[] {
    return this.evaluators;
  }

  private collect(tpl: Template, ev: Evaluator, resources: unknown, parent: Res | undefined, out: Res[], at: Location): void {
    if (resources === undefined || resources === null) return;
    // languageVersion 2.0 templates key resources by symbolic name.
    const entries: [string | undefined, unknown, number | string][] = Array.isArray(resources)
      ? resources.map((r, i) => [undefined, r, i])
      : isPlainObject(resources)
        ? Object.entries(resources).map(([k, r]) => [k, r, k])
        : [];
    if (entries.length === 0 && !Array.isArray(resources)) {
      this.ctx.warn(tpl.file, '"resources" is neither a list nor an object', at.line);
      return;
    }
    for (const [symbolic, r, key] of entries) {
      const raw = obj(r);
      const itemLoc = this.loc(tpl, resources, key, at);
      if (!raw) {
        this.ctx.warn(tpl.file, 'resource is not an object', itemLoc.line);
        continue;
      }
      const loc = this.loc(tpl, raw, 'type' in raw ? 'type' : undefined, itemLoc);
      const typeV = ev.resolve(raw.type);
      if (typeof typeV !== 'string' || (!typeV.includes('/') && !parent)) {
        this.ctx.warn(tpl.file, 'resource without a resolvable "type"', loc.line);
        continue;
      }
      const nameV = ev.resolve(raw.name);
      let name = typeof nameV === 'string' ? nameV : nameV instanceof Unknown && nameV.sym ? nameV.sym : Evaluator.text(raw.name);
      let type = typeV;
      // Nested child resources are written with a short type and name relative to the parent.
      if (parent && !typeV.includes('.')) {
        type = `${parent.type}/${typeV}`;
        name = `${parent.name}/${name}`;
      }
      if (ev.resolve(raw.condition) === false) continue;
      if (raw.copy !== undefined) this.ctx.info(tpl.file, `copy loop on ${type}: analysed once, copyIndex() left unresolved`, loc.line);
      const res: Res = { type, name, symbolic, raw, loc, ev, tpl };
      this.noteType(type, tpl.file, loc.line);
      if (raw.existing !== true) out.push(res);
      if (type.toLowerCase() === 'microsoft.resources/deployments') this.nested(res, out);
      this.collect(tpl, ev, raw.resources, res, out, loc);
    }
  }

  /** Inline nested deployments; linked templates (templateLink) are outside the scanned files. */
  private nested(res: Res, out: Res[]): void {
    const props = this.child(res, res.raw, 'properties');
    const inner = obj(props?.template);
    if (!inner) {
      if (props?.templateLink !== undefined) this.ctx.info(res.tpl.file, `linked template of deployment ${res.name} is not analysed`, res.loc.line);
      return;
    }
    const innerScope = obj(props?.expressionEvaluationOptions)?.scope;
    let ev = res.ev;
    if (typeof innerScope === 'string' && innerScope.toLowerCase() === 'inner') {
      // Inner scope: the nested template's own parameters, given values evaluated in the parent.
      const given: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj(props?.parameters) ?? {})) {
        const p = obj(v);
        if (p && 'value' in p) given[k] = { value: res.ev.resolve(p.value) };
      }
      ev = new Evaluator({ parameters: obj(inner.parameters) ?? {}, parameterValues: given, variables: obj(inner.variables) ?? {} });
      this.evaluators.push(ev);
    }
    // A deployment into a resource group (or a subscription) from a wider scope changes the scope of its resources.
    const level: ScopeLevel = 'resourceGroup' in res.raw ? 'resource-group' : 'subscriptionId' in res.raw ? 'subscription' : res.tpl.level;
    const tpl: Template = { ...res.tpl, level };
    this.collect(tpl, ev, inner.resources, undefined, out, res.loc);
  }

  // ------------------------------------------------------------ function apps

  buildModel(all: Res[]): void {
    const ofType = (t: string) => all.filter((r) => r.type.toLowerCase() === t.toLowerCase());
    const byParent = new Map<string, Res[]>();
    for (const r of all) {
      const p = parentName(r.name);
      if (!p) continue;
      const k = `${r.type.toLowerCase()}|${p.toLowerCase()}`;
      byParent.set(k, [...(byParent.get(k) ?? []), r]);
    }
    const children = (site: Res, sub: string) => byParent.get(`${site.type.toLowerCase()}/${sub.toLowerCase()}|${site.name.toLowerCase()}`) ?? [];

    const uamis = new Map<string, Identity>();
    for (const u of ofType('Microsoft.ManagedIdentity/userAssignedIdentities')) {
      const id = this.identity(`azure:mi:${u.tpl.file}#${u.name}`, u.name, u.loc, false);
      uamis.set(u.name.toLowerCase(), id);
      if (u.symbolic) uamis.set(u.symbolic.toLowerCase(), id);
    }
    const sites = new Map<string, { fn: FunctionNode; system?: Identity }>();
    const appKinds = new Map<string, unknown>();
    // Deployment slots are function apps of their own (settings per slot); they may omit kind.
    for (const s of [...ofType('Microsoft.Web/sites'), ...ofType('Microsoft.Web/sites/slots')]) {
      const isSlot = s.type.toLowerCase().endsWith('/slots');
      const kind = s.raw.kind === undefined && isSlot ? appKinds.get(parentName(s.name).toLowerCase()) : s.ev.resolve(s.raw.kind);
      if (!isSlot) appKinds.set(s.name.toLowerCase(), kind);
      if (typeof kind !== 'string') {
        if (s.raw.kind !== undefined) this.ctx.info(s.tpl.file, `site ${s.name}: kind ${Evaluator.text(s.raw.kind)} not resolvable, not analysed as a function app`, s.loc.line);
        continue;
      }
      if (!/functionapp/i.test(kind)) continue;
      const entry = this.site(s, children, uamis);
      sites.set(s.name.toLowerCase(), entry);
      if (s.symbolic) sites.set(s.symbolic.toLowerCase(), entry);
    }
    this.roleAssignments(all, sites, uamis);
  }

  private identity(id: string, name: string, loc: Location, isDefault: boolean, external = false): Identity {
    let idn = this.ctx.model.identities.get(id);
    if (!idn) {
      idn = { id, cloud: 'azure', kind: 'azure-managed-identity', name, loc, isDefault, policies: [], managedPolicyArns: [], roleBindings: [] };
      if (external) idn.external = true;
      this.ctx.model.identities.set(id, idn);
    }
    return idn;
  }

  private site(s: Res, children: (site: Res, sub: string) => Res[], uamis: Map<string, Identity>): { fn: FunctionNode; system?: Identity } {
    const props = this.child(s, s.raw, 'properties') ?? {};
    const azure: AzureSettings = {};
    const fn: FunctionNode = {
      id: `${s.tpl.file}#${s.name}`,
      name: s.name,
      cloud: 'azure',
      format: 'arm',
      loc: s.loc,
      triggers: [],
      env: [],
      layers: [],
      permissions: [],
      azure,
    };
    azure.httpsOnly = this.prop(s, props, 'httpsOnly', toBool);
    azure.clientCertEnabled = this.prop(s, props, 'clientCertEnabled', toBool);
    // Optional modes accept requests without a certificate: not an enforced mTLS requirement.
    const mode = this.prop(s, props, 'clientCertMode', toStr);
    if (azure.clientCertEnabled?.value === true && mode?.value && /^optional/i.test(mode.value)) azure.clientCertEnabled = { value: false, loc: mode.loc };
    const publicAccess = (p: Prop<string> | undefined) => (p ? (p.value !== undefined ? { value: p.value.toLowerCase() !== 'disabled', loc: p.loc } : { expr: p.expr, loc: p.loc }) : undefined);
    azure.publicNetworkAccess = publicAccess(this.prop(s, props, 'publicNetworkAccess', toStr));
    let subnet = this.prop(s, props, 'virtualNetworkSubnetId', toStr);
    let routeAll = this.prop(s, props, 'vnetRouteAllEnabled', toBool);

    const state = { settings: [] as EnvVar[], complete: true, fx: undefined as Prop<string> | undefined, versions: {} as Partial<Record<'dotnet' | 'java' | 'powershell', Prop<string>>> };
    const applyWeb = (cfg: Record<string, unknown> | undefined) => {
      if (!cfg) return;
      const set = <K extends keyof AzureSettings>(k: K, p: AzureSettings[K] | undefined) => {
        if (p !== undefined) azure[k] = p;
      };
      set('ftpsState', this.prop(s, cfg, 'ftpsState', toStr));
      set('minTlsVersion', this.prop(s, cfg, 'minTlsVersion', toStr));
      set('remoteDebugging', this.prop(s, cfg, 'remoteDebuggingEnabled', toBool));
      set('http2', this.prop(s, cfg, 'http20Enabled', toBool));
      set('publicNetworkAccess', publicAccess(this.prop(s, cfg, 'publicNetworkAccess', toStr)));
      const cors = this.child(s, cfg, 'cors');
      if (cors) set('cors', this.prop(s, cors, 'allowedOrigins', (v) => (Array.isArray(v) ? v.map((o) => s.ev.resolve(o)).filter((o): o is string => typeof o === 'string') : undefined)));
      const restricted = this.restrictions(s, cfg);
      if (restricted) azure.accessRestricted = restricted;
      routeAll = this.prop(s, cfg, 'vnetRouteAllEnabled', toBool) ?? routeAll;
      state.fx = this.prop(s, cfg, 'linuxFxVersion', toStr) ?? this.prop(s, cfg, 'windowsFxVersion', toStr) ?? state.fx;
      state.versions.dotnet = this.prop(s, cfg, 'netFrameworkVersion', toStr) ?? state.versions.dotnet;
      state.versions.java = this.prop(s, cfg, 'javaVersion', toStr) ?? state.versions.java;
      state.versions.powershell = this.prop(s, cfg, 'powerShellVersion', toStr) ?? state.versions.powershell;
      this.settingsList(s, cfg, 'appSettings', 'value', state);
      this.settingsList(s, cfg, 'connectionStrings', 'connectionString', state);
    };
    applyWeb(this.child(s, props, 'siteConfig'));

    for (const c of children(s, 'config')) {
      const which = lastSegment(c.name).toLowerCase();
      const cprops = this.child(c, c.raw, 'properties');
      if (which === 'web') applyWeb(cprops);
      else if (which === 'appsettings' || which === 'connectionstrings') this.settingsMap(c, c.raw, which === 'connectionstrings', state);
      else if (which === 'authsettingsv2' || which === 'authsettings') {
        const v2 = which === 'authsettingsv2';
        const enabled = this.prop(c, v2 ? this.child(c, cprops, 'platform') : cprops, 'enabled', toBool);
        // Easy Auth that lets unauthenticated requests through does not protect the functions.
        const action = this.prop(c, v2 ? this.child(c, cprops, 'globalValidation') : cprops, 'unauthenticatedClientAction', toStr);
        azure.authEnabled = enabled?.value === true && action?.value?.toLowerCase() === 'allowanonymous' ? { value: false, loc: action.loc } : enabled ?? azure.authEnabled;
      }
    }
    this.publishing(s, children(s, 'basicPublishingCredentialsPolicies'), azure);
    // The App Service API creates sites with ftpsState AllAllowed when none is written (other
    // formats have other defaults, so the fact is recorded here rather than assumed by rules).
    azure.ftpsState ??= { value: 'AllAllowed', loc: s.loc, inherited: true };
    for (const f of children(s, 'functions')) {
      const cfg = this.child(f, this.child(f, f.raw, 'properties'), 'config');
      if (!cfg || !('bindings' in cfg)) continue;
      const doc = f.tpl.docs.find((d) => d.has(cfg)) ?? f.tpl.docs[0]!;
      const { triggers, problems } = triggersFromBindings(f.ev.resolve(cfg.bindings), doc, f.loc, (raw) => {
        const v = f.ev.resolve(raw);
        return v instanceof Unknown || v instanceof ArmRef ? undefined : v;
      });
      for (const p of problems) this.ctx.warn(p.loc.file, `function ${f.name}: ${p.message}`, p.loc.line);
      fn.triggers.push(...triggers.map((t): Trigger => ({ ...t, path: t.path ?? lastSegment(f.name) })));
    }
    for (const n of children(s, 'networkConfig')) subnet = this.prop(n, this.child(n, n.raw, 'properties'), 'subnetResourceId', toStr) ?? subnet;

    fn.env = state.settings;
    const fx = state.fx ? runtimeFromFx(state.fx) : {};
    fn.runtime = fx.runtime ?? runtimeFromSettings(state.settings, state.versions);
    if (fx.image) fn.packageType = { value: 'Image', loc: fx.image.loc };
    const where = this.loc(s.tpl, props, 'siteConfig', s.loc);
    azure.appInsights = appInsightsFromSettings(state.settings, state.complete, where);
    const storage = storageKeyFromSettings(state.settings);
    if (storage) azure.storageUsesKey = storage;
    else if (!state.complete) azure.storageUsesKey = { expr: '(app settings not fully resolved)', loc: where };
    const version = findSetting(state.settings, 'FUNCTIONS_EXTENSION_VERSION');
    if (version) azure.functionsVersion = version.value !== undefined ? { value: version.value, loc: version.loc } : { expr: version.expr, loc: version.loc };

    if (subnet || routeAll || azure.publicNetworkAccess) {
      const attached = subnet !== undefined && subnet.value !== '';
      fn.network = { loc: subnet?.loc ?? azure.publicNetworkAccess?.loc ?? s.loc, attached };
      if (subnet && attached) fn.network.subnetIds = subnet.value !== undefined ? { value: [subnet.value], loc: subnet.loc } : { expr: subnet.expr, loc: subnet.loc };
      // Without vnetRouteAll only private (RFC 1918) destinations go through the VNet.
      if (attached) fn.network.egress = routeAll?.value === true ? { value: 'ALL_TRAFFIC', loc: routeAll.loc } : routeAll?.value === false || !routeAll ? { value: 'PRIVATE_RANGES_ONLY', loc: routeAll?.loc ?? subnet!.loc } : { expr: routeAll.expr, loc: routeAll.loc };
      const pna = azure.publicNetworkAccess;
      // Same words as the Terraform source, so rules see one vocabulary.
      if (pna) fn.network.ingress = pna.value !== undefined ? { value: pna.value ? 'ALLOW_ALL' : 'DISABLED', loc: pna.loc } : { expr: pna.expr, loc: pna.loc };
    }
    const tags = this.child(s, s.raw, 'tags');
    if (tags) {
      fn.tags = {};
      for (const [k, v] of Object.entries(tags)) {
        const tv = s.ev.resolve(v);
        if (typeof tv === 'string') fn.tags[k] = tv;
      }
    }
    const system = this.siteIdentity(s, fn, uamis);
    this.ctx.model.functions.push(fn);
    return { fn, system };
  }

  /** siteConfig.ipSecurityRestrictions: any rule other than "Allow Any", or default action Deny. */
  private restrictions(s: Res, cfg: Record<string, unknown>): Prop<boolean> | undefined {
    const def = this.prop(s, cfg, 'ipSecurityRestrictionsDefaultAction', toStr);
    if (def?.value?.toLowerCase() === 'deny') return { value: true, loc: def.loc };
    if (!('ipSecurityRestrictions' in cfg)) return def && def.value === undefined ? { expr: def.expr, loc: def.loc } : undefined;
    const loc = this.loc(s.tpl, cfg, 'ipSecurityRestrictions', s.loc);
    const rules = s.ev.resolve(cfg.ipSecurityRestrictions);
    if (!Array.isArray(rules)) return { expr: Evaluator.text(cfg.ipSecurityRestrictions), loc };
    const restrictive = rules.some((r) => {
      const o = obj(s.ev.resolve(r));
      if (!o) return false;
      const ip = s.ev.resolve(o.ipAddress);
      const action = s.ev.resolve(o.action);
      return !(typeof ip === 'string' && ip.toLowerCase() === 'any' && (action === undefined || action === null || (typeof action === 'string' && action.toLowerCase() === 'allow')));
    });
    // An explicit "Allow" default action keeps the app open even with rules.
    return { value: restrictive && def?.value?.toLowerCase() !== 'allow', loc };
  }

  /** `[{ name, value }]` lists (siteConfig.appSettings, siteConfig.connectionStrings). */
  private settingsList(s: Res, cfg: Record<string, unknown>, key: string, valueKey: string, state: { settings: EnvVar[]; complete: boolean }): void {
    if (!(key in cfg)) return;
    const list = s.ev.resolve(cfg[key]);
    if (!Array.isArray(list)) {
      state.complete = false;
      return;
    }
    list.forEach((item, i) => {
      const o = obj(s.ev.resolve(item));
      const loc = o ? this.loc(s.tpl, o, 'name', this.loc(s.tpl, list, i, s.loc)) : this.loc(s.tpl, list, i, s.loc);
      if (!o) {
        state.complete = false;
        return;
      }
      const name = s.ev.resolve(o.name);
      if (typeof name !== 'string') state.complete = false;
      const raw = o[valueKey];
      const v = s.ev.resolve(raw);
      const vloc = valueKey in o ? this.loc(s.tpl, o, valueKey, loc) : loc;
      state.settings.push(settingEnv(typeof name === 'string' ? name : Evaluator.text(o.name), v instanceof Unknown || v instanceof ArmRef || v instanceof ArmId ? undefined : v, Evaluator.text(raw), vloc));
    });
  }

  /** `sites/config` appsettings ({ NAME: value }) and connectionstrings ({ NAME: { value, type } }). */
  private settingsMap(c: Res, raw: Record<string, unknown>, connectionStrings: boolean, state: { settings: EnvVar[]; complete: boolean }): void {
    const props = this.child(c, raw, 'properties');
    if (!props) {
      state.complete = false;
      return;
    }
    for (const [name, rawValue] of Object.entries(props)) {
      const holder = connectionStrings ? obj(c.ev.resolve(rawValue)) : props;
      const valueRaw = connectionStrings ? holder?.value : rawValue;
      const loc = connectionStrings && holder && 'value' in holder ? this.loc(c.tpl, holder, 'value', c.loc) : this.loc(c.tpl, props, name, c.loc);
      const v = c.ev.resolve(valueRaw);
      state.settings.push(settingEnv(name, v instanceof Unknown || v instanceof ArmRef || v instanceof ArmId ? undefined : v, Evaluator.text(valueRaw), loc));
    }
  }

  /** basicPublishingCredentialsPolicies ftp / scm: allowed unless both are written `allow: false`. */
  private publishing(s: Res, policies: Res[], azure: AzureSettings): void {
    if (policies.length === 0) return;
    const found: Record<string, Prop<boolean> | undefined> = {};
    for (const p of policies) found[lastSegment(p.name).toLowerCase()] = this.prop(p, this.child(p, p.raw, 'properties'), 'allow', toBool) ?? { value: true, loc: p.loc };
    const written = [found.ftp, found.scm].filter((p): p is Prop<boolean> => p !== undefined);
    const allowing = written.find((p) => p.value === true);
    if (allowing) azure.basicPublishingCredentials = { value: true, loc: allowing.loc };
    else if (written.some((p) => p.value === undefined)) azure.basicPublishingCredentials = { expr: written.find((p) => p.value === undefined)!.expr, loc: written[0]!.loc };
    // One of the two left at its default (allowed).
    else if (written.length < 2) azure.basicPublishingCredentials = { value: true, loc: s.loc };
    else azure.basicPublishingCredentials = { value: false, loc: written[written.length - 1]!.loc };
  }

  private siteIdentity(s: Res, fn: FunctionNode, uamis: Map<string, Identity>): Identity | undefined {
    const identity = this.child(s, s.raw, 'identity');
    if (!identity) return undefined;
    const loc = this.loc(s.tpl, s.raw, 'identity', s.loc);
    const type = s.ev.resolve(identity.type);
    fn.identityLoc = loc;
    if (typeof type !== 'string') {
      this.ctx.info(s.tpl.file, `identity type of ${s.name} not resolvable`, loc.line);
      return undefined;
    }
    const ids: string[] = [];
    let system: Identity | undefined;
    if (/systemassigned/i.test(type)) {
      system = this.identity(`azure:mi:${s.tpl.file}#${s.name}`, `${s.name} (system-assigned)`, loc, true);
      ids.push(system.id);
    }
    if (/userassigned/i.test(type)) {
      for (const key of Object.keys(obj(identity.userAssignedIdentities) ?? {})) {
        const v = s.ev.resolve(key);
        const ref = v instanceof ArmId ? v : typeof v === 'string' ? parseIdString(v) : undefined;
        const name = ref?.name ?? (v instanceof Unknown ? v.sym : undefined) ?? key;
        const known = uamis.get(name.toLowerCase());
        ids.push((known ?? this.identity(`azure:mi:external#${name}`, name, loc, false, true)).id);
      }
    }
    if (ids.length > 0) {
      fn.identityId = ids[0];
      if (ids.length > 1) fn.additionalIdentityIds = ids.slice(1);
    }
    return system;
  }

  // ------------------------------------------------------------ role assignments

  private roleAssignments(all: Res[], sites: Map<string, { fn: FunctionNode; system?: Identity }>, uamis: Map<string, Identity>): void {
    const customRoles = new Map<string, { name: string; actions: string[] }>();
    for (const d of all.filter((r) => r.type.toLowerCase() === 'microsoft.authorization/roledefinitions')) {
      const props = this.child(d, d.raw, 'properties');
      const roleName = d.ev.resolve(props?.roleName);
      const actions: string[] = [];
      const perms = d.ev.resolve(props?.permissions);
      for (const p of Array.isArray(perms) ? perms : []) {
        const po = obj(d.ev.resolve(p));
        for (const k of ['actions', 'dataActions']) {
          const list = d.ev.resolve(po?.[k]);
          if (Array.isArray(list)) for (const a of list) if (typeof d.ev.resolve(a) === 'string') actions.push(d.ev.resolve(a) as string);
        }
      }
      const role = { name: typeof roleName === 'string' ? roleName : lastSegment(d.name), actions };
      customRoles.set(lastSegment(d.name).toLowerCase(), role);
      if (d.symbolic) customRoles.set(d.symbolic.toLowerCase(), role);
    }
    for (const ra of all) {
      const t = ra.type.toLowerCase();
      // `Microsoft.Storage/storageAccounts/providers/roleAssignments` is the old way to scope to a resource.
      const nestedScope = t.endsWith('/providers/roleassignments');
      if (t !== 'microsoft.authorization/roleassignments' && !nestedScope) continue;
      const props = this.child(ra, ra.raw, 'properties');
      const principal = ra.ev.resolve(props?.principalId);
      const identity = this.principalIdentity(principal, sites, uamis);
      if (!identity) continue;
      const { role, customActions } = this.role(ra, props, customRoles);
      const binding: RoleBinding = {
        role,
        scope: { loc: ra.loc },
        scopeLevel: nestedScope ? 'resource' : ra.tpl.level === 'tenant' ? 'unknown' : ra.tpl.level,
        loc: ra.loc,
      };
      if (customActions) binding.customActions = customActions;
      if ('scope' in ra.raw) {
        const sv = ra.ev.resolve(ra.raw.scope);
        const sloc = this.loc(ra.tpl, ra.raw, 'scope', ra.loc);
        const id = sv instanceof ArmId ? sv : typeof sv === 'string' ? parseIdString(sv) : undefined;
        // A resourceId() has unknown subscription / group parts: its level is known, not its value.
        binding.scope = typeof sv === 'string' ? { value: sv, loc: sloc } : { expr: Evaluator.text(ra.raw.scope), loc: sloc };
        binding.scopeLevel = id ? (id.level === 'tenant' ? 'unknown' : id.level) : 'unknown';
      } else {
        // No `scope`: the parent resource (old nested form) or the deployment's own scope.
        const implied = nestedScope ? `[resourceId(..., '${parentName(parentName(ra.name))}')]` : binding.scopeLevel === 'subscription' ? '[subscription().id]' : binding.scopeLevel === 'resource-group' ? '[resourceGroup().id]' : '(deployment scope)';
        binding.scope = { expr: implied, loc: ra.loc };
      }
      identity.roleBindings.push(binding);
    }
  }

  /** Which identity a principalId expression points at (a site's system identity or a user-assigned one). */
  private principalIdentity(v: ArmValue, sites: Map<string, { fn: FunctionNode; system?: Identity }>, uamis: Map<string, Identity>): Identity | undefined {
    if (!(v instanceof ArmRef) || !v.target.name) return undefined;
    const path = v.path.map((p) => p.toLowerCase()).join('.');
    const name = v.target.name.toLowerCase();
    const type = v.target.type?.toLowerCase();
    if (path === 'identity.principalid' && v.full && (!type || type === 'microsoft.web/sites')) return sites.get(name)?.system;
    if ((path === 'principalid' && !v.full) || (path === 'properties.principalid' && v.full)) {
      if (!type || type === 'microsoft.managedidentity/userassignedidentities') return uamis.get(name);
    }
    return undefined;
  }

  private role(ra: Res, props: Record<string, unknown> | undefined, customRoles: Map<string, { name: string; actions: string[] }>): { role: Prop<string>; customActions?: string[] } {
    const loc = props && 'roleDefinitionId' in props ? this.loc(ra.tpl, props, 'roleDefinitionId', ra.loc) : ra.loc;
    const raw = props?.roleDefinitionId;
    const v = ra.ev.resolve(raw);
    const guid = v instanceof ArmId ? v.name : typeof v === 'string' ? lastSegment(v) : v instanceof Unknown ? v.sym && lastSegment(v.sym) : undefined;
    if (guid) {
      const builtIn = BUILT_IN_ROLES[guid.toLowerCase()];
      if (builtIn) return { role: { value: builtIn, loc } };
      const custom = customRoles.get(guid.toLowerCase());
      if (custom) return { role: { value: custom.name, loc }, customActions: custom.actions };
      if (typeof v === 'string' || (v instanceof ArmId && !guid.startsWith('{'))) return { role: { value: guid, loc } };
    }
    return { role: { expr: Evaluator.text(raw), loc } };
  }
}

function isParametersFile(f: SourceFile): boolean {
  return /deploymentParameters\.json/i.test(f.text.slice(0, 4000));
}

export const armSource: Source = {
  format: 'arm',
  claims(file: SourceFile): boolean {
    return /\.json$/i.test(file.path) && SCHEMA_HEAD.test(file.text.slice(0, 4000));
  },
  load(files: SourceFile[], ctx: SourceContext): void {
    const loader = new Loader(ctx);
    const params = new Map(files.filter((f) => isParametersFile(f)).map((f) => [f.path.toLowerCase(), f] as const));
    for (const p of params.values()) ctx.keep(p, 'arm');
    for (const f of files) {
      if (params.has(f.path.toLowerCase())) continue;
      ctx.keep(f, 'arm');
      const paramsFile = params.get(f.path.replace(/\.json$/i, '.parameters.json').toLowerCase());
      try {
        // One template (with its nested deployments) at a time: names only link inside a file,
        // so two templates that both deploy a site called "func" never mix their children.
        loader.buildModel(loader.loadTemplate(f, paramsFile));
        loader.reportSyntaxErrors(f, loader.takeEvaluators());
      } catch (err) {
        ctx.warn(f.path, `skipped: ${describeError(err)}`, err instanceof ParseError ? err.line : undefined);
      }
    }
  },
};
