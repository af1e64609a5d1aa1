// ≥ 100,000 random and malformed events across every supported source, in-process: the guard must never
// throw, and must never hit its own internal-error path (which would mean a crash it merely contained).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rng } from './detectors/detectors.testkit.js';
import { guard } from './guard.js';
import * as ev from './adapters/fixtures/aws.js';

const N = Number(process.env.FUZZ_N ?? 100_000);
const r = rng(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const PIECES = ["'", '"', ';', '|', '$(', '`', '<', '>', '{{', '}}', '${', '%', '%2e', '%0d%0a', '\r\n', '\0', '../', 'http://', '127.0.0.1', 'select', ' or ', '=', '__proto__', '$ne', 'é', '\ud800', '😀', 'a', 'Z', '9', ' ', '/', '\\', ':', '#', '@@', '[', ']', '{', '}'];

const json = (v: unknown): string => JSON.stringify(v) ?? 'null';

function str(): string {
  let s = '';
  const n = r() < 0.001 ? 1000 : Math.floor(r() * 12);
  for (let i = 0; i < n; i++) s += pick(PIECES);
  return s;
}
function value(depth: number): unknown {
  const k = r();
  if (depth > 5 || k < 0.3) return str();
  if (k < 0.4) return Math.floor(r() * 1e6) - 5e5;
  if (k < 0.45) return pick([null, true, false, undefined, NaN, -0, 1e308]);
  if (k < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0, n = Math.floor(r() * 4); i < n; i++) o[r() < 0.1 ? pick(['__proto__', 'constructor', '$where', 'Records', 'body', 'headers']) : str()] = value(depth + 1);
  return o;
}
/** Replace, delete or corrupt random fields of a valid event, at any depth. */
function mutate(o: unknown, depth = 0): unknown {
  if (typeof o !== 'object' || o === null) return r() < 0.15 ? value(3) : o;
  if (Array.isArray(o)) return r() < 0.1 ? value(2) : o.map((x) => mutate(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const x = r();
    if (x < 0.05) continue;
    out[k] = x < 0.15 ? value(3) : mutate(v, depth + 1);
  }
  if (r() < 0.05) out[str()] = value(2);
  return out;
}

const AWS = [
  () => ev.apigwV1(value(2)), () => ev.apigwV2(value(2)), () => ev.functionUrl(value(1)), () => ev.alb({ q: str() }),
  () => ev.sqs([str(), json(value(2)), '{"a":' + str()]), () => ev.kinesis([str(), json(value(2))]),
  () => ev.dynamodb([str(), str()]), () => ev.sns([str(), json(value(2))]), () => ev.s3([str(), '%E0%A4%A' + str()]),
  () => ev.eventbridge(value(3)), () => value(3),
];

// encodeURIComponent throws on lone surrogates; the generator must not be the thing that throws
const enc = (s: string): string => { try { return encodeURIComponent(s); } catch { return 'x'; } };

function azureRequest(): unknown {
  const headers = new Map<string, string>([['content-type', pick(['application/json', 'text/plain', 'x/y', ''])], [str().replace(/[^a-z]/g, '') || 'x-h', str()]]);
  const body = r() < 0.5 ? json(value(2)) : str();
  return {
    method: pick(['GET', 'POST', 'PUT', str()]), url: r() < 0.8 ? `https://x.example/${enc(str())}?a=${enc(str())}` : str(),
    headers: { forEach: (cb: (v: string, k: string) => void) => headers.forEach(cb), get: (n: string) => headers.get(n) ?? null },
    query: { forEach: (cb: (v: string, k: string) => void) => cb(str(), str()) }, params: { id: str() },
    clone: () => ({ text: async () => body }),
  };
}
function gcpPair(): [unknown, unknown] {
  const res = { status: () => res, setHeader: () => res, getHeader: () => undefined, send: () => res, headersSent: false };
  const req = { method: pick(['GET', 'POST', str()]), path: str(), headers: mutate({ 'content-type': pick(['application/json', 'text/plain', str()]), 'x-a': str() }), query: value(2), body: value(2), ...(r() < 0.5 ? { rawBody: Buffer.from(json(value(2)) ?? '') } : {}) };
  return [req, res];
}

test(`fuzz: ${N} random/malformed events across AWS (10 sources), Azure HTTP/queue, GCP HTTP/CloudEvent`, async () => {
  let internal = 0, lines = 0;
  const sink = (l: string) => { lines++; if (l.includes('"internal"')) internal++; };
  const handler = (..._args: unknown[]): unknown => pick([undefined, { statusCode: 200 }, 'x', { batchItemFailures: [] }, { status: 204, headers: [['a', 'b']] }]);
  const opts = { sink, checkEnv: false, limits: { maxKeys: 200 } };
  const g = guard(handler, opts);
  const gMonitor = guard(handler, { ...opts, mode: 'monitor' as const, schemas: { http: { type: 'object' as const }, sqs: { type: 'object' as const } } });
  const azureCtx = { invocationId: 'fuzz', functionName: 'f' };
  let genNs = 0n, guardNs = 0n;
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    const h = i % 7 === 0 ? gMonitor : g;
    const kind = i % 10;
    // build the call first: only the guard's own behaviour is under test
    let args: unknown[];
    if (kind < 7) args = [mutate((pick(AWS))()), r() < 0.9 ? { awsRequestId: 'r', functionName: 'f' } : value(1)];
    else if (kind === 7) args = [r() < 0.5 ? azureRequest() : value(2), azureCtx];
    else if (kind === 8) args = gcpPair();
    else args = [mutate({ specversion: '1.0', id: str(), type: 't', source: 's', data: r() < 0.3 ? { message: { data: Buffer.from(str()).toString('base64') } } : value(3) })];
    const t1 = process.hrtime.bigint();
    genNs += t1 - t0;
    try {
      await (h as (...a: unknown[]) => Promise<unknown>)(...args);
      guardNs += process.hrtime.bigint() - t1;
    } catch (err) {
      assert.fail(`event #${i} threw ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
  if (process.env.FUZZ_TIMING) console.log(`generator ${Number(genNs / 1000000n)} ms, guard ${Number(guardNs / 1000000n)} ms`);
  assert.equal(internal, 0, 'guard internal errors');
  assert.ok(lines > 0);
});
