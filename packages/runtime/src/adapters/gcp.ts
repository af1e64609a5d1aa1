// Google Cloud Functions (Functions Framework): HTTP functions get (req, res) as Express objects;
// CloudEvent functions get one event. Structural types only — no import of the framework.

import { GENERIC_BODIES, takeColdStart, type Engine, type HttpView } from '../core.js';
import type { EventContext } from '../events/ocsf.js';

/** The parts of the Express request the guard reads. */
export interface GcpRequestLike {
  method: string;
  path?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  params?: unknown;
  body?: unknown;
  rawBody?: Uint8Array;
}
/** The parts of the Express response the guard uses. */
export interface GcpResponseLike {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  getHeader(name: string): unknown;
  send(body: string): unknown;
  headersSent?: boolean;
}
export interface CloudEventLike {
  specversion: string;
  id?: string;
  type?: string;
  source?: string;
  data?: unknown;
}

export function isGcpResponse(v: unknown): v is GcpResponseLike {
  const r = v as GcpResponseLike | null;
  return typeof r === 'object' && r !== null && typeof r.status === 'function' && typeof r.send === 'function' && typeof r.setHeader === 'function';
}
export function isCloudEvent(v: unknown): v is CloudEventLike {
  return typeof v === 'object' && v !== null && typeof (v as CloudEventLike).specversion === 'string';
}

function gcpContext(engine: Engine, source: string, requestId: string | undefined): EventContext {
  const fn = engine.opts.functionName ?? engine.env.gcpFunction;
  return { platform: 'gcp', source, coldStart: takeColdStart(), ...(fn !== undefined ? { functionName: fn } : {}), ...(requestId !== undefined ? { requestId } : {}) };
}

function view(req: GcpRequestLike): HttpView {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    if (typeof v === 'string') headers[k.toLowerCase()] = v;
    else if (Array.isArray(v)) headers[k.toLowerCase()] = v.join(', ');
  }
  const path = req.path ?? (req.url ?? '/').split('?')[0] ?? '/';
  const raw = req.rawBody;
  const body = raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8') : undefined;
  const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  return {
    method: req.method, route: path, path, headers, query: obj(req.query), pathParams: obj(req.params),
    ...(body !== undefined ? { body } : req.body !== undefined ? { parsedBody: req.body } : {}),
  };
}

/** HTTP function: answers blocked requests itself; returns true when the handler may run. */
export async function inspectGcpHttp(engine: Engine, req: GcpRequestLike, res: GcpResponseLike): Promise<boolean> {
  const ctx = gcpContext(engine, 'gcp-http', headerOf(req, 'function-execution-id') ?? headerOf(req, 'x-cloud-trace-context'));
  const verdict = await engine.http(view(req), ctx);
  // headers are set before the handler runs; anything the handler sets later wins
  for (const [k, v] of engine.responseHeaders((n) => res.getHeader(n) !== undefined, verdict.authenticated)) res.setHeader(k, v);
  if (verdict.status === 0) return true;
  res.setHeader('Content-Type', 'application/json');
  res.status(verdict.status);
  res.send(GENERIC_BODIES[verdict.status] ?? GENERIC_BODIES[400]!);
  return false;
}

function headerOf(req: GcpRequestLike, name: string): string | undefined {
  const v = req.headers?.[name];
  return typeof v === 'string' ? v : undefined;
}

export function failGcpHttp(res: GcpResponseLike): void {
  if (res.headersSent === true) return;
  res.setHeader('Content-Type', 'application/json');
  res.status(500);
  res.send(GENERIC_BODIES[500]!);
}

/** CloudEvent: true when it must not be processed. Pub/Sub payloads are base64 inside data.message.data. */
export async function inspectCloudEvent(engine: Engine, ev: CloudEventLike): Promise<boolean> {
  const ctx = gcpContext(engine, engine.opts.source ?? `cloudevent`, ev.id);
  const st = engine.state();
  let data = ev.data;
  const msg = (data as { message?: { data?: unknown } } | null)?.message;
  if (typeof msg?.data === 'string') data = { ...(data as object), message: { ...msg, data: engine.parseMessage(Buffer.from(msg.data, 'base64').toString('utf8'), 'data.message.data', st) } };
  else if (typeof data === 'string') data = engine.parseMessage(data, 'data', st);
  return engine.record({ data, subject: (ev as { subject?: unknown }).subject }, 'event', engine.opts.source ?? 'cloudevent', ctx, st);
}
