/**
 * SDK call → the IAM actions it needs, on which resources.
 *
 * Actions: the API operation name in the service's IAM prefix (`s3` + `GetObject` → `s3:GetObject`),
 * kept only when the IAM dataset has it; EXCEPTIONS lists the operations whose IAM action differs
 * from the API name. Resources: the action's resource types (with their ARN formats) from the
 * dataset, filled from the request's literal parameters, environment variables (their static
 * values, or template references such as `${OrdersTable.Arn}`), or `*` with a note when unknown.
 */
import type { EnvVar, FunctionNode } from '../../../model/types.js';
import type { ParamValue, SdkCall } from '../../code/types.js';
import { actionInfo } from '../actions.js';

export interface RequiredPermission {
  /** Canonical action (`s3:GetObject`). */
  action: string;
  /** ARNs or ARN patterns; `['*']` when the resource is not known or the action has no resource types. */
  resources: string[];
  call: SdkCall;
}

export interface CallPermissions {
  call: SdkCall;
  permissions: RequiredPermission[];
  /** Things the user should know about this call (unknown resource, KMS key…). */
  notes: string[];
  /** Set when no IAM action could be derived (the call is then not covered by the policy). */
  unmapped?: string;
}

// ------------------------------------------------------------------ operation → actions (exceptions)

type ActionRule = string[] | ((call: SdkCall) => { actions: string[]; note?: string });

const TRANSACT_WRITE: Record<string, string> = { Put: 'dynamodb:PutItem', Update: 'dynamodb:UpdateItem', Delete: 'dynamodb:DeleteItem', ConditionCheck: 'dynamodb:ConditionCheckItem' };
const PARTIQL: Record<string, string> = { SELECT: 'dynamodb:PartiQLSelect', INSERT: 'dynamodb:PartiQLInsert', UPDATE: 'dynamodb:PartiQLUpdate', DELETE: 'dynamodb:PartiQLDelete' };

function partiql(call: SdkCall): { actions: string[]; note?: string } {
  const stmts = call.params.Statement ?? [];
  const verbs = new Set<string>();
  for (const s of stmts) {
    const verb = s.kind === 'literal' || s.kind === 'pattern' ? /^\s*(\w+)/.exec(s.value)?.[1]?.toUpperCase() : undefined;
    if (verb && PARTIQL[verb]) verbs.add(PARTIQL[verb]);
    else return { actions: Object.values(PARTIQL), note: 'PartiQL statement not static: all four PartiQL actions are needed' };
  }
  return verbs.size ? { actions: [...verbs] } : { actions: Object.values(PARTIQL), note: 'PartiQL statement not found: all four PartiQL actions are needed' };
}

/**
 * Operations whose IAM action is not the API name. Sources: the Service Authorization Reference
 * ("Actions, resources, and condition keys") and each API's "Permissions" section.
 */
const EXCEPTIONS: Record<string, ActionRule> = {
  's3:ListObjectsV2': ['s3:ListBucket'],
  's3:ListObjects': ['s3:ListBucket'],
  's3:ListObjectVersions': ['s3:ListBucketVersions'],
  's3:HeadObject': ['s3:GetObject'],
  's3:HeadBucket': ['s3:ListBucket'],
  's3:ListMultipartUploads': ['s3:ListBucketMultipartUploads'],
  's3:ListParts': ['s3:ListMultipartUploadParts'],
  's3:CreateMultipartUpload': ['s3:PutObject'],
  's3:UploadPart': ['s3:PutObject'],
  's3:CompleteMultipartUpload': ['s3:PutObject'],
  's3:UploadPartCopy': ['s3:PutObject', 's3:GetObject'],
  's3:CopyObject': ['s3:PutObject', 's3:GetObject'],
  's3:DeleteObjects': ['s3:DeleteObject'],
  's3:SelectObjectContent': ['s3:GetObject'],
  // lib-storage Upload / boto3 upload_file: multipart for large bodies, aborted on failure.
  's3:Upload': ['s3:PutObject', 's3:AbortMultipartUpload'],
  'dynamodb:TransactGetItems': ['dynamodb:GetItem'],
  'dynamodb:TransactWriteItems': (call) => {
    const actions = [...new Set(call.argKeys.filter((k) => TRANSACT_WRITE[k]).map((k) => TRANSACT_WRITE[k]!))];
    return actions.length ? { actions } : { actions: Object.values(TRANSACT_WRITE), note: 'transaction items not static: all four item actions are needed' };
  },
  'dynamodb:ExecuteStatement': partiql,
  'dynamodb:BatchExecuteStatement': partiql,
  'dynamodb:ExecuteTransaction': partiql,
  'lambda:Invoke': ['lambda:InvokeFunction'],
  'lambda:InvokeWithResponseStream': ['lambda:InvokeFunction'],
  'sqs:SendMessageBatch': ['sqs:SendMessage'],
  'sqs:DeleteMessageBatch': ['sqs:DeleteMessage'],
  'sqs:ChangeMessageVisibilityBatch': ['sqs:ChangeMessageVisibility'],
  'sns:PublishBatch': ['sns:Publish'],
  'execute-api:PostToConnection': ['execute-api:ManageConnections'],
  'execute-api:GetConnection': ['execute-api:ManageConnections'],
  'execute-api:DeleteConnection': ['execute-api:ManageConnections'],
  'bedrock:Converse': ['bedrock:InvokeModel'],
  'bedrock:ConverseStream': ['bedrock:InvokeModelWithResponseStream'],
  // Needs no permission: IAM cannot deny it.
  'sts:GetCallerIdentity': [],
};

/** Extra notes for operations whose real permission set depends on how the resource is configured. */
const NOTES: Record<string, string> = {
  'secretsmanager:GetSecretValue': 'if the secret is encrypted with a customer managed KMS key, kms:Decrypt on that key is needed too',
  'ssm:GetParameter': 'a SecureString parameter under a customer managed KMS key also needs kms:Decrypt on that key',
  'ssm:GetParameters': 'a SecureString parameter under a customer managed KMS key also needs kms:Decrypt on that key',
  'ssm:GetParametersByPath': 'a SecureString parameter under a customer managed KMS key also needs kms:Decrypt on that key',
  's3:Upload': 'large bodies are sent as a multipart upload (s3:PutObject) and aborted on failure (s3:AbortMultipartUpload)',
};

// ------------------------------------------------------------------ parameters → ARN variables

/** Request parameter → ARN-format variables it fills, per service (`*` = any service). */
const PARAM_VARS: Record<string, Record<string, string[]>> = {
  s3: { Bucket: ['BucketName'], Key: ['ObjectName'] },
  dynamodb: { TableName: ['TableName'], IndexName: ['IndexName'] },
  sqs: { QueueName: ['QueueName'], QueueUrl: ['QueueName'] },
  sns: {},
  lambda: { FunctionName: ['FunctionName'] },
  secretsmanager: { SecretId: ['SecretId'] },
  ssm: { Name: ['ParameterNameWithoutLeadingSlash'], Names: ['ParameterNameWithoutLeadingSlash'], Path: ['ParameterNameWithoutLeadingSlash'] },
  kinesis: { StreamName: ['StreamName'] },
  firehose: { DeliveryStreamName: ['DeliveryStreamName'] },
  events: { EventBusName: ['EventBusName'] },
  logs: { logGroupName: ['LogGroupName'] },
  kms: { KeyId: ['KeyId'] },
  'cognito-idp': { UserPoolId: ['UserPoolId'] },
  bedrock: { modelId: ['ResourceId'] },
};

/** Parameters whose value is a whole ARN. */
const ARN_PARAMS = ['TopicArn', 'TargetArn', 'StateMachineArn', 'StreamARN', 'resourceArn'];

/** A parameter value after environment variables are resolved. */
type Resolved = { kind: 'text'; value: string } | { kind: 'ref'; ref: string } | { kind: 'unknown'; why: string };

/**
 * A template reference as the sources render it, normalised to `${…}` form:
 * `${Orders.Arn}`, `!Ref Orders` → `${Orders}`, `!GetAtt Orders.Arn` → `${Orders.Arn}`,
 * `aws_dynamodb_table.orders.name` → `${aws_dynamodb_table.orders.name}`.
 */
export function normaliseRef(expr: string): string | undefined {
  const e = expr.trim();
  // `${Logical}` / `${Logical.Attr}` / `${aws_x.name.attr}`; not `${AWS::Region}`, `${Fn::Join}`, `${ImportValue:x}`.
  if (/^\$\{[^}]+\}$/.test(e)) return /^\$\{[A-Za-z][\w-]*(\.[\w.-]+)*\}$/.test(e) ? e : undefined;
  let m = /^!Ref\s+([\w.:-]+)$/.exec(e) ?? /^\{\s*"?Ref"?\s*:\s*"?([\w.:-]+)"?\s*\}$/.exec(e) ?? /^Ref:\s*([\w.:-]+)$/.exec(e);
  if (m) return `\${${m[1]}}`;
  m = /^!GetAtt\s+([\w-]+)\.([\w.]+)$/.exec(e) ?? /^\{\s*"?Fn::GetAtt"?\s*:\s*\[\s*"?([\w-]+)"?\s*,\s*"?([\w.]+)"?\s*\]\s*\}$/.exec(e);
  if (m) return `\${${m[1]}.${m[2]}}`;
  if (/^(aws_[a-z0-9_]+\.[\w-]+|module\.[\w-]+|var|local|data\.aws_[a-z0-9_]+\.[\w-]+)\.[\w.-]+$/.test(e)) return `\${${e}}`;
  return undefined;
}

function resolveValue(v: ParamValue, env: Map<string, EnvVar>): Resolved {
  switch (v.kind) {
    case 'literal':
    case 'pattern':
      return { kind: 'text', value: v.value };
    case 'dynamic':
      return { kind: 'unknown', why: `\`${v.expr}\` is computed at run time` };
    case 'env': {
      const e = env.get(v.name);
      if (!e) return { kind: 'unknown', why: `environment variable ${v.name} is not set on the function` };
      if (e.value !== undefined) return { kind: 'text', value: e.value };
      const ref = e.expr ? normaliseRef(e.expr) : undefined;
      return ref ? { kind: 'ref', ref } : { kind: 'unknown', why: `environment variable ${v.name} is ${e.expr ?? 'not static'}` };
    }
  }
}

/** `${Orders}` / `${Orders.Name}` → `${Orders.Arn}`; Terraform `…name`/`…id` → `…arn`. A ref that already is an ARN is kept. */
function refToArn(ref: string): string {
  const inner = ref.slice(2, -1);
  if (/(\.Arn|\.arn|_arn)$/.test(inner)) return ref;
  if (/^(aws_|data\.aws_)/.test(inner)) return `\${${inner.replace(/\.[\w-]+$/, '.arn')}}`;
  if (/^[\w-]+$/.test(inner)) return `\${${inner}.Arn}`;
  if (/^[\w-]+\.[\w]+$/.test(inner)) return `\${${inner.split('.')[0]}.Arn}`;
  return ref;
}

/** Is this text a template reference, a full ARN, or a plain name? */
function isArn(s: string): boolean {
  return s.startsWith('arn:');
}

/** `https://sqs.eu-west-1.amazonaws.com/123456789012/jobs` → parts. */
function parseQueueUrl(url: string): { region?: string; account?: string; name: string } | undefined {
  const m = /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|[a-z0-9-]+\.queue\.amazonaws\.com|localhost(?::\d+)?)\/(\d{12}|[^/]+)\/([^/?]+)$/.exec(url);
  if (!m) return undefined;
  return { region: m[1], account: /^\d{12}$/.test(m[2]!) ? m[2] : undefined, name: m[3]! };
}

/** A value for an ARN-format variable: text, or a template reference to the whole resource's ARN. */
type VarValue = { text: string } | { ref: string };

interface Hints {
  vars: Map<string, VarValue[]>;
  arns: string[];
  region?: string;
  account?: string;
  unknown: string[];
}

function hintsFor(call: SdkCall, service: string, env: Map<string, EnvVar>): Hints {
  const h: Hints = { vars: new Map(), arns: [], unknown: [] };
  const add = (v: string, value: VarValue) => {
    const list = h.vars.get(v) ?? [];
    if (!list.some((x) => JSON.stringify(x) === JSON.stringify(value))) list.push(value);
    h.vars.set(v, list);
  };
  const table = PARAM_VARS[service] ?? {};
  for (const [param, values] of Object.entries(call.params)) {
    const vars = table[param];
    const arnParam = ARN_PARAMS.includes(param) || (param === 'QueueUrl' && service === 'sqs');
    if (!vars && !arnParam) continue;
    for (const raw of values) {
      const r = resolveValue(raw, env);
      if (r.kind === 'unknown') {
        h.unknown.push(`${param}: ${r.why}`);
        continue;
      }
      if (r.kind === 'ref') {
        // CloudFormation `Ref` of a queue is its URL, of a topic / state machine / secret its ARN.
        const arnRef = param === 'QueueUrl' ? refToArn(r.ref.replace(/\.(QueueUrl|Url)\}$/, '}')) : ARN_PARAMS.includes(param) || param === 'SecretId' ? r.ref : refToArn(r.ref);
        if (vars) add(vars[0]!, { ref: arnRef });
        else h.arns.push(arnRef);
        continue;
      }
      let value = r.value;
      if (isArn(value)) {
        h.arns.push(value);
        continue;
      }
      if (param === 'QueueUrl') {
        const q = parseQueueUrl(value);
        if (!q) {
          h.unknown.push(`QueueUrl: ${value} is not an SQS queue URL`);
          continue;
        }
        h.region ??= q.region;
        h.account ??= q.account;
        value = q.name;
      }
      if (service === 'ssm') value = value.replace(/^\//, '');
      if (service === 'ssm' && param === 'Path') value = `${value.replace(/\/$/, '')}/*`;
      if (service === 'secretsmanager' && !value.includes('*')) value = `${value}-??????`;
      if (service === 'kms' && value.startsWith('alias/')) {
        add('Alias', { text: value.slice('alias/'.length) });
        continue;
      }
      for (const v of vars ?? []) add(v, { text: value });
    }
  }
  // S3 object actions with a known bucket but no (static) key: any object in that bucket.
  if (service === 's3' && h.vars.has('BucketName') && !h.vars.has('ObjectName')) add('ObjectName', { text: '*' });
  if (service === 'events' && !call.params.EventBusName && call.operation === 'PutEvents') add('EventBusName', { text: 'default' });
  return h;
}

const PSEUDO = new Set(['Partition', 'Region', 'Account']);
const MAX_ARNS = 20;

/** ARNs for one resource-type ARN format, when every variable is known. */
function fillPattern(pattern: string, h: Hints): string[] | undefined {
  const names = [...pattern.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]!).filter((n) => !PSEUDO.has(n));
  if (names.length === 0 || !names.every((n) => h.vars.has(n))) return undefined;
  let results = [pattern.replace('${Partition}', 'aws').replace('${Region}', h.region ?? '*').replace('${Account}', h.account ?? '*')];
  for (const n of names) {
    const next: string[] = [];
    const placeholder = `\${${n}}`;
    for (const r of results) {
      if (!r.includes(placeholder)) {
        next.push(r);
        continue;
      }
      for (const v of h.vars.get(n)!) {
        // A reference stands for everything up to and including the resource's own name.
        next.push('ref' in v ? v.ref + r.slice(r.indexOf(placeholder) + placeholder.length) : r.replace(placeholder, v.text));
      }
    }
    results = [...new Set(next)].slice(0, MAX_ARNS);
  }
  return results;
}

/** Does a full ARN belong to a resource-type ARN format? */
function arnFits(pattern: string, arn: string): boolean {
  if (arn.startsWith('${')) return true;
  const re = new RegExp(`^${pattern.split(/\$\{[^}]+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(arn);
}

function resourcesFor(action: string, h: Hints): { resources: string[]; note?: string } {
  const info = actionInfo(action);
  if (!info || info.resourceTypes.length === 0) return { resources: ['*'] };
  const patterns = info.resourceTypes.flatMap((t) => t.arnPatterns);
  const arns = h.arns.filter((a) => patterns.some((p) => arnFits(p, a)));
  if (arns.length) return { resources: arns };
  let best: { score: number; arns: string[] } | undefined;
  for (const p of patterns) {
    const filled = fillPattern(p, h);
    const score = [...p.matchAll(/\$\{([^}]+)\}/g)].filter((m) => !PSEUDO.has(m[1]!)).length;
    if (filled && (!best || score > best.score)) best = { score, arns: filled };
  }
  if (best) return { resources: best.arns };
  const why = h.unknown.length ? h.unknown.join('; ') : 'no request parameter names the resource';
  return { resources: ['*'], note: `${action} on any resource: ${why}` };
}

function envMap(fn: FunctionNode): Map<string, EnvVar> {
  return new Map(fn.env.map((e) => [e.name, e] as const));
}

/** The permissions every call of a function needs. */
export function permissionsForCalls(calls: readonly SdkCall[], fn: FunctionNode): CallPermissions[] {
  const env = envMap(fn);
  return calls.map((call) => permissionsForCall(call, env));
}

export function permissionsForCall(call: SdkCall, env: Map<string, EnvVar>): CallPermissions {
  const out: CallPermissions = { call, permissions: [], notes: [] };
  if (!call.service) {
    out.unmapped = `unknown AWS service ${call.sdkService}`;
    return out;
  }
  const key = `${call.service}:${call.operation}`;
  const rule = Object.entries(EXCEPTIONS).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  let actions: string[];
  if (rule === undefined) actions = [key];
  else if (Array.isArray(rule)) actions = rule;
  else {
    const r = rule(call);
    actions = r.actions;
    if (r.note) out.notes.push(r.note);
  }
  const note = NOTES[key];
  if (note) out.notes.push(note);
  if (rule !== undefined && actions.length === 0) return out;
  const h = hintsFor(call, call.service, env);
  for (const a of actions) {
    const info = actionInfo(a);
    if (!info) {
      out.unmapped = `${a} is not an IAM action in the dataset`;
      continue;
    }
    const canonical = `${info.service}:${info.name}`;
    const r = resourcesFor(canonical, h);
    if (r.note) out.notes.push(r.note);
    out.permissions.push({ action: canonical, resources: r.resources, call });
  }
  // Aurora Data API reads the database credentials from the secret it is given.
  if (call.service === 'rds-data') {
    for (const v of call.params.secretArn ?? []) {
      const r = resolveValue(v, env);
      const res = r.kind === 'text' && isArn(r.value) ? r.value : r.kind === 'ref' ? r.ref : '*';
      out.permissions.push({ action: 'secretsmanager:GetSecretValue', resources: [res], call });
    }
  }
  return out;
}
