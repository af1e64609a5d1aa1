// AWS Lambda: event-source detection from the event's shape, HTTP views for API Gateway v1/v2,
// function URLs and ALB, record extraction for SQS/Kinesis/DynamoDB (partial batch failures) and
// SNS/S3/EventBridge (blocked records dropped), and response shaping.

import { GENERIC_BODIES, takeColdStart, type Engine, type HttpVerdict, type HttpView } from '../core.js';
import type { EventContext } from '../events/ocsf.js';
import { hasHeader, normalizeHeaders } from '../headers/headers.js';

export type AwsSource = 'apigw-v1' | 'apigw-v2' | 'function-url' | 'alb' | 'sqs' | 'sns' | 's3' | 'eventbridge' | 'dynamodb' | 'kinesis' | 'unknown';

/** The Lambda context fields the guard reads. */
export interface LambdaContextLike {
  awsRequestId?: string;
  functionName?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

export function detectAwsSource(event: unknown): AwsSource {
  if (!isObj(event)) return 'unknown';
  const recs = event.Records;
  if (Array.isArray(recs) && isObj(recs[0])) {
    const r = recs[0];
    const src = str(r.eventSource) ?? str(r.EventSource);
    if (src === 'aws:sqs') return 'sqs';
    if (src === 'aws:sns') return 'sns';
    if (src === 'aws:s3') return 's3';
    if (src === 'aws:kinesis') return 'kinesis';
    if (src === 'aws:dynamodb') return 'dynamodb';
  }
  const rc = event.requestContext;
  if (isObj(rc)) {
    if (isObj(rc.elb)) return 'alb';
    if (isObj(rc.http) && event.version === '2.0') return (str(rc.domainName) ?? '').includes('.lambda-url.') ? 'function-url' : 'apigw-v2';
    if (typeof event.httpMethod === 'string') return 'apigw-v1';
  }
  if ('detail-type' in event && 'detail' in event && 'source' in event) return 'eventbridge';
  return 'unknown';
}

export function isHttpSource(s: string): boolean {
  return s === 'apigw-v1' || s === 'apigw-v2' || s === 'function-url' || s === 'alb';
}

function decodeBody(e: Obj): string | undefined {
  const b = str(e.body);
  if (b === undefined) return undefined;
  return e.isBase64Encoded === true ? Buffer.from(b, 'base64').toString('utf8') : b;
}

export function awsHttpView(event: Obj, source: AwsSource): HttpView {
  const rc = obj(event.requestContext);
  if (source === 'apigw-v2' || source === 'function-url') {
    const http = obj(rc.http);
    const headers = normalizeHeaders(event.headers);
    const routeKey = str(event.routeKey) ?? '$default';
    const path = str(event.rawPath) ?? str(http.path) ?? '/';
    const auth = obj(rc.authorizer);
    const principal = str(obj(obj(auth.jwt).claims).sub) ?? str(obj(auth.lambda).principalId) ?? str(obj(auth.iam).userArn);
    const body = decodeBody(event);
    return {
      method: str(http.method) ?? 'GET', route: routeKey === '$default' ? path : routeKey.slice(routeKey.indexOf(' ') + 1), path, headers,
      // v2 moves cookies out of the headers into an array
      ...(Array.isArray(event.cookies) ? { cookies: event.cookies } : {}),
      query: obj(event.queryStringParameters), pathParams: obj(event.pathParameters),
      ...(body !== undefined ? { body } : {}), ...(str(http.sourceIp) ? { platformIp: str(http.sourceIp) as string } : {}),
      ...(principal !== undefined ? { principal } : {}),
    };
  }
  const headers = normalizeHeaders(event.headers, event.multiValueHeaders);
  const query = isObj(event.multiValueQueryStringParameters) ? event.multiValueQueryStringParameters : obj(event.queryStringParameters);
  const body = decodeBody(event);
  const path = str(event.path) ?? '/';
  if (source === 'alb') {
    return { method: str(event.httpMethod) ?? 'GET', route: path, path, headers, query, pathParams: {}, ...(body !== undefined ? { body } : {}) };
  }
  const auth = obj(rc.authorizer);
  const identity = obj(rc.identity);
  const principal = str(auth.principalId) ?? str(obj(auth.claims).sub) ?? str(identity.userArn) ?? str(identity.cognitoIdentityId);
  return {
    method: str(event.httpMethod) ?? 'GET', route: str(event.resource) ?? path, path, headers, query, pathParams: obj(event.pathParameters),
    ...(body !== undefined ? { body } : {}), ...(str(identity.sourceIp) ? { platformIp: str(identity.sourceIp) as string } : {}),
    ...(principal !== undefined ? { principal } : {}),
  };
}

/** DynamoDB AttributeValue → plain value (depth-bounded: the walk enforces the real limit). */
export function unmarshall(av: unknown, depth = 0): unknown {
  if (!isObj(av) || depth > 64) return undefined;
  if (typeof av.S === 'string') return av.S;
  if (typeof av.N === 'string') return Number(av.N);
  if (typeof av.BOOL === 'boolean') return av.BOOL;
  if (av.NULL === true) return null;
  if (Array.isArray(av.SS)) return av.SS;
  if (Array.isArray(av.NS)) return av.NS.map(Number);
  if (Array.isArray(av.L)) return av.L.map((x) => unmarshall(x, depth + 1));
  if (isObj(av.M)) return unmarshallImage(av.M, depth + 1);
  return undefined;
}
function unmarshallImage(m: unknown, depth = 0): Obj | undefined {
  if (!isObj(m)) return undefined;
  const out: Obj = {};
  for (const [k, v] of Object.entries(m)) out[k] = unmarshall(v, depth);
  return out;
}

function messageAttributes(a: unknown, valueKey: string): Obj {
  const out: Obj = {};
  if (!isObj(a)) return out;
  // for…in rather than Object.entries: no pair arrays for every record of every batch
  for (const k in a) if (Object.prototype.hasOwnProperty.call(a, k)) out[k] = obj(a[k])[valueKey];
  return out;
}

/** What one record contributes to the scan, and its batch identifier. */
function recordPayload(engine: Engine, source: AwsSource, r: Obj, loc: string, st: ReturnType<Engine['state']>): { id: string | undefined; payload: unknown } {
  switch (source) {
    case 'sqs':
      return { id: str(r.messageId), payload: { body: engine.parseMessage(str(r.body) ?? '', `${loc}.body`, st), attributes: messageAttributes(r.messageAttributes, 'stringValue') } };
    case 'kinesis': {
      const k = obj(r.kinesis);
      const text = Buffer.from(str(k.data) ?? '', 'base64').toString('utf8');
      return { id: str(k.sequenceNumber), payload: { data: engine.parseMessage(text, `${loc}.data`, st), partitionKey: k.partitionKey } };
    }
    case 'dynamodb': {
      const d = obj(r.dynamodb);
      return { id: str(d.SequenceNumber), payload: { keys: unmarshallImage(d.Keys), newImage: unmarshallImage(d.NewImage), oldImage: unmarshallImage(d.OldImage) } };
    }
    case 'sns': {
      const s = obj(r.Sns);
      return { id: str(s.MessageId), payload: { message: engine.parseMessage(str(s.Message) ?? '', `${loc}.message`, st), subject: s.Subject, attributes: messageAttributes(s.MessageAttributes, 'Value') } };
    }
    case 's3': {
      const s3 = obj(r.s3);
      const rawKey = str(obj(s3.object).key) ?? '';
      let key = rawKey;
      // S3 event keys are form-encoded ("+" for space)
      try { key = decodeURIComponent(rawKey.replace(/\+/g, ' ')); } catch { /* keep raw */ }
      return { id: undefined, payload: { key, bucket: obj(s3.bucket).name } };
    }
    default:
      return { id: undefined, payload: r };
  }
}

export type AwsDecision =
  | { kind: 'http'; source: AwsSource; verdict: HttpVerdict; response?: HttpResult }
  | { kind: 'batch'; source: AwsSource; event: unknown; failures: string[]; skip: boolean }
  | { kind: 'drop'; source: AwsSource; event: unknown; skip: boolean };

export interface HttpResult { statusCode: number; headers: Record<string, string>; body: string; statusDescription?: string; isBase64Encoded?: boolean }

export function awsContext(engine: Engine, source: string, context: LambdaContextLike | undefined): EventContext {
  const fn = engine.opts.functionName ?? context?.functionName ?? engine.env.awsFunction;
  const region = engine.env.awsRegion;
  return {
    platform: 'aws', source, coldStart: takeColdStart(),
    ...(fn !== undefined ? { functionName: fn } : {}),
    ...(context?.awsRequestId !== undefined ? { requestId: context.awsRequestId } : {}),
    ...(region !== undefined ? { region } : {}),
  };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error' };

export function errorResponse(engine: Engine, status: number, source: string, authenticated: boolean): HttpResult {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  for (const [k, v] of engine.responseHeaders((n) => n === 'content-type', authenticated)) headers[k] = v;
  const r: HttpResult = { statusCode: status, headers, body: GENERIC_BODIES[status] ?? GENERIC_BODIES[400]! };
  if (source === 'alb') { r.statusDescription = `${status} ${REASONS[status] ?? ''}`.trim(); r.isBase64Encoded = false; }
  return r;
}

export async function inspectAws(engine: Engine, event: unknown, context: LambdaContextLike | undefined): Promise<AwsDecision> {
  const source = (engine.opts.source as AwsSource | undefined) ?? detectAwsSource(event);
  const ctx = awsContext(engine, source, context);
  const e = obj(event);
  if (isHttpSource(source)) {
    const verdict = await engine.http(awsHttpView(e, source), ctx);
    if (engine.opts.normalizeHeaders !== false && (source === 'apigw-v1' || source === 'alb') && isObj(e.headers)) {
      const lower: Obj = {};
      for (const [k, v] of Object.entries(e.headers)) lower[k.toLowerCase()] = v;
      e.headers = lower;
    }
    engine.strip(obj(e.headers));
    if (engine.opts.parseJsonBody === true && verdict.json !== undefined) { e.body = verdict.json; e.isBase64Encoded = false; }
    return verdict.status === 0 ? { kind: 'http', source, verdict } : { kind: 'http', source, verdict, response: errorResponse(engine, verdict.status, source, verdict.authenticated) };
  }
  if (source === 'sqs' || source === 'kinesis' || source === 'dynamodb' || source === 'sns' || source === 's3') {
    const recs = Array.isArray(e.Records) ? e.Records : [];
    const keep: unknown[] = [];
    const failures: string[] = [];
    for (let i = 0; i < recs.length; i++) {
      const r = obj(recs[i]);
      const st = engine.state();
      const loc = `records[${i}]`;
      const { id, payload } = recordPayload(engine, source, r, loc, st);
      const verdict = engine.record(payload, loc, source, ctx, st);
      if (verdict === true || (verdict !== false && await verdict)) {
        if (id !== undefined && source !== 'sns') failures.push(id);
      } else keep.push(recs[i]);
    }
    const filtered = keep.length === recs.length ? event : { ...e, Records: keep };
    if (source === 'sns' || source === 's3') return { kind: 'drop', source, event: filtered, skip: keep.length === 0 && recs.length > 0 };
    return { kind: 'batch', source, event: filtered, failures, skip: keep.length === 0 && recs.length > 0 };
  }
  const payload = source === 'eventbridge' ? { detail: e.detail, 'detail-type': e['detail-type'] } : event;
  const bad = await engine.record(payload, source === 'eventbridge' ? 'event' : 'event', source, ctx);
  return { kind: 'drop', source, event, skip: bad };
}

/** Adds security headers to a handler's HTTP result (and gives v2 shorthand results an explicit shape). */
export function decorateAwsResponse(engine: Engine, result: unknown, source: AwsSource, authenticated: boolean): unknown {
  let r = result;
  if ((source === 'apigw-v2' || source === 'function-url') && r !== undefined && !(isObj(r) && 'statusCode' in r)) {
    r = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: typeof r === 'string' ? r : JSON.stringify(r) };
  }
  if (!isObj(r) || !('statusCode' in r)) return r;
  const own = isObj(r.headers) ? r.headers : undefined;
  const multi = isObj(r.multiValueHeaders) ? r.multiValueHeaders : undefined;
  const headers: Obj = own === undefined ? {} : { ...own };
  for (const [k, v] of engine.responseHeaders((n) => hasHeader(own, n) || hasHeader(multi, n), authenticated)) headers[k] = v;
  return { ...r, headers };
}

/** Merges the guard's batch failures with any the handler reported. */
export function mergeBatchFailures(result: unknown, failures: readonly string[]): unknown {
  if (failures.length === 0) return result;
  const own = isObj(result) && Array.isArray(result.batchItemFailures) ? result.batchItemFailures : [];
  return { ...(isObj(result) ? result : {}), batchItemFailures: [...own, ...failures.map((itemIdentifier) => ({ itemIdentifier }))] };
}

/** What "fail closed" means for a source when the guard itself fails. */
export function failClosed(engine: Engine, event: unknown, source: AwsSource): unknown {
  if (isHttpSource(source)) return errorResponse(engine, 500, source, false);
  if (source === 'sqs' || source === 'kinesis' || source === 'dynamodb') {
    const recs = Array.isArray(obj(event).Records) ? (obj(event).Records as unknown[]) : [];
    const ids = recs.map((r) => {
      const o = obj(r);
      return str(o.messageId) ?? str(obj(o.kinesis).sequenceNumber) ?? str(obj(o.dynamodb).SequenceNumber);
    }).filter((x): x is string => x !== undefined);
    return { batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) };
  }
  return undefined;
}
