/**
 * `AWS::Serverless::Function` (with Globals merged) and `AWS::Lambda::Function` → FunctionNode:
 * code, runtime, identity (Role reference or SAM generated role from Policies), environment,
 * VPC, tracing, encryption, limits, layers, dead-letter targets, SAM Events and function URLs.
 */
import type { AuthType, FunctionNode, Prop, Trigger, TriggerKind } from '../../model/types.js';
import { isPlainObject, setDefined, strProp } from '../aws-common/values.js';
import { layerFrom } from '../aws-common/arn.js';
import { codePathFor } from '../aws-common/code-path.js';
import { mergeEnv, vpcNetwork } from '../aws-common/function-parts.js';
import { policyFromJson } from '../aws-common/policy.js';
import { applySamPolicies, identityForRole, newIdentity, roleId } from './iam.js';
import { implicitApi, isPublicApi, samEventAuth } from './apis.js';
import { Props } from './props.js';
import type { Resource, Stack } from './stack.js';

export function loadFunctions(stack: Stack): void {
  for (const r of stack.ofType('AWS::Serverless::Function')) {
    if (stack.functions.has(r.logicalId)) continue;
    samFunction(stack, r, new Props(stack, r.props, stack.globals['Function']));
  }
  for (const r of stack.ofType('AWS::Lambda::Function')) {
    // serverless.yml may extend its own generated functions in `resources`; those exist already.
    if (stack.functions.has(r.logicalId)) continue;
    lambdaFunction(stack, r, new Props(stack, r.props));
  }
}

function baseFunction(stack: Stack, r: Resource, p: Props): FunctionNode {
  const declared = p.str('FunctionName');
  const fn: FunctionNode = {
    id: stack.id(r.logicalId), name: declared?.value ?? r.logicalId, cloud: 'aws', format: stack.format, loc: r.loc,
    triggers: [], env: [], layers: [], permissions: [],
  };
  const set = <K extends keyof FunctionNode>(key: K, v: FunctionNode[K] | undefined): void => setDefined(fn, key, v);
  set('runtime', p.str('Runtime'));
  set('handler', p.str('Handler'));
  set('packageType', p.str('PackageType'));
  set('kmsKey', p.str('KmsKeyArn'));
  set('reservedConcurrency', p.num('ReservedConcurrentExecutions'));
  set('timeoutSeconds', p.num('Timeout'));
  set('memoryMb', p.num('MemorySize'));
  set('codeSigning', p.str('CodeSigningConfigArn'));
  const env = p.sub('Environment');
  const envOwn = isPlainObject(p.own['Environment']) ? p.own['Environment']['Variables'] : undefined;
  const envGlobal = isPlainObject(p.globals['Environment']) ? p.globals['Environment']['Variables'] : undefined;
  if (env) fn.env = mergeEnv(envOwn, envGlobal, stack.opts.at, stack);
  const vpc = p.get('VpcConfig');
  if (vpc) set('network', vpcNetwork(vpc.value, vpc.loc, stack.opts.at, stack, vpc.inherited));
  const layers = p.get('Layers');
  if (layers) {
    // SAM adds Globals layers to the function's own.
    const lists = [p.globals['Layers'], p.own['Layers']].filter(Array.isArray) as unknown[][];
    for (const list of lists) {
      list.forEach((item, i) => {
        const ref = strProp(item, stack.loc(list, i), stack, list === p.globals['Layers']);
        if (ref) fn.layers.push(layerFrom(ref));
      });
    }
  }
  const logging = p.sub('LoggingConfig')?.props.str('LogGroup');
  if (logging?.value) stack.logGroupNames.set(logging.value, fn);
  if (declared?.value) {
    stack.functionNames.set(declared.value, fn);
    stack.logGroupNames.set(`/aws/lambda/${declared.value}`, fn);
  }
  stack.functions.set(r.logicalId, fn);
  stack.ctx.model.functions.push(fn);
  return fn;
}

function lambdaFunction(stack: Stack, r: Resource, p: Props): void {
  const fn = baseFunction(stack, r, p);
  const role = p.get('Role');
  if (role) linkIdentity(stack, fn, role.value, role.loc);
  const mode = p.sub('TracingConfig')?.props.str('Mode');
  if (mode) fn.tracing = tracingProp(mode);
  const dlq = p.sub('DeadLetterConfig')?.props.str('TargetArn');
  if (dlq) fn.deadLetter = dlq;
  // Code is an S3 object or inline ZipFile: nothing under the scan root to point at.
}

function linkIdentity(stack: Stack, fn: FunctionNode, v: unknown, loc: FunctionNode['loc']): void {
  const identity = identityForRole(stack, v, loc);
  if (!identity) return;
  fn.identityId = identity.id;
  fn.identityLoc = loc;
  stack.ctx.model.identities.set(identity.id, identity);
}

function tracingProp(p: Prop<string>): Prop<boolean> {
  const out: Prop<boolean> = { loc: p.loc };
  if (p.value !== undefined) out.value = p.value.toLowerCase() === 'active';
  else out.expr = p.expr;
  if (p.inherited) out.inherited = true;
  return out;
}

function samFunction(stack: Stack, r: Resource, p: Props): void {
  const fn = baseFunction(stack, r, p);
  const tracing = p.str('Tracing');
  if (tracing) fn.tracing = tracingProp(tracing);
  const dlq = p.sub('DeadLetterQueue')?.props.str('TargetArn')
    ?? p.sub('EventInvokeConfig')?.props.sub('DestinationConfig')?.props.sub('OnFailure')?.props.str('Destination');
  if (dlq) fn.deadLetter = dlq;
  const codeUri = p.get('CodeUri');
  const codeDir = codeUri && typeof codeUri.value === 'string' ? codeUri.value : '';
  // Code in S3 (`CodeUri: {Bucket, Key}`), inline or in an image is not under the scan root.
  const local = (codeUri === undefined || typeof codeUri.value === 'string') && p.get('InlineCode') === undefined && fn.packageType?.value !== 'Image';
  if (local) {
    const cp = codePathFor(stack.opts.baseDir, codeDir, fn.handler?.value, stack.ctx.model.paths);
    if (cp) fn.codePath = cp;
  }
  samIdentity(stack, r, p, fn);
  const url = p.sub('FunctionUrlConfig');
  if (url) fn.triggers.push(urlTrigger(stack, url.props, url.field.loc));
  const events = r.props['Events'];
  if (isPlainObject(events)) {
    for (const [name, ev] of Object.entries(events)) {
      const loc = stack.loc(events, name);
      if (!isPlainObject(ev)) {
        stack.warn(`event ${name} of ${r.logicalId} is not a map; skipped`, loc);
        continue;
      }
      const t = samEvent(stack, ev, loc);
      if (t) fn.triggers.push(t);
    }
  }
}

/** The role of a SAM function: `Role:` when given, else the role SAM generates from `Policies`. */
function samIdentity(stack: Stack, r: Resource, p: Props, fn: FunctionNode): void {
  const role = p.get('Role');
  if (role) {
    linkIdentity(stack, fn, role.value, role.loc);
    return;
  }
  const identity = newIdentity(roleId(stack, `${r.logicalId}Role`), `${r.logicalId}Role`, r.loc);
  identity.generated = true;
  const policies = p.get('Policies');
  if (policies) applySamPolicies(stack, identity, policies.value, policies.loc, policies.inherited);
  const boundary = p.str('PermissionsBoundary');
  if (boundary) identity.permissionsBoundary = boundary;
  const trust = p.get('AssumeRolePolicyDocument');
  if (trust) {
    identity.trustPolicy = policyFromJson(trust.value, stack.opts.at, `${identity.name} trust policy`, 'trust', {
      resolver: stack, fallback: trust.loc, onWarn: (m, loc) => stack.warn(m, loc),
    });
  }
  stack.identities.set(`${r.logicalId}Role`, identity);
  stack.ctx.model.identities.set(identity.id, identity);
  fn.identityId = identity.id;
  fn.identityLoc = policies?.loc ?? r.loc;
}

const URL_AUTH: Record<string, AuthType> = { NONE: 'none', AWS_IAM: 'aws-iam' };

/** FunctionUrlConfig / AWS::Lambda::Url → a function-url trigger. */
export function urlTrigger(stack: Stack, p: Props, loc: FunctionNode['loc']): Trigger {
  const authType = p.str('AuthType');
  const auth: Prop<AuthType> = authType?.value !== undefined
    ? { value: URL_AUTH[authType.value.toUpperCase()] ?? 'unknown', loc: authType.loc }
    : { value: 'unknown', expr: authType?.expr, loc: authType?.loc ?? loc };
  if (authType?.inherited) auth.inherited = true;
  const t: Trigger = { kind: 'function-url', service: 'lambda-url', loc, auth, public: true };
  const cors = p.sub('Cors')?.props.list('AllowOrigins');
  if (cors) t.cors = cors;
  return t;
}

const SIMPLE_EVENTS: Record<string, { kind: TriggerKind; service: string; source: string }> = {
  SQS: { kind: 'queue', service: 'sqs', source: 'Queue' },
  SNS: { kind: 'topic', service: 'sns', source: 'Topic' },
  S3: { kind: 'storage', service: 's3', source: 'Bucket' },
  Kinesis: { kind: 'stream', service: 'kinesis', source: 'Stream' },
  DynamoDB: { kind: 'stream', service: 'dynamodb', source: 'Stream' },
  DocumentDB: { kind: 'stream', service: 'documentdb', source: 'Cluster' },
  MSK: { kind: 'stream', service: 'kafka', source: 'Stream' },
  SelfManagedKafka: { kind: 'stream', service: 'kafka', source: 'KafkaBootstrapServers' },
  MQ: { kind: 'queue', service: 'mq', source: 'Broker' },
  Schedule: { kind: 'schedule', service: 'eventbridge-schedule', source: 'Schedule' },
  ScheduleV2: { kind: 'schedule', service: 'scheduler', source: 'ScheduleExpression' },
  EventBridgeRule: { kind: 'eventbridge', service: 'eventbridge', source: 'EventBusName' },
  CloudWatchEvent: { kind: 'eventbridge', service: 'eventbridge', source: 'EventBusName' },
  CloudWatchLogs: { kind: 'other', service: 'cloudwatch-logs', source: 'LogGroupName' },
  IoTRule: { kind: 'other', service: 'iot', source: 'Sql' },
  Cognito: { kind: 'other', service: 'cognito', source: 'UserPool' },
  AlexaSkill: { kind: 'other', service: 'alexa', source: 'SkillId' },
};

function samEvent(stack: Stack, ev: Record<string, unknown>, loc: FunctionNode['loc']): Trigger | undefined {
  const type = stack.str(ev['Type']);
  const props = new Props(stack, isPlainObject(ev['Properties']) ? ev['Properties'] : {});
  if (type === 'Api' || type === 'HttpApi') {
    const kind = type === 'Api' ? 'apigw-rest' : 'apigw-http';
    const apiRef = props.get(type === 'Api' ? 'RestApiId' : 'ApiId');
    const explicit = apiRef ? stack.target(apiRef.value) : undefined;
    // An API named but not defined here (imported, another stack): its settings are unknown.
    const { logicalId, api } = explicit && stack.apis.has(explicit)
      ? { logicalId: explicit, api: stack.apis.get(explicit) }
      : apiRef ? { logicalId: '', api: undefined } : implicitApi(stack, kind, loc);
    const t: Trigger = {
      kind: 'http', service: kind, loc, ...(api ? { apiId: api.id } : {}),
      method: (stack.str(props.get('Method')?.value) ?? (type === 'HttpApi' ? 'ANY' : undefined))?.toUpperCase(),
      path: stack.str(props.get('Path')?.value) ?? (type === 'HttpApi' ? '$default' : undefined),
      auth: samEventAuth(stack, logicalId, props, loc), public: isPublicApi(api),
    };
    const model = props.sub('RequestModel')?.props.bool('ValidateBody');
    if (model) t.requestValidation = model;
    const cors = stack.apiCors.get(logicalId);
    if (cors) t.cors = cors;
    return t;
  }
  const simple = type ? SIMPLE_EVENTS[type] : undefined;
  if (!simple) {
    stack.ctx.info(loc.file, `event type ${type ?? '(none)'} is kept as an "other" trigger`, loc.line);
    return { kind: 'other', service: (type ?? 'unknown').toLowerCase(), loc };
  }
  const t: Trigger = { kind: simple.kind, service: simple.service, loc };
  const source = props.str(simple.source);
  if (source) t.source = source;
  const batch = props.num('BatchSize');
  if (batch) t.batchSize = batch;
  return t;
}
