/**
 * API Gateway front doors → model Api nodes: SAM `AWS::Serverless::Api`/`HttpApi` (with Globals)
 * and the implicit APIs SAM creates for `Api`/`HttpApi` events, raw `AWS::ApiGateway::*` and
 * `AWS::ApiGatewayV2::*` resources (stages, methods, routes, authorizers, usage plans) and WAF
 * associations. Methods and routes become triggers of the function their integration invokes.
 */
import type { Api, AuthType, Location, Prop, Trigger } from '../../model/types.js';
import { isPlainObject, listProp, strProp } from '../aws-common/values.js';
import { statementsList } from './iam.js';
import { Props } from './props.js';
import type { ApiAuthInfo, Resource, Stack } from './stack.js';

export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

export function apiNodeId(stack: Stack, kind: Api['kind'], logicalId: string): string {
  return `aws:${kind}:${stack.id(logicalId)}`;
}

export function newApi(stack: Stack, logicalId: string, kind: Api['kind'], name: string, loc: Location): Api {
  const api: Api = { id: apiNodeId(stack, kind, logicalId), cloud: 'aws', kind, name, loc };
  stack.apis.set(logicalId, api);
  stack.ctx.model.apis.set(api.id, api);
  return api;
}

/** Api resources; run before functions so events can name their API. */
export function loadApis(stack: Stack): void {
  for (const r of stack.ofType('AWS::Serverless::Api')) {
    const api = newApi(stack, r.logicalId, 'apigw-rest', stack.str(r.props['Name']) ?? r.logicalId, r.loc);
    applySamApi(stack, api, r.logicalId, new Props(stack, r.props, stack.globals['Api']));
  }
  for (const r of stack.ofType('AWS::Serverless::HttpApi')) {
    const api = newApi(stack, r.logicalId, 'apigw-http', stack.str(r.props['Name']) ?? r.logicalId, r.loc);
    applySamApi(stack, api, r.logicalId, new Props(stack, r.props, stack.globals['HttpApi']));
  }
  for (const r of stack.ofType('AWS::ApiGateway::RestApi')) {
    const api = stack.apis.get(r.logicalId) ?? newApi(stack, r.logicalId, 'apigw-rest', stack.str(r.props['Name']) ?? r.logicalId, r.loc);
    const p = new Props(stack, r.props);
    const types = p.sub('EndpointConfiguration')?.props.list('Types');
    if (types) api.endpointType = { ...types, value: types.value?.join(','), expr: types.expr };
    const policy = p.get('Policy');
    if (policy && isPlainObject(policy.value)) {
      api.resourcePolicy = { name: `${api.name} resource policy`, loc: policy.loc, kind: 'resource', statements: statementsList(stack, policy.value['Statement']) };
    }
  }
  for (const r of stack.ofType('AWS::ApiGatewayV2::Api')) {
    const protocol = stack.str(r.props['ProtocolType']);
    const kind = protocol === 'WEBSOCKET' ? 'apigw-websocket' : 'apigw-http';
    if (!stack.apis.has(r.logicalId)) newApi(stack, r.logicalId, kind, stack.str(r.props['Name']) ?? r.logicalId, r.loc);
  }
}

/** The implicit API SAM creates for events without RestApiId/ApiId, with Globals applied. */
export function implicitApi(stack: Stack, kind: 'apigw-rest' | 'apigw-http', loc: Location): { logicalId: string; api: Api } {
  const logicalId = kind === 'apigw-rest' ? IMPLICIT_REST_API : IMPLICIT_HTTP_API;
  let api = stack.apis.get(logicalId);
  if (!api) {
    const globals = stack.globals[kind === 'apigw-rest' ? 'Api' : 'HttpApi'];
    api = newApi(stack, logicalId, kind, logicalId, isPlainObject(globals) ? stack.loc(stack.globals, kind === 'apigw-rest' ? 'Api' : 'HttpApi') : loc);
    applySamApi(stack, api, logicalId, new Props(stack, {}, globals));
  }
  return { logicalId, api };
}

function applySamApi(stack: Stack, api: Api, logicalId: string, p: Props): void {
  const auth = p.sub('Auth');
  const info: ApiAuthInfo = {};
  if (auth) {
    const a = auth.props;
    const authorizers = a.get('Authorizers');
    if (authorizers && isPlainObject(authorizers.value)) info.authorizers = authorizers.value;
    const def = a.get('DefaultAuthorizer');
    if (def) info.defaultAuthorizer = { value: def.value, loc: def.loc, inherited: def.inherited };
    const key = a.get('ApiKeyRequired');
    if (key) info.apiKeyRequired = { value: key.value, loc: key.loc, inherited: key.inherited };
    if (stack.str(a.get('EnableIamAuthorizer')?.value) === 'true') info.iam = true;
    if (def) api.defaultAuth = authProp(stack, def.value, info, def.loc, def.inherited);
    const rp = a.sub('ResourcePolicy');
    const custom = rp?.props.get('CustomStatements');
    if (rp && custom) {
      api.resourcePolicy = { name: `${api.name} resource policy`, loc: rp.field.loc, kind: 'resource', statements: statementsList(stack, custom.value) };
    }
    const plan = a.sub('UsagePlan')?.props.sub('Throttle')?.props;
    if (plan) setThrottle(api, plan.num('BurstLimit'), plan.num('RateLimit'));
  }
  stack.apiAuth.set(logicalId, info);
  const tracing = p.bool('TracingEnabled');
  if (tracing) api.tracing = tracing;
  const logs = p.get('AccessLogSetting') ?? p.get('AccessLogSettings');
  if (logs) api.accessLogging = { value: true, loc: logs.loc, ...(logs.inherited ? { inherited: true } : {}) };
  const endpoint = p.get('EndpointConfiguration');
  if (endpoint) {
    const type = isPlainObject(endpoint.value) ? endpoint.value['Type'] : endpoint.value;
    const prop = strProp(type, endpoint.loc, stack, endpoint.inherited);
    if (prop) api.endpointType = prop;
  }
  const methodSettings = p.get('MethodSettings');
  if (methodSettings) applyMethodSettings(stack, api, methodSettings.value, methodSettings.inherited);
  const routeDefaults = p.sub('DefaultRouteSettings')?.props;
  if (routeDefaults) setThrottle(api, routeDefaults.num('ThrottlingBurstLimit'), routeDefaults.num('ThrottlingRateLimit'));
  const tls = p.sub('Domain')?.props.str('SecurityPolicy');
  if (tls) api.minTls = tls;
  const cors = samCors(stack, p);
  if (cors) stack.apiCors.set(logicalId, cors);
}

/**
 * SAM CORS: REST `Cors: "'*'"` or `{AllowOrigin: "'https://…'"}` (quoted header values),
 * HTTP `CorsConfiguration: true` or `{AllowOrigins: [...]}`.
 */
function samCors(stack: Stack, p: Props): Prop<string[]> | undefined {
  const f = p.get('Cors') ?? p.get('CorsConfiguration');
  if (!f) return undefined;
  const unquote = (x: string): string => x.replace(/^'(.*)'$/, '$1');
  let origins: Prop<string[]> | undefined;
  if (f.value === true) origins = { value: ['*'], loc: f.loc };
  else if (isPlainObject(f.value)) {
    const key = f.value['AllowOrigin'] !== undefined ? 'AllowOrigin' : 'AllowOrigins';
    origins = listProp(f.value[key], stack.loc(f.value, key), stack);
  } else origins = listProp(f.value, f.loc, stack);
  if (!origins) return undefined;
  if (origins.value) origins.value = origins.value.map(unquote);
  if (f.inherited) origins.inherited = true;
  return origins;
}

function setThrottle(api: Api, burst: Prop<number> | undefined, rate: Prop<number> | undefined): void {
  if (!burst && !rate) return;
  api.throttling ??= {};
  if (burst) api.throttling.burst ??= burst;
  if (rate) api.throttling.rate ??= rate;
}

/** Stage MethodSettings: throttling limits and cache encryption of any entry. */
function applyMethodSettings(stack: Stack, api: Api, list: unknown, inherited: boolean): void {
  if (!Array.isArray(list)) return;
  list.forEach((item) => {
    if (!isPlainObject(item)) return;
    const ms = new Props(stack, inherited ? {} : item, inherited ? item : undefined);
    setThrottle(api, ms.num('ThrottlingBurstLimit'), ms.num('ThrottlingRateLimit'));
    const enc = ms.bool('CacheDataEncrypted');
    if (enc) api.cacheEncrypted ??= enc;
  });
}

/** Model auth type of a SAM authorizer name (`NONE`, `AWS_IAM`, or a key of Auth.Authorizers). */
export function authProp(stack: Stack, name: unknown, info: ApiAuthInfo | undefined, loc: Location, inherited = false): Prop<AuthType> {
  const text = stack.str(name);
  let value: AuthType;
  if (text === undefined) value = 'unknown';
  else if (text === 'NONE') value = 'none';
  else if (text === 'AWS_IAM') value = 'aws-iam';
  else value = authorizerKind(info?.authorizers?.[text]);
  const p: Prop<AuthType> = { value, loc };
  if (text === undefined) p.expr = '${…}';
  if (inherited) p.inherited = true;
  return p;
}

function authorizerKind(def: unknown): AuthType {
  if (!isPlainObject(def)) return 'unknown';
  if ('UserPoolArn' in def) return 'cognito';
  if ('JwtConfiguration' in def) return 'jwt';
  if ('FunctionArn' in def) return 'custom-authorizer';
  return 'unknown';
}

/**
 * Auth of one SAM Api/HttpApi event: its own Auth.Authorizer, else the API's default authorizer,
 * else an API key requirement, else none.
 */
export function samEventAuth(stack: Stack, apiLogicalId: string, eventProps: Props, eventLoc: Location): Prop<AuthType> {
  const info = stack.apiAuth.get(apiLogicalId);
  const auth = eventProps.sub('Auth')?.props;
  const own = auth?.get('Authorizer');
  if (own) return authProp(stack, own.value, info, own.loc);
  const ownKey = auth?.bool('ApiKeyRequired');
  if (ownKey?.value) return { value: 'api-key', loc: ownKey.loc };
  if (info?.defaultAuthorizer) return authProp(stack, info.defaultAuthorizer.value, info, info.defaultAuthorizer.loc, true);
  if (info?.apiKeyRequired && stack.str(info.apiKeyRequired.value) === 'true') {
    return { value: 'api-key', loc: info.apiKeyRequired.loc, inherited: true };
  }
  return { value: 'none', loc: eventLoc };
}

/** Whether endpoints of an API are reachable from the internet. */
export function isPublicApi(api: Api | undefined): boolean {
  const t = api?.endpointType;
  return !(t?.value ?? '').toUpperCase().includes('PRIVATE');
}

// ---------------------------------------------------------------- raw API Gateway resources

/** Stages, usage plans, methods, routes and WAF associations; run after functions. */
export function loadApiAttachments(stack: Stack): void {
  for (const r of stack.ofType('AWS::ApiGateway::Stage')) {
    const api = apiFor(stack, r.props['RestApiId']);
    if (!api) continue;
    const p = new Props(stack, r.props);
    const tracing = p.bool('TracingEnabled');
    if (tracing) api.tracing ??= tracing;
    const logs = p.get('AccessLogSetting');
    if (logs) api.accessLogging ??= { value: true, loc: logs.loc };
    const ms = p.get('MethodSettings');
    if (ms) applyMethodSettings(stack, api, ms.value, false);
    const cert = p.get('ClientCertificateId');
    if (cert) api.clientCertificate ??= { value: true, loc: cert.loc };
  }
  for (const r of stack.ofType('AWS::ApiGatewayV2::Stage')) {
    const api = apiFor(stack, r.props['ApiId']);
    if (!api) continue;
    const p = new Props(stack, r.props);
    const logs = p.get('AccessLogSettings');
    if (logs) api.accessLogging ??= { value: true, loc: logs.loc };
    const d = p.sub('DefaultRouteSettings')?.props;
    if (d) setThrottle(api, d.num('ThrottlingBurstLimit'), d.num('ThrottlingRateLimit'));
  }
  for (const r of stack.ofType('AWS::ApiGateway::UsagePlan')) {
    const throttle = new Props(stack, r.props).sub('Throttle')?.props;
    const stages = r.props['ApiStages'];
    if (!throttle || !Array.isArray(stages)) continue;
    for (const s of stages) {
      const api = isPlainObject(s) ? apiFor(stack, s['ApiId']) : undefined;
      if (api) setThrottle(api, throttle.num('BurstLimit'), throttle.num('RateLimit'));
    }
  }
  for (const r of stack.ofType('AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation')) {
    const acl = strProp(r.props['WebACLArn'] ?? r.props['WebACLId'], stack.loc(r.props, r.props['WebACLArn'] ? 'WebACLArn' : 'WebACLId'), stack);
    if (!acl) continue;
    for (const api of apisIn(stack, r.props['ResourceArn'])) api.waf ??= { ...acl, loc: r.loc };
  }
  for (const r of stack.ofType('AWS::ApiGateway::Method')) restMethod(stack, r);
  for (const r of stack.ofType('AWS::ApiGatewayV2::Route')) httpRoute(stack, r);
  for (const r of stack.ofType('AWS::ApiGatewayV2::Api')) quickCreate(stack, r);
}

function apiFor(stack: Stack, v: unknown): Api | undefined {
  const t = stack.target(v);
  return t ? stack.apis.get(t) : undefined;
}

/** APIs named in an ARN expression, directly or through one of their stages. */
function apisIn(stack: Stack, v: unknown): Api[] {
  const out: Api[] = [];
  for (const t of stack.targets(v)) {
    const api = stack.apis.get(t) ?? apiFor(stack, stack.resources.get(t)?.props['RestApiId']) ?? apiFor(stack, stack.resources.get(t)?.props['ApiId']);
    if (api && !out.includes(api)) out.push(api);
  }
  return out;
}

/** Path of an AWS::ApiGateway::Resource, following ParentId (bounded). */
function resourcePath(stack: Stack, v: unknown): string {
  const parts: string[] = [];
  let cur = stack.target(v);
  for (let i = 0; cur && i < 50; i++) {
    const r = stack.resources.get(cur);
    if (!r || r.type !== 'AWS::ApiGateway::Resource') break;
    parts.unshift(stack.str(r.props['PathPart']) ?? '{?}');
    cur = stack.target(r.props['ParentId']);
  }
  return '/' + parts.join('/');
}

const REST_AUTH: Record<string, AuthType> = { NONE: 'none', AWS_IAM: 'aws-iam', COGNITO_USER_POOLS: 'cognito', CUSTOM: 'custom-authorizer', JWT: 'jwt' };

function authFromType(stack: Stack, p: Props, key: string, fallback: Location): Prop<AuthType> {
  const f = p.get(key);
  if (!f) return { value: 'none', loc: fallback };
  const text = stack.str(f.value);
  return text === undefined ? { value: 'unknown', expr: '${…}', loc: f.loc } : { value: REST_AUTH[text.toUpperCase()] ?? 'unknown', loc: f.loc };
}

function restMethod(stack: Stack, r: Resource): void {
  const p = new Props(stack, r.props);
  const integration = p.sub('Integration')?.props;
  const fn = integration && stack.functionFor(integration.get('Uri')?.value);
  if (!fn) return;
  const api = apiFor(stack, r.props['RestApiId']);
  let auth = authFromType(stack, p, 'AuthorizationType', r.loc);
  const key = p.bool('ApiKeyRequired');
  if (auth.value === 'none' && key?.value) auth = { value: 'api-key', loc: key.loc };
  const t: Trigger = {
    kind: 'http', service: 'apigw-rest', loc: r.loc, method: stack.str(r.props['HttpMethod'])?.toUpperCase(),
    path: resourcePath(stack, r.props['ResourceId']), auth, public: isPublicApi(api),
  };
  if (api) t.apiId = api.id;
  if (r.props['RequestValidatorId'] !== undefined) t.requestValidation = { value: true, loc: stack.loc(r.props, 'RequestValidatorId') };
  fn.triggers.push(t);
}

function httpRoute(stack: Stack, r: Resource): void {
  const integrationId = stack.targets(r.props['Target']).find((t) => stack.resources.get(t)?.type === 'AWS::ApiGatewayV2::Integration');
  const integration = integrationId ? stack.resources.get(integrationId) : undefined;
  const fn = integration && stack.functionFor(integration.props['IntegrationUri']);
  if (!fn) return;
  const api = apiFor(stack, r.props['ApiId']);
  const key = stack.str(r.props['RouteKey']) ?? '';
  const [method, path] = key.includes(' ') ? key.split(/\s+/, 2) : ['ANY', key];
  const t: Trigger = {
    kind: 'http', service: api?.kind === 'apigw-websocket' ? 'apigw-websocket' : 'apigw-http', loc: r.loc, method, path,
    auth: authFromType(stack, new Props(stack, r.props), 'AuthorizationType', r.loc), public: isPublicApi(api),
  };
  if (api) t.apiId = api.id;
  fn.triggers.push(t);
}

/** HTTP API "quick create" (`Target:` on the Api itself): a `$default` route without auth. */
function quickCreate(stack: Stack, r: Resource): void {
  if (r.props['Target'] === undefined) return;
  const fn = stack.functionFor(r.props['Target']);
  const api = stack.apis.get(r.logicalId);
  if (!fn || !api) return;
  const loc = stack.loc(r.props, 'Target');
  const t: Trigger = { kind: 'http', service: 'apigw-http', loc, method: 'ANY', path: '$default', auth: { value: 'none', loc }, apiId: api.id, public: true };
  const cors = isPlainObject(r.props['CorsConfiguration']) ? listProp(r.props['CorsConfiguration']['AllowOrigins'], stack.loc(r.props, 'CorsConfiguration'), stack) : undefined;
  if (cors) t.cors = cors;
  fn.triggers.push(t);
}
