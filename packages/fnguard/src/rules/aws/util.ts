/**
 * Helpers shared by the AWS rules: the loops every rule needs (functions, endpoints, APIs),
 * the "is this property known / missing" decisions, and message formatting.
 *
 * Conventions used by every AWS rule:
 * - a property that is absent (`undefined`) was not written: the setting is off / default;
 * - a property that is present but whose `value` is undefined could not be resolved
 *   statically (parameter, SSM lookup, variable without default): rules do NOT report it,
 *   so an unknown value never becomes a false positive.
 */
import type { Api, AuthType, Cloud, EnvVar, FunctionNode, Location, Model, Prop, Trigger } from '../../model/types.js';
import { functionsBehindApi } from '../../model/queries.js';
import { todayOf, defineRule, functionsOf, type Report, type Rule, type RuleContext, type RuleMeta } from '../define.js';

/** Define an AWS rule (clouds is always ['aws']). */
export function awsRule(meta: Omit<RuleMeta, 'clouds'> & { clouds?: Cloud[] }, check: (ctx: RuleContext) => Iterable<Report>): Rule {
  return defineRule({ meta: { clouds: ['aws'], ...meta }, check });
}

export function awsFunctions(ctx: RuleContext): FunctionNode[] {
  return functionsOf(ctx.model, 'aws');
}

export function awsApis(ctx: RuleContext): Api[] {
  return [...ctx.model.apis.values()].filter((a) => a.cloud === 'aws');
}

/** Present with a statically known value. */
export function known<T>(p: Prop<T> | undefined): p is Prop<T> & { value: T } {
  return p !== undefined && p.value !== undefined;
}

/** Present but not statically resolvable: rules stay silent on these. */
export function unresolved(p: Prop<unknown> | undefined): boolean {
  return p !== undefined && p.value === undefined;
}

/** How a property is shown in a message: its value, or its expression as written. */
export function show(p: Prop<unknown> | undefined): string {
  if (!p) return '(not set)';
  if (p.value !== undefined) return Array.isArray(p.value) ? p.value.join(', ') : String(p.value);
  return p.expr ?? '(unresolved)';
}

/** `(inherited from the provider/Globals block)` suffix for messages. */
export function inheritedNote(p: { inherited?: boolean } | undefined): string {
  return p?.inherited ? ' (inherited from the provider/Globals block)' : '';
}

/** Where to point a finding: the offending property when written, else the function/resource. */
export function at(p: { loc: Location } | undefined, fallback: Location): Location {
  return p?.loc ?? fallback;
}

/** Fingerprint key for a finding about several functions (e.g. a setting inherited by all of them). */
export function fnsKey(fns: FunctionNode[], ...parts: (string | undefined)[]): string {
  return [`fn:${fns.map((f) => f.name).sort().join(',')}`, ...parts.filter((p): p is string => p !== undefined)].join('/');
}

export function fnKey(fn: FunctionNode, ...parts: (string | undefined)[]): string {
  return [`fn:${fn.name}`, ...parts.filter((p): p is string => p !== undefined)].join('/');
}

// ---------------------------------------------------------------- triggers and APIs

export const APIGW_SERVICES: ReadonlySet<string> = new Set(['apigw-rest', 'apigw-http', 'apigw-websocket']);

/** API Gateway endpoint (REST, HTTP or WebSocket API) of an AWS function. */
export function isApiGatewayTrigger(t: Trigger): boolean {
  return t.kind === 'http' && (APIGW_SERVICES.has(t.service) || t.service.startsWith('apigw'));
}

/** CORS preflight: answered without calling the backend's auth, never an "unauthenticated endpoint". */
export function isPreflight(t: Trigger): boolean {
  return (t.method ?? '').toUpperCase() === 'OPTIONS';
}

export function apiOf(model: Model, t: Trigger): Api | undefined {
  return t.apiId !== undefined ? model.apis.get(t.apiId) : undefined;
}

/** Functions that have at least one endpoint on the API. */
export function functionsOfApi(model: Model, apiId: string): FunctionNode[] {
  return functionsBehindApi(model, apiId);
}

/**
 * Whether an API is reachable from the internet: false for PRIVATE endpoint types,
 * undefined when the endpoint type is an unresolved expression.
 */
export function apiIsPublic(api: Api | undefined): boolean | undefined {
  if (!api?.endpointType) return true;
  if (api.endpointType.value === undefined) return undefined;
  return !api.endpointType.value.toUpperCase().includes('PRIVATE');
}

/** Whether an endpoint can be reached from the internet (trigger flag, then its API's endpoint type). */
export function endpointIsPublic(model: Model, t: Trigger): boolean | undefined {
  if (t.public === false) return false;
  const api = apiOf(model, t);
  const pub = apiIsPublic(api);
  if (pub === false || pub === undefined) return pub;
  return true;
}

/**
 * The auth that applies to an endpoint: its own when written, else the API's default authorizer.
 * Undefined means neither is written, i.e. no authorization.
 */
export function effectiveAuth(model: Model, t: Trigger): Prop<AuthType> | undefined {
  return t.auth ?? apiOf(model, t)?.defaultAuth;
}

/** A WebSocket API authorizes on `$connect` only; other routes are not entry points. */
export function isWebSocketNonConnect(t: Trigger): boolean {
  return t.service === 'apigw-websocket' && t.path !== undefined && t.path !== '$connect';
}

export function describeEndpoint(t: Trigger): string {
  const what = t.service === 'apigw-rest' ? 'REST API' : t.service === 'apigw-http' ? 'HTTP API' : t.service === 'apigw-websocket' ? 'WebSocket API' : t.service;
  const method = t.service === 'apigw-websocket' ? undefined : t.method?.toUpperCase();
  const route = [method, t.path].filter(Boolean).join(' ');
  return route ? `${what} route ${route}` : what;
}

/** Triggers reachable from the internet: API Gateway endpoints, function URLs, ALB targets. */
export function internetTriggers(model: Model, fn: FunctionNode): Trigger[] {
  return fn.triggers.filter((t) => {
    if (t.public === false) return false;
    if (t.kind === 'function-url' || t.kind === 'alb') return true;
    if (isApiGatewayTrigger(t)) return endpointIsPublic(model, t) !== false;
    return t.public === true;
  });
}

export function hasWildcardOrigin(cors: Prop<string[]> | undefined): boolean {
  return known(cors) && cors.value.some((o) => o.trim() === '*' || o.trim() === "'*'");
}

export function apiLabel(api: Api): string {
  const kind = api.kind === 'apigw-rest' ? 'REST API' : api.kind === 'apigw-http' ? 'HTTP API' : api.kind === 'apigw-websocket' ? 'WebSocket API' : 'API';
  return `${kind} "${api.name}"`;
}

/** ` (serving "a", "b")` for API findings; empty when no scanned function uses the API. */
export function servedBy(fns: FunctionNode[]): string {
  return fns.length === 0 ? '' : ` (serving ${fnNames(fns)})`;
}

export function fnNames(fns: FunctionNode[]): string {
  if (fns.length === 0) return 'none';
  const names = fns.map((f) => `"${f.name}"`);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

// ---------------------------------------------------------------- environment

/**
 * Environment variables declared once (serverless provider block, SAM Globals) appear on every
 * function with the same location: yield each declaration once, with every function it affects.
 */
export function envDeclarations(fns: FunctionNode[]): { env: EnvVar; fns: FunctionNode[] }[] {
  const byPlace = new Map<string, { env: EnvVar; fns: FunctionNode[] }>();
  for (const fn of fns) {
    for (const env of fn.env) {
      const k = `${env.loc.file}:${env.loc.line}:${env.loc.column ?? ''}:${env.name}`;
      const entry = byPlace.get(k);
      if (entry) entry.fns.push(fn);
      else byPlace.set(k, { env, fns: [fn] });
    }
  }
  return [...byPlace.values()];
}

/** Same grouping for a per-function property that may be inherited (same loc on several functions). */
export function groupByLoc<T extends { loc: Location }>(items: { item: T; fn: FunctionNode }[]): { item: T; fns: FunctionNode[] }[] {
  const m = new Map<string, { item: T; fns: FunctionNode[] }>();
  for (const { item, fn } of items) {
    const k = `${item.loc.file}:${item.loc.line}:${item.loc.column ?? ''}`;
    const e = m.get(k);
    if (e) e.fns.push(fn);
    else m.set(k, { item, fns: [fn] });
  }
  return [...m.values()];
}

/** Template syntax for a value resolved at deploy/run time rather than a literal. */
export function looksLikeReference(value: string): boolean {
  return /\$\{[^}]*\}|\{\{resolve:|^arn:aws[a-z-]*:(secretsmanager|ssm|kms):/i.test(value);
}

// ---------------------------------------------------------------- options

export function stringListOption(ctx: RuleContext, name: string): string[] {
  const v = ctx.options[name];
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export function numberOption(ctx: RuleContext, name: string, fallback: number): number {
  const v = ctx.options[name];
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

/** "Today" for date-based rules (the `today` scan option pins it). */
export function today(ctx: RuleContext): Date {
  return todayOf(ctx);
}

/** 12-digit account id inside an ARN, when written literally. */
export function accountOfArn(arn: string | undefined): string | undefined {
  const m = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/.exec(arn ?? '');
  return m?.[1];
}
