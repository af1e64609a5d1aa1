// guard(handler, options): one wrapper for AWS Lambda, Azure Functions v4 and GCP Functions Framework
// handlers (the platform is recognised from the call's arguments, or set with `platform`), plus the
// Middy middleware form for Lambda.

import { decorateAwsResponse, detectAwsSource, failClosed, inspectAws, mergeBatchFailures, type AwsDecision, type AwsSource, type LambdaContextLike } from './adapters/aws.js';
import { decorateAzureResponse, inspectAzureHttp, inspectAzureMessage, isAzureContext, isAzureHttpRequest } from './adapters/azure.js';
import { failGcpHttp, inspectCloudEvent, inspectGcpHttp, isCloudEvent, isGcpResponse, type GcpRequestLike } from './adapters/gcp.js';
import { Engine, GENERIC_BODIES, type GuardOptions } from './core.js';
import type { EventContext } from './events/ocsf.js';
import { checkEnvironment } from './secrets/env.js';

type AnyHandler = (...args: never[]) => unknown;

/**
 * The wrapped handler: the same parameters (extra platform arguments such as the Lambda context are
 * accepted even if the handler does not declare them), always async. Blocked HTTP requests resolve to
 * the platform's error response and batches to `{ batchItemFailures }`, which match the usual return
 * types of such handlers.
 */
export type Guarded<H extends AnyHandler> = (...args: [...Parameters<H>, ...unknown[]]) => Promise<Awaited<ReturnType<H>>>;

const unknownCtx = (platform: EventContext['platform']): EventContext => ({ platform, source: 'unknown', coldStart: false });

let envChecked = false;
function envOnce(engine: Engine): void {
  if (envChecked || engine.opts.checkEnv === false) return;
  envChecked = true;
  checkEnvironment(process.env, engine.sink);
}

type Call = (args: unknown[]) => unknown;
/** One platform's invocation: inspect the arguments, then call the handler or answer for it. */
export type PlatformRun = (engine: Engine, args: unknown[], call: Call) => Promise<unknown>;

/** Azure Functions v4: HTTP triggers get the HTTP checks; any other trigger is one message. */
export const runAzure: PlatformRun = async (engine, args, call) => {
  const [a, b] = args;
  const failOpen = engine.opts.failOpen === true;
  const c = isAzureContext(b) ? b : { invocationId: 'unknown' };
  if (isAzureHttpRequest(a)) {
    let decision: Awaited<ReturnType<typeof inspectAzureHttp>>;
    try { decision = await inspectAzureHttp(engine, a, c); } catch (err) {
      engine.internalError(err, unknownCtx('azure'));
      if (!failOpen) return { status: 500, headers: { 'Content-Type': 'application/json' }, body: GENERIC_BODIES[500] };
      return call(args);
    }
    if (decision.response) return decision.response;
    return decorateAzureResponse(engine, await call(args), decision.authenticated);
  }
  let bad: boolean;
  try { bad = await inspectAzureMessage(engine, a, c); } catch (err) {
    engine.internalError(err, unknownCtx('azure'));
    if (!failOpen) return undefined;
    bad = false;
  }
  return bad ? undefined : call(args);
};

/** GCP Functions Framework: (req, res) HTTP functions and CloudEvent functions. */
export const runGcp: PlatformRun = async (engine, args, call) => {
  const [a, b] = args;
  const failOpen = engine.opts.failOpen === true;
  if (isGcpResponse(b)) {
    let ok: boolean;
    try { ok = await inspectGcpHttp(engine, a as GcpRequestLike, b); } catch (err) {
      engine.internalError(err, unknownCtx('gcp'));
      if (!failOpen) { failGcpHttp(b); return undefined; }
      ok = true;
    }
    return ok ? call(args) : undefined;
  }
  let bad: boolean;
  try { bad = isCloudEvent(a) ? await inspectCloudEvent(engine, a) : false; } catch (err) {
    engine.internalError(err, unknownCtx('gcp'));
    if (!failOpen) return undefined;
    bad = false;
  }
  return bad ? undefined : call(args);
};

/** AWS Lambda: the event source is read from the event's shape (or `source`). */
export const runAws: PlatformRun = async (engine, args, call) => {
  const a = args[0];
  let d: AwsDecision;
  try { d = await inspectAws(engine, a, args[1] as LambdaContextLike | undefined); } catch (err) {
    engine.internalError(err, unknownCtx('aws'));
    if (engine.opts.failOpen !== true) {
      try { return failClosed(engine, a, sourceOf(engine.opts, a)); } catch { return undefined; }
    }
    return call(args);
  }
  return finishAws(engine, d, a, (ev) => call([ev, ...args.slice(1)]));
};

/** Recognises the platform from the call's arguments (or `platform`) and runs its adapter. */
const runDetected: PlatformRun = (engine, args, call) => {
  const [a, b] = args;
  const platform = engine.opts.platform ?? (isAzureContext(b) ? 'azure' : isGcpResponse(b) || (args.length === 1 && isCloudEvent(a)) ? 'gcp' : 'aws');
  return (platform === 'azure' ? runAzure : platform === 'gcp' ? runGcp : runAws)(engine, args, call);
};

/**
 * A `guard` for one calling convention: the platform entry points pass their platform's run, the
 * package root the detecting one.
 */
export function guardFor(run: PlatformRun) {
  return function guard<H extends AnyHandler>(handler: H, options: GuardOptions = {}): Guarded<H> {
    const engine = new Engine(options);
    const call: Call = (args) => (handler as unknown as (...a: unknown[]) => unknown)(...args);
    return (async (...args: unknown[]) => { envOnce(engine); return run(engine, args, call); }) as unknown as Guarded<H>;
  };
}

/**
 * Wraps a handler for whichever platform calls it: recognised from the call's arguments, or set with
 * `platform`. With no options it blocks everything the detectors find, enforces the default limits and
 * content types, and adds security response headers. The returned function has the handler's
 * parameters; on AWS it may also return a 4xx response or `batchItemFailures`. Apps for one platform
 * can import `guard` from `@fnguard/runtime/aws` (or `/azure`, `/gcp`) and ship only that adapter.
 */
// pure: lets bundlers drop it (and every adapter it reaches) from apps that import a platform entry
export const guard = /* @__PURE__ */ guardFor(runDetected);

function sourceOf(options: GuardOptions, event: unknown): AwsSource {
  return (options.source as AwsSource | undefined) ?? detectAwsSource(event);
}

async function finishAws(engine: Engine, d: AwsDecision, event: unknown, run: (event: unknown) => unknown): Promise<unknown> {
  if (d.kind === 'http') {
    if (d.response) return d.response;
    return decorateAwsResponse(engine, await run(event), d.source, d.verdict.authenticated);
  }
  if (d.kind === 'batch') {
    if (d.skip) return mergeBatchFailures(undefined, d.failures);
    return mergeBatchFailures(await run(d.event), d.failures);
  }
  return d.skip ? undefined : run(d.event);
}

/** The request object Middy passes to middlewares (the fields used here). */
export interface MiddyRequestLike {
  event: unknown;
  context: unknown;
  response: unknown;
}
export interface MiddyMiddleware {
  before: (request: MiddyRequestLike) => Promise<unknown>;
  after: (request: MiddyRequestLike) => Promise<void>;
}

/**
 * Middy-compatible form for Lambda: `middy(handler).use(fnguard(options))`. `before` answers blocked
 * HTTP requests early (Middy's early return) and narrows batches; `after` adds headers and batch failures.
 */
export function fnguard(options: GuardOptions = {}): MiddyMiddleware {
  const engine = new Engine(options);
  const decisions = new WeakMap<object, AwsDecision>();
  return {
    async before(request) {
      envOnce(engine);
      let d: AwsDecision;
      try { d = await inspectAws(engine, request.event, request.context as LambdaContextLike); } catch (err) {
        engine.internalError(err, unknownCtx('aws'));
        if (options.failOpen) return undefined;
        return failClosed(engine, request.event, sourceOf(options, request.event)) ?? null;
      }
      decisions.set(request, d);
      if (d.kind === 'http') return d.response;
      if (d.skip) return d.kind === 'batch' ? mergeBatchFailures(undefined, d.failures) : null;
      request.event = d.event;
      return undefined;
    },
    async after(request) {
      const d = decisions.get(request);
      if (d === undefined) return;
      if (d.kind === 'http') request.response = decorateAwsResponse(engine, request.response, d.source, d.verdict.authenticated);
      else if (d.kind === 'batch') request.response = mergeBatchFailures(request.response, d.failures);
    },
  };
}
