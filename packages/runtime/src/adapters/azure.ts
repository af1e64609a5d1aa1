// Azure Functions v4 (Node programming model): HTTP triggers get the full HTTP checks, any other
// trigger (queue, Service Bus, Event Grid…) is checked as one message. Structural types only, so the
// package never imports @azure/functions.

import { GENERIC_BODIES, takeColdStart, type Engine, type HttpView } from '../core.js';
import type { EventContext } from '../events/ocsf.js';

/** The parts of @azure/functions' HttpRequest the guard reads. */
export interface AzureHttpRequestLike {
  method: string;
  url: string;
  headers: { forEach(cb: (value: string, key: string) => void): void; get(name: string): string | null };
  query: { forEach(cb: (value: string, key: string) => void): void };
  params: Record<string, string>;
  clone(): { text(): Promise<string> };
}
/** The parts of InvocationContext the guard reads. */
export interface AzureContextLike {
  invocationId: string;
  functionName?: string;
}
/** What an HTTP handler returns: HttpResponseInit or an HttpResponse. */
export interface AzureResponseLike {
  status?: number;
  headers?: unknown;
  body?: unknown;
  jsonBody?: unknown;
}

export function isAzureHttpRequest(v: unknown): v is AzureHttpRequestLike {
  const r = v as AzureHttpRequestLike | null;
  return typeof r === 'object' && r !== null && typeof r.method === 'string' && typeof r.url === 'string' &&
    typeof r.headers?.get === 'function' && typeof r.clone === 'function';
}
export function isAzureContext(v: unknown): v is AzureContextLike {
  return typeof v === 'object' && v !== null && typeof (v as AzureContextLike).invocationId === 'string';
}

export function azureContext(engine: Engine, source: string, c: AzureContextLike): EventContext {
  const fn = engine.opts.functionName ?? c.functionName;
  return { platform: 'azure', source, coldStart: takeColdStart(), requestId: c.invocationId, ...(fn !== undefined ? { functionName: fn } : {}) };
}

async function view(req: AzureHttpRequestLike): Promise<HttpView> {
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => { headers[k.toLowerCase()] = v; });
  const query: Record<string, unknown> = {};
  req.query.forEach((v, k) => {
    const p = query[k];
    query[k] = p === undefined ? v : Array.isArray(p) ? [...p, v] : [p, v];
  });
  let path = '/';
  try { path = new URL(req.url).pathname; } catch { /* keep '/' */ }
  // read a clone so the handler can still consume the body
  const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.clone().text();
  // App Service authentication sets this header itself (clients cannot); trust it only there
  const principal = headers['x-ms-client-principal-id'];
  return { method: req.method, route: path, path, headers, query, pathParams: { ...req.params }, body, ...(principal ? { principal } : {}) };
}

function setMissing(headers: unknown, add: Array<[string, string]>): unknown {
  const h = headers as { has?: (n: string) => boolean; set?: (n: string, v: string) => void } | undefined;
  if (h && typeof h.set === 'function' && typeof h.has === 'function') { for (const [k, v] of add) h.set(k, v); return headers; }
  if (Array.isArray(headers)) return [...(headers as Array<[string, string]>), ...add];
  return { ...(typeof headers === 'object' && headers !== null ? headers : {}), ...Object.fromEntries(add) };
}

function presentIn(headers: unknown): (n: string) => boolean {
  const h = headers as { has?: (n: string) => boolean } | undefined;
  if (h && typeof h.has === 'function') return (n) => h.has!(n);
  const names = new Set<string>();
  if (Array.isArray(headers)) for (const p of headers as unknown[]) { if (Array.isArray(p) && typeof p[0] === 'string') names.add(p[0].toLowerCase()); }
  else if (typeof headers === 'object' && headers !== null) for (const k of Object.keys(headers)) names.add(k.toLowerCase());
  return (n) => names.has(n);
}

export async function inspectAzureHttp(engine: Engine, req: AzureHttpRequestLike, c: AzureContextLike): Promise<{ response?: AzureResponseLike; authenticated: boolean }> {
  const ctx = azureContext(engine, 'azure-http', c);
  const verdict = await engine.http(await view(req), ctx);
  if (verdict.status === 0) return { authenticated: verdict.authenticated };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  for (const [k, v] of engine.responseHeaders((n) => n === 'content-type', verdict.authenticated)) headers[k] = v;
  return { response: { status: verdict.status, headers, body: GENERIC_BODIES[verdict.status] ?? GENERIC_BODIES[400] }, authenticated: verdict.authenticated };
}

export function decorateAzureResponse(engine: Engine, result: unknown, authenticated: boolean): unknown {
  const r = (result ?? {}) as AzureResponseLike;
  if (typeof r !== 'object') return result;
  const add = engine.responseHeaders(presentIn(r.headers), authenticated);
  if (add.length === 0) return result;
  const headers = setMissing(r.headers, add);
  if (headers === r.headers) return result; // mutated in place (HttpResponse)
  return { ...r, headers };
}

/** A non-HTTP trigger payload: true when it must not be processed. */
export async function inspectAzureMessage(engine: Engine, message: unknown, c: AzureContextLike): Promise<boolean> {
  const ctx = azureContext(engine, engine.opts.source ?? 'queue', c);
  const st = engine.state();
  const payload = typeof message === 'string' ? engine.parseMessage(message, 'message', st) : message;
  return engine.record(payload, 'message', engine.opts.source ?? 'queue', ctx, st);
}
