/**
 * serverless.yml function `events` → model triggers: http (REST API: method, path, cors,
 * `private` API keys, authorizers), httpApi (authorizers by name from provider.httpApi),
 * websocket, sqs, sns, s3, stream, kafka/msk, mq, eventBridge, schedule, alb, cloudFront and
 * other event sources; and the function `url`.
 */
import type { Api, AuthType, Location, Prop, Trigger, TriggerKind } from '../../model/types.js';
import type { Locator } from '../aws-common/policy.js';
import { isPlainObject, listProp, numProp, render, strProp, type RefResolver } from '../aws-common/values.js';

export interface EventContext {
  at: Locator;
  r: RefResolver;
  provider: Record<string, unknown>;
  /** REST / HTTP API nodes of the service, created on first use; undefined for an API of another stack. */
  restApi(loc: Location): Api | undefined;
  httpApi(loc: Location): Api | undefined;
  info(loc: Location, message: string): void;
  warn(loc: Location, message: string): void;
}

const str = (ec: EventContext, v: unknown): string | undefined => render(v, ec.r).value;

/** Properties of the provider block as a plain object (absent → {}). */
const sub = (o: unknown, key: string): Record<string, unknown> => (isPlainObject(o) && isPlainObject(o[key]) ? o[key] : {});

/** One entry of `events:` (`- http: …`). */
export function eventTrigger(ec: EventContext, item: unknown, loc: Location): Trigger | undefined {
  if (!isPlainObject(item)) {
    ec.warn(loc, 'event entry is not a map; skipped');
    return undefined;
  }
  const type = Object.keys(item)[0];
  if (type === undefined) return undefined;
  const body = item[type];
  switch (type) {
    case 'http':
      return restEvent(ec, body, loc);
    case 'httpApi':
      return httpApiEvent(ec, body, loc);
    case 'websocket':
      return websocketEvent(ec, body, loc);
    case 'alb':
      return albEvent(ec, body, loc);
    default:
      return simpleEvent(ec, type, body, loc);
  }
}

function authProp(value: AuthType, loc: Location): Prop<AuthType> {
  return { value, loc };
}

function isPublic(ec: EventContext): boolean {
  return (str(ec, ec.provider['endpointType']) ?? '').toUpperCase() !== 'PRIVATE';
}

/** `GET users/{id}` shorthand or `{method, path}`. */
function methodPath(ec: EventContext, body: unknown): { method?: string; path?: string } {
  if (typeof body === 'string') {
    const [method, path] = body.trim().split(/\s+/, 2);
    return { method: method?.toUpperCase(), path };
  }
  if (!isPlainObject(body)) return {};
  return { method: str(ec, body['method'])?.toUpperCase(), path: str(ec, body['path']) };
}

function normalisePath(p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  return p.startsWith('/') || p === '*' ? p : `/${p}`;
}

function restEvent(ec: EventContext, body: unknown, loc: Location): Trigger {
  const api = ec.restApi(loc);
  const { method, path } = methodPath(ec, body);
  const t: Trigger = {
    kind: 'http', service: 'apigw-rest', loc, method, path: normalisePath(path), ...(api ? { apiId: api.id } : {}), public: isPublic(ec),
    auth: authProp('none', loc),
  };
  if (!isPlainObject(body)) return t;
  const authorizer = body['authorizer'];
  if (authorizer !== undefined) t.auth = restAuthorizer(ec, authorizer, ec.at.loc(body, 'authorizer'));
  else if (str(ec, body['private']) === 'true') t.auth = authProp('api-key', ec.at.loc(body, 'private'));
  const cors = corsOrigins(ec, body['cors'], ec.at.loc(body, 'cors'));
  if (cors) t.cors = cors;
  const request = body['request'];
  if (isPlainObject(request) && (request['schemas'] !== undefined || request['schema'] !== undefined)) {
    t.requestValidation = { value: true, loc: ec.at.loc(request, request['schemas'] !== undefined ? 'schemas' : 'schema') };
  }
  return t;
}

/** REST authorizer: `aws_iam`, a function name or ARN, or `{type, arn, name, authorizerId}`. */
function restAuthorizer(ec: EventContext, v: unknown, loc: Location): Prop<AuthType> {
  const text = isPlainObject(v) ? undefined : str(ec, v);
  if (text !== undefined) {
    if (text.toLowerCase() === 'aws_iam') return authProp('aws-iam', loc);
    return authProp(text.includes('cognito-idp') ? 'cognito' : 'custom-authorizer', loc);
  }
  if (!isPlainObject(v)) return { value: 'unknown', expr: render(v, ec.r).expr, loc };
  const type = (str(ec, v['type']) ?? '').toLowerCase();
  const arn = str(ec, v['arn']) ?? '';
  if (type === 'aws_iam') return authProp('aws-iam', loc);
  if (type === 'cognito_user_pools' || arn.includes('cognito-idp')) return authProp('cognito', loc);
  return authProp('custom-authorizer', loc);
}

function httpApiEvent(ec: EventContext, body: unknown, loc: Location): Trigger {
  const api = ec.httpApi(loc);
  let { method, path } = methodPath(ec, body);
  if (method === '*') {
    method = 'ANY';
    path ??= '*';
  }
  const t: Trigger = {
    kind: 'http', service: 'apigw-http', loc, method, path, ...(api ? { apiId: api.id } : {}), public: true, auth: authProp('none', loc),
  };
  const httpApi = sub(ec.provider, 'httpApi');
  const cors = corsOrigins(ec, httpApi['cors'], ec.at.loc(httpApi, 'cors'));
  if (cors) t.cors = cors;
  if (!isPlainObject(body) || body['authorizer'] === undefined) return t;
  const authLoc = ec.at.loc(body, 'authorizer');
  const a = body['authorizer'];
  const spec = isPlainObject(a) ? a : { name: a };
  const type = str(ec, spec['type'])?.toLowerCase();
  if (type === 'aws_iam') t.auth = authProp('aws-iam', authLoc);
  else if (spec['name'] !== undefined) {
    const def = sub(httpApi, 'authorizers')[str(ec, spec['name']) ?? ''];
    const defType = isPlainObject(def) ? str(ec, def['type'])?.toLowerCase() : undefined;
    t.auth = authProp(!isPlainObject(def) ? 'unknown' : defType === 'request' ? 'custom-authorizer' : 'jwt', authLoc);
  } else t.auth = authProp(type === 'request' ? 'custom-authorizer' : type === 'jwt' ? 'jwt' : 'unknown', authLoc);
  return t;
}

function websocketEvent(ec: EventContext, body: unknown, loc: Location): Trigger {
  const route = typeof body === 'string' ? body : isPlainObject(body) ? str(ec, body['route']) : undefined;
  const t: Trigger = { kind: 'http', service: 'apigw-websocket', loc, path: route, public: true, auth: authProp('none', loc) };
  if (isPlainObject(body) && body['authorizer'] !== undefined) t.auth = restAuthorizer(ec, body['authorizer'], ec.at.loc(body, 'authorizer'));
  return t;
}

function albEvent(ec: EventContext, body: unknown, loc: Location): Trigger {
  const t: Trigger = { kind: 'alb', service: 'alb', loc, public: true, auth: authProp('none', loc) };
  if (!isPlainObject(body)) return t;
  const listener = strProp(body['listenerArn'], ec.at.loc(body, 'listenerArn'), ec.r);
  if (listener) t.source = listener;
  const cond = sub(body, 'conditions');
  const path = cond['path'];
  t.path = Array.isArray(path) ? path.map((p) => str(ec, p)).join(',') : str(ec, path);
  const method = cond['method'];
  if (method !== undefined) t.method = (Array.isArray(method) ? method.map((m) => str(ec, m)).join(',') : str(ec, method))?.toUpperCase();
  if (body['authorizer'] !== undefined) {
    // ALB authorizers are Cognito or OIDC, defined under provider.alb.authorizers.
    const names = Array.isArray(body['authorizer']) ? body['authorizer'] : [body['authorizer']];
    const def = sub(sub(ec.provider, 'alb'), 'authorizers')[str(ec, names[0]) ?? ''];
    const type = isPlainObject(def) ? str(ec, def['type'])?.toLowerCase() : undefined;
    t.auth = authProp(type === 'cognito' ? 'cognito' : type === 'oidc' ? 'jwt' : 'unknown', ec.at.loc(body, 'authorizer'));
  }
  return t;
}

const SIMPLE: Record<string, { kind: TriggerKind; service: string; source: string[] }> = {
  sqs: { kind: 'queue', service: 'sqs', source: ['arn'] },
  sns: { kind: 'topic', service: 'sns', source: ['arn', 'topicName'] },
  s3: { kind: 'storage', service: 's3', source: ['bucket'] },
  kafka: { kind: 'stream', service: 'kafka', source: ['topic'] },
  msk: { kind: 'stream', service: 'kafka', source: ['arn'] },
  activemq: { kind: 'queue', service: 'mq', source: ['arn'] },
  rabbitmq: { kind: 'queue', service: 'mq', source: ['arn'] },
  eventBridge: { kind: 'eventbridge', service: 'eventbridge', source: ['eventBus'] },
  cloudwatchEvent: { kind: 'eventbridge', service: 'eventbridge', source: ['event'] },
  schedule: { kind: 'schedule', service: 'eventbridge-schedule', source: ['rate'] },
  cloudwatchLog: { kind: 'other', service: 'cloudwatch-logs', source: ['logGroup'] },
  cloudFront: { kind: 'other', service: 'cloudfront', source: ['origin'] },
  iot: { kind: 'other', service: 'iot', source: ['sql'] },
  cognitoUserPool: { kind: 'other', service: 'cognito', source: ['pool'] },
  alexaSkill: { kind: 'other', service: 'alexa', source: ['appId'] },
  alexaSmartHome: { kind: 'other', service: 'alexa', source: ['appId'] },
};

function simpleEvent(ec: EventContext, type: string, body: unknown, loc: Location): Trigger {
  let spec = SIMPLE[type];
  if (type === 'stream') {
    const arnText = render(isPlainObject(body) ? body['arn'] : body, ec.r);
    const declared = isPlainObject(body) ? str(ec, body['type']) : undefined;
    const text = arnText.value ?? arnText.expr ?? '';
    const kinesis = declared === 'kinesis' || (declared === undefined && /kinesis/i.test(text));
    spec = { kind: 'stream', service: kinesis ? 'kinesis' : 'dynamodb', source: ['arn'] };
  }
  if (!spec) {
    ec.info(loc, `event type ${type} is kept as an "other" trigger`);
    return { kind: 'other', service: type, loc };
  }
  const t: Trigger = { kind: spec.kind, service: spec.service, loc };
  if (isPlainObject(body)) {
    const key = spec.source.find((k) => body[k] !== undefined);
    const source = key ? strProp(body[key], ec.at.loc(body, key), ec.r) : undefined;
    if (source) t.source = source;
    const batch = body['batchSize'] !== undefined ? numProp(body['batchSize'], ec.at.loc(body, 'batchSize'), ec.r) : undefined;
    if (batch) t.batchSize = batch;
  } else {
    const source = strProp(body, loc, ec.r);
    if (source) t.source = source;
  }
  return t;
}

/** `cors: true` allows any origin; `{origin}`/`{origins}`/`{allowedOrigins}` lists them. */
export function corsOrigins(ec: EventContext, v: unknown, loc: Location): Prop<string[]> | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === true || str(ec, v) === 'true') return { value: ['*'], loc };
  if (v === false || str(ec, v) === 'false') return undefined;
  if (!isPlainObject(v)) return undefined;
  for (const key of ['origins', 'origin', 'allowedOrigins']) {
    if (v[key] !== undefined) return listProp(v[key], ec.at.loc(v, key), ec.r);
  }
  // Framework default for a cors object without origins is '*'.
  return { value: ['*'], loc };
}

/** `url: true` or `url: {authorizer: aws_iam, cors}` → a function URL trigger. */
export function urlTrigger(ec: EventContext, v: unknown, loc: Location): Trigger | undefined {
  if (v === undefined || v === null || v === false || str(ec, v) === 'false') return undefined;
  const t: Trigger = { kind: 'function-url', service: 'lambda-url', loc, public: true, auth: authProp('none', loc) };
  if (isPlainObject(v)) {
    const a = str(ec, v['authorizer']);
    if (a !== undefined) t.auth = authProp(a.toLowerCase() === 'aws_iam' ? 'aws-iam' : 'unknown', ec.at.loc(v, 'authorizer'));
    const cors = corsOrigins(ec, v['cors'], ec.at.loc(v, 'cors'));
    if (cors) t.cors = cors;
  }
  return t;
}
