// Per-invocation overhead on the same events: bare handler; fnguard guard (JSON-Schema validation +
// injection detection + security headers); Middy (@middy/core + @middy/validator with an Ajv-compiled
// schema + @middy/http-security-headers, plus a 3-line JSON body parser so it validates the same
// parsed body), and the same with Middy's own http-json-body-parser as its documentation assembles it;
// Powertools parser (zod schema through the API Gateway v2 / SQS envelopes).
// Prints median and p99 overhead (µs, minus the bare handler) and the guard/Middy ratio.
import { pathToFileURL } from 'node:url';
import { bundleRuntime, dep } from './build.js';
import { apiGwV2Event, lambdaContext, orderSchemaJson, sqsBatchEvent } from './events.js';

type Handler = (event: Record<string, unknown>, context: typeof lambdaContext) => Promise<unknown>;

// The comparison stacks are dev dependencies of packages/runtime, resolved from there.
const { default: middy } = await dep('@middy/core');
const { default: httpSecurityHeaders } = await dep('@middy/http-security-headers');
const { default: validator } = await dep('@middy/validator');
const { default: httpJsonBodyParser } = await dep('@middy/http-json-body-parser');
const { transpileSchema } = await dep('@middy/validator/transpile');
const { parse } = await dep('@aws-lambda-powertools/parser');
const { ApiGatewayV2Envelope, SqsEnvelope } = await dep('@aws-lambda-powertools/parser/envelopes');
const { z } = await dep('zod');
const { JSONStringified } = await dep('@aws-lambda-powertools/parser/helpers');

const sqsMessageSchemaJson = {
  type: 'object', required: ['orderId', 'status'],
  properties: { orderId: { type: 'string' }, status: { type: 'string', enum: ['packed', 'shipped'] }, carrier: { type: 'string' }, note: { type: 'string' }, at: { type: 'string' } },
} as const;

const zOrder = z.object({
  orderId: z.string().max(64),
  customer: z.object({ name: z.string().max(200), email: z.string().max(200), phone: z.string().optional() }),
  shipping: z.object({ line1: z.string(), line2: z.string().optional(), city: z.string(), postcode: z.string().optional(), country: z.string().length(2) }),
  items: z.array(z.object({ sku: z.string(), name: z.string().optional(), qty: z.number().int().min(1), price: z.number().optional(), note: z.string().optional() })).max(100),
  coupon: z.string().optional(), comments: z.string().optional(), website: z.string().optional(),
});
const zSqs = z.object({ orderId: z.string(), status: z.enum(['packed', 'shipped']), carrier: z.string().optional(), note: z.string().optional(), at: z.string().optional() });

function stats(xs: number[]): { median: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length * 0.5)] ?? 0, p99: s[Math.floor(s.length * 0.99)] ?? 0 };
}

/**
 * Times each invocation (µs). Events are built fresh outside the timed region (handlers may mutate
 * them), 100 at a time: holding thousands alive, as a Lambda instance never does, made every stack
 * that stores the parsed body on the event (Middy's parser, `parseJsonBody`) pay for promoting it to
 * the old generation.
 */
async function measure(h: Handler, make: () => Record<string, unknown>, n: number): Promise<number[]> {
  const out: number[] = new Array(n);
  for (let start = 0; start < n; start += 100) {
    const events = Array.from({ length: Math.min(100, n - start) }, make);
    for (let i = 0; i < events.length; i++) {
      const t = process.hrtime.bigint();
      await h(events[i] as Record<string, unknown>, lambdaContext);
      out[start + i] = Number(process.hrtime.bigint() - t) / 1000;
    }
  }
  return out;
}

export interface OverheadRow { scenario: string; variant: string; median: number; p99: number; overheadMedian: number; overheadP99: number }

export async function runOverhead(n = Number(process.env.BENCH_N ?? 5000)): Promise<{ rows: OverheadRow[]; ratios: Record<string, { median: number; p99: number }> }> {
  const { file } = await bundleRuntime(true);
  const { guard } = (await import(pathToFileURL(file).href)) as typeof import('../../packages/runtime/src/index.js');
  const quiet = { sink: () => {}, checkEnv: false };

  const httpBare: Handler = async (e) => { const b = JSON.parse(e.body as string) as { orderId: string }; return { statusCode: 200, body: JSON.stringify({ ok: b.orderId }) }; };
  const sqsBare: Handler = async (e) => ({ n: (e.Records as unknown[]).length });
  const jsonBody = { before: async (r: { event: Record<string, unknown> }) => { r.event.body = JSON.parse(r.event.body as string); } };
  const sqsBodies = { before: async (r: { event: Record<string, unknown> }) => { for (const m of r.event.Records as Array<Record<string, unknown>>) m.body = JSON.parse(m.body as string); } };
  const httpMiddyHandler: Handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ ok: (e.body as { orderId: string }).orderId }) });

  // Lower bound for any detector that reads each character: one charCodeAt pass over every string the
  // guard scans (header values, query, cookies, body keys and values), and nothing else.
  let sink = 0;
  const touch = (v: unknown): void => {
    if (typeof v === 'string') { for (let i = 0; i < v.length; i++) sink |= v.charCodeAt(i); return; }
    if (typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) { for (const x of v) touch(x); return; }
    for (const k of Object.keys(v)) { touch(k); touch((v as Record<string, unknown>)[k]); }
  };
  const httpTouch: Handler = async (e, c) => { for (const k of ['headers', 'queryStringParameters', 'cookies', 'rawPath'] as const) touch(e[k]); const b = JSON.parse(e.body as string) as unknown; touch(b); return httpMiddyHandler({ ...e, body: b }, c); };
  const sqsTouch: Handler = async (e, c) => { for (const m of e.Records as Array<Record<string, unknown>>) { touch(JSON.parse(m.body as string)); touch(m.messageAttributes); } return sqsBare(e, c); };

  const variants: Record<string, Record<string, Handler>> = {
    'API GW v2, 2 KB JSON': {
      bare: httpBare,
      'fnguard guard': guard(httpBare, { ...quiet, schemas: { 'POST /orders': orderSchemaJson } }) as Handler,
      // same handler as Middy's: the body arrives parsed, so each stack parses it once
      'fnguard guard, parseJsonBody': guard(httpMiddyHandler, { ...quiet, parseJsonBody: true, schemas: { 'POST /orders': orderSchemaJson } }) as Handler,
      'Middy (core+validator+headers)': middy(httpMiddyHandler)
        .use(jsonBody)
        .use(validator({ eventSchema: transpileSchema({ type: 'object', required: ['body'], properties: { body: orderSchemaJson } }) }))
        .use(httpSecurityHeaders()) as unknown as Handler,
      // the stack as Middy's documentation assembles it: its own body parser (content-type and base64 aware)
      'Middy + http-json-body-parser': middy(httpMiddyHandler)
        .use(httpJsonBodyParser())
        .use(validator({ eventSchema: transpileSchema({ type: 'object', required: ['body'], properties: { body: orderSchemaJson } }) }))
        .use(httpSecurityHeaders()) as unknown as Handler,
      'Powertools parser (zod)': async (e, c) => { const b = parse(e, ApiGatewayV2Envelope, JSONStringified(zOrder)); return httpMiddyHandler({ ...e, body: b }, c); },
      'lower bound: one pass over every string': httpTouch,
    },
    'SQS batch of 10': {
      bare: sqsBare,
      'fnguard guard': guard(sqsBare, { ...quiet, schemas: { sqs: { type: 'object', properties: { body: sqsMessageSchemaJson } } } }) as Handler,
      'Middy (core+validator+headers)': middy(sqsBare)
        .use(sqsBodies)
        .use(validator({ eventSchema: transpileSchema({ type: 'object', properties: { Records: { type: 'array', items: { type: 'object', properties: { body: sqsMessageSchemaJson } } } } }) }))
        .use(httpSecurityHeaders()) as unknown as Handler,
      'Powertools parser (zod)': async (e, c) => { parse(e, SqsEnvelope, JSONStringified(zSqs)); return sqsBare(e, c); },
      'lower bound: one pass over every string': sqsTouch,
    },
  };

  const rows: OverheadRow[] = [];
  /** guard/Middy overhead ratio per scenario and fnguard variant ("scenario — variant"). */
  const ratios: Record<string, { median: number; p99: number }> = {};
  for (const [scenario, hs] of Object.entries(variants)) {
    const make = scenario.startsWith('SQS') ? sqsBatchEvent : apiGwV2Event;
    // warm up every variant, then measure in interleaved rounds so machine noise hits all alike
    for (const h of Object.values(hs)) await measure(h, make, Math.min(2000, n));
    const samples: Record<string, number[]> = {};
    const rounds = 5;
    for (let r = 0; r < rounds; r++) for (const [name, h] of Object.entries(hs)) (samples[name] ??= []).push(...await measure(h, make, Math.ceil(n / rounds)));
    const bare = stats(samples.bare as number[]);
    for (const [name, xs] of Object.entries(samples)) {
      const s = stats(xs);
      rows.push({ scenario, variant: name, median: s.median, p99: s.p99, overheadMedian: Math.max(0, s.median - bare.median), overheadP99: Math.max(0, s.p99 - bare.p99) });
    }
    for (const m of rows.filter((x) => x.scenario === scenario && x.variant.startsWith('Middy'))) {
      for (const g of rows.filter((x) => x.scenario === scenario && x.variant.startsWith('fnguard'))) {
        ratios[`${scenario} — ${g.variant} / ${m.variant}`] = { median: g.overheadMedian / m.overheadMedian, p99: g.overheadP99 / m.overheadP99 };
      }
    }
  }
  if (sink === -1) console.log(sink); // keeps the character pass from being optimised away
  return { rows, ratios };
}

export function printOverhead(r: Awaited<ReturnType<typeof runOverhead>>): void {
  console.log('\nPer-invocation overhead (µs; overhead = variant − bare handler)');
  console.table(r.rows.map((x) => ({ scenario: x.scenario, variant: x.variant, 'median µs': x.median.toFixed(1), 'p99 µs': x.p99.toFixed(1), 'overhead median': x.overheadMedian.toFixed(1), 'overhead p99': x.overheadP99.toFixed(1) })));
  for (const [s, v] of Object.entries(r.ratios)) console.log(`guard/Middy overhead ratio, ${s}: median ${v.median.toFixed(2)}, p99 ${v.p99.toFixed(2)} (target ≤ 0.5)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printOverhead(await runOverhead());
