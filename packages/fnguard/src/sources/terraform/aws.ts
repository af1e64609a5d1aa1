/**
 * AWS resources in Terraform → model: IAM roles and their policies, Lambda functions with their
 * settings, permissions, URLs, event sources, log groups, API Gateway v1/v2 and CloudTrail.
 */
import type { Api, AuthType, EnvVar, FunctionNode, Identity, Location, Prop, Trigger, TriggerKind } from '../../model/types.js';
import { layerFrom, parseArn } from '../aws-common/arn.js';
import { codePathFor } from '../aws-common/code-path.js';
import type { Block } from './hcl.js';
import { Unknown, locOf, refsOf, render, rootRelative, type Val } from './eval.js';
import type { Resource } from './load.js';
import { Builder, entries, nameFromArn, strProp } from './build.js';
import { policyFromValue } from './policy.js';

const LAMBDA = ['aws_lambda_function'];

export function loadAws(b: Builder): void {
  roles(b);
  rolePolicies(b);
  lambdaFunctions(b);
  lambdaPermissions(b);
  functionUrls(b);
  eventSources(b);
  otherTriggers(b);
  logGroups(b);
  restApis(b);
  httpApis(b);
  customDomains(b);
  cloudTrails(b);
}

// ------------------------------------------------------------------ IAM

const roleId = (r: Resource) => `aws:role:${r.id}`;

function roles(b: Builder): void {
  for (const r of b.of('aws_iam_role')) {
    const nameV = b.val(r, 'name');
    const id: Identity = {
      id: roleId(r),
      cloud: 'aws',
      kind: 'aws-iam-role',
      name: b.nameOf(r, nameV),
      loc: b.loc(r),
      arn: { expr: `\${${r.fullAddr}.arn}`, loc: b.loc(r) },
      policies: [],
      managedPolicyArns: [],
      roleBindings: [],
    };
    const trust = b.val(r, 'assume_role_policy');
    if (trust !== undefined) id.trustPolicy = policyFromValue(trust, `${id.name} trust policy`, 'trust', b.attrLoc(r, 'assume_role_policy'), b.pc);
    id.permissionsBoundary = b.str(r, 'permissions_boundary');
    for (const ib of b.blocks(r.block, 'inline_policy')) {
      const pol = b.val(r, 'policy', ib);
      if (pol === undefined) continue;
      const n = b.val(r, 'name', ib);
      id.policies.push(policyFromValue(pol, typeof n === 'string' ? n : `${id.name} inline policy`, 'inline', b.attrLoc(r, 'policy', ib), b.pc));
    }
    const managed = b.val(r, 'managed_policy_arns');
    if (Array.isArray(managed)) {
      managed.forEach((item, i) => attachManaged(b, id, item, locOf(managed, i, b.attrLoc(r, 'managed_policy_arns'))));
    } else if (managed !== undefined && managed !== null) {
      attachManaged(b, id, managed, b.attrLoc(r, 'managed_policy_arns'));
    }
    b.addIdentity(id);
  }
}

/** A policy ARN attached to a role: a policy defined in the files (contents known) or an ARN. */
function attachManaged(b: Builder, id: Identity, arn: Val, loc: Location): void {
  const [pol] = b.refsTo(arn, 'aws_iam_policy');
  if (pol) {
    const nameV = b.val(pol, 'name');
    const doc = policyFromValue(b.val(pol, 'policy') ?? null, typeof nameV === 'string' ? nameV : pol.fullAddr, 'managed', b.attrLoc(pol, 'policy'), b.pc);
    if (!id.policies.some((p) => p.name === doc.name && p.loc.line === doc.loc.line && p.loc.file === doc.loc.file)) id.policies.push(doc);
    return;
  }
  // `data.aws_iam_policy.x.arn` with a static arn/name, or a literal ARN string.
  const [dataPol] = b.refsTo(arn, 'data.aws_iam_policy');
  const dataArn = dataPol ? b.val(dataPol, 'arn') : undefined;
  const dataName = dataPol ? b.val(dataPol, 'name') : undefined;
  const text = typeof dataArn === 'string' ? dataArn : typeof dataName === 'string' ? `arn:aws:iam::aws:policy/${dataName}` : undefined;
  const p = text ? { value: text, loc } : strProp(arn, loc);
  if (p) id.managedPolicyArns.push(p);
}

/** Roles a `role`/`roles` value names: by reference, else by name or ARN. */
function rolesFor(b: Builder, v: Val | undefined, linked: Resource[] = []): Identity[] {
  const out: Identity[] = [];
  for (const r of [...linked, ...b.refsTo(v, 'aws_iam_role')]) {
    const id = b.model.identities.get(roleId(r));
    if (id && !out.includes(id)) out.push(id);
  }
  if (out.length > 0) return out;
  if (typeof v === 'string') {
    const name = v.startsWith('arn:') ? v.slice(v.lastIndexOf('/') + 1) : v;
    for (const r of b.byAttr(['aws_iam_role'], 'name', name)) {
      const id = b.model.identities.get(roleId(r));
      if (id) out.push(id);
    }
  }
  return out;
}

function rolePolicies(b: Builder): void {
  for (const r of b.of('aws_iam_role_policy')) {
    const targets = rolesFor(b, b.val(r, 'role'), b.attrRefs(r, 'role', r.block, 'aws_iam_role'));
    if (targets.length === 0) continue;
    const nameV = b.val(r, 'name');
    const doc = policyFromValue(b.val(r, 'policy') ?? null, b.nameOf(r, nameV), 'inline', b.attrLoc(r, 'policy'), b.pc);
    for (const id of targets) id.policies.push(doc);
  }
  for (const r of b.of('aws_iam_role_policy_attachment')) {
    const arn = b.val(r, 'policy_arn');
    for (const id of rolesFor(b, b.val(r, 'role'), b.attrRefs(r, 'role', r.block, 'aws_iam_role'))) attachManaged(b, id, arn ?? null, b.attrLoc(r, 'policy_arn'));
  }
  for (const r of b.of('aws_iam_policy_attachment')) {
    const arn = b.val(r, 'policy_arn');
    const rolesV = b.val(r, 'roles');
    for (const item of Array.isArray(rolesV) ? rolesV : [rolesV ?? null]) {
      for (const id of rolesFor(b, item)) attachManaged(b, id, arn ?? null, b.attrLoc(r, 'policy_arn'));
    }
  }
}

/** Identity of a function's `role`: a role in the files, or an external one (ARN / unknown). */
function roleIdentity(b: Builder, r: Resource): string | undefined {
  const v = b.val(r, 'role');
  const loc = b.attrLoc(r, 'role');
  if (v === undefined || v === null) return undefined;
  const [known] = rolesFor(b, v, b.attrRefs(r, 'role', r.block, 'aws_iam_role'));
  if (known) return known.id;
  const text = render(v);
  const id = `aws:role:external:${text}`;
  // `data "aws_iam_role"` lookups name the existing role.
  const [lookup] = b.attrRefs(r, 'role', r.block, 'data.aws_iam_role');
  const lookupName = lookup ? b.val(lookup, 'name') : undefined;
  b.addIdentity({
    id,
    cloud: 'aws',
    kind: 'aws-iam-role',
    name: typeof lookupName === 'string' ? lookupName : text.startsWith('arn:') ? text.slice(text.lastIndexOf('/') + 1) : text,
    loc,
    arn: v instanceof Unknown ? { expr: text, loc } : { value: text, loc },
    external: true,
    policies: [],
    managedPolicyArns: [],
    roleBindings: [],
  });
  return id;
}

// ------------------------------------------------------------------ Lambda

/** Where a value comes from a secret store (a reference to a Secrets Manager secret or SSM parameter). */
function awsSecretRef(b: Builder, v: Val): EnvVar['secretRef'] {
  for (const r of b.refsTo(v)) {
    if (r.type.startsWith('aws_secretsmanager_secret')) return 'aws-secrets-manager';
    if (r.type === 'aws_ssm_parameter') return 'aws-ssm';
  }
  return undefined;
}

function lambdaFunctions(b: Builder): void {
  for (const r of b.of('aws_lambda_function')) {
    const nameV = b.val(r, 'function_name');
    const fn: FunctionNode = {
      id: r.id,
      name: b.nameOf(r, nameV),
      cloud: 'aws',
      format: 'terraform',
      loc: b.loc(r),
      triggers: [],
      env: [],
      layers: [],
      permissions: [],
    };
    fn.runtime = b.str(r, 'runtime');
    fn.handler = b.str(r, 'handler');
    // An image_uri alone means an image function (the provider requires package_type = "Image").
    fn.packageType = b.str(r, 'package_type') ?? (b.val(r, 'image_uri') !== undefined ? { value: 'Image', loc: b.attrLoc(r, 'image_uri') } : undefined);
    fn.timeoutSeconds = b.num(r, 'timeout');
    fn.memoryMb = b.num(r, 'memory_size');
    fn.reservedConcurrency = b.num(r, 'reserved_concurrent_executions');
    fn.kmsKey = b.str(r, 'kms_key_arn');
    fn.codeSigning = b.str(r, 'code_signing_config_arn');
    const dlq = b.block(r.block, 'dead_letter_config');
    if (dlq) fn.deadLetter = b.str(r, 'target_arn', dlq);
    const tracing = b.block(r.block, 'tracing_config');
    if (tracing) {
      const mode = b.str(r, 'mode', tracing);
      if (mode) fn.tracing = mode.value !== undefined ? { value: mode.value === 'Active', loc: mode.loc } : { expr: mode.expr, loc: mode.loc };
    }
    const layers = b.val(r, 'layers');
    if (Array.isArray(layers)) {
      layers.forEach((l, i) => {
        const p = strProp(l, locOf(layers, i, b.attrLoc(r, 'layers')));
        if (p) fn.layers.push(layerFrom(p));
      });
    } else if (layers instanceof Unknown) fn.layers.push({ ref: { expr: layers.text, loc: b.attrLoc(r, 'layers') } });
    const env = b.block(r.block, 'environment');
    if (env) fn.env = b.env(r, 'variables', env, (v) => awsSecretRef(b, v));
    const vpc = b.block(r.block, 'vpc_config');
    if (vpc) {
      const subnets = b.list(r, 'subnet_ids', vpc);
      fn.network = {
        loc: { file: r.file, line: vpc.line },
        // An explicitly empty subnet list detaches the function.
        attached: !(subnets?.value && subnets.value.length === 0),
        subnetIds: subnets,
        securityGroupIds: b.list(r, 'security_group_ids', vpc),
      };
    }
    fn.identityId = roleIdentity(b, r);
    if (fn.identityId) fn.identityLoc = b.attrLoc(r, 'role');
    fn.codePath = lambdaCodePath(b, r, fn.handler?.value);
    const tags = b.val(r, 'tags');
    const tagEntries = entries(tags, fn.loc).filter((t) => typeof t.value === 'string');
    if (tagEntries.length > 0) fn.tags = Object.fromEntries(tagEntries.map((t) => [t.key, t.value as string]));
    b.addFunction(fn, r);
  }
}

/** The code behind `filename`/`s3_key`: the archive_file's source dir/file, or the path itself. */
function lambdaCodePath(b: Builder, r: Resource, handler: string | undefined): string | undefined {
  const fileV = b.val(r, 'filename');
  let candidate: string | undefined;
  for (const arch of b.attrRefs(r, 'filename', r.block, 'data.archive_file', 'archive_file')) {
    const dir = b.val(arch, 'source_dir');
    const file = b.val(arch, 'source_file');
    if (typeof dir === 'string') candidate = dir;
    else if (typeof file === 'string') return b.pathInRoot(r, file);
  }
  if (candidate === undefined && typeof fileV === 'string') {
    // `build/handler.zip` next to a `build/handler/` folder or a sources folder of the same name.
    const bare = fileV.replace(/\.(zip|jar)$/i, '');
    candidate = bare !== fileV ? bare : fileV;
  }
  if (candidate === undefined) return undefined;
  // Relative paths in Terraform resolve from the root module's folder.
  const rootRel = rootRelative(r.inst.cwd, candidate);
  if (rootRel === undefined) return undefined;
  return codePathFor('', rootRel, handler, b.model.paths);
}

function lambdaFor(b: Builder, r: Resource, attr = 'function_name'): FunctionNode | undefined {
  return b.functionOf(r, attr, LAMBDA, 'function_name')?.fn;
}

function lambdaPermissions(b: Builder): void {
  for (const r of b.of('aws_lambda_permission')) {
    const fn = lambdaFor(b, r);
    if (!fn) continue;
    const principal = b.str(r, 'principal') ?? { expr: '${principal}', loc: b.loc(r) };
    const p: FunctionNode['permissions'][number] = { principal, loc: b.loc(r) };
    const set = <K extends 'action' | 'sourceArn' | 'sourceAccount' | 'functionUrlAuthType'>(key: K, attr: string) => {
      const v = b.str(r, attr);
      if (v) p[key] = v;
    };
    set('action', 'action');
    set('sourceArn', 'source_arn');
    set('sourceAccount', 'source_account');
    set('functionUrlAuthType', 'function_url_auth_type');
    const org = b.str(r, 'principal_org_id');
    if (org) p.conditions = [`aws:PrincipalOrgID=${org.value ?? org.expr}`];
    fn.permissions.push(p);
  }
}

const URL_AUTH: Record<string, AuthType> = { NONE: 'none', AWS_IAM: 'aws-iam' };

/** A Prop<AuthType> from an attribute through a mapping; absent → `dflt` at the block line. */
function authProp(b: Builder, r: Resource, attr: string, map: Record<string, AuthType>, dflt?: AuthType, block: Block = r.block): Prop<AuthType> | undefined {
  const p = b.str(r, attr, block);
  if (!p) return dflt ? { value: dflt, loc: { file: r.file, line: block.line } } : undefined;
  if (p.value === undefined) return { expr: p.expr, loc: p.loc };
  return { value: map[p.value.toUpperCase()] ?? 'unknown', loc: p.loc };
}

function functionUrls(b: Builder): void {
  for (const r of b.of('aws_lambda_function_url')) {
    const fn = lambdaFor(b, r);
    if (!fn) continue;
    const t: Trigger = { kind: 'function-url', service: 'lambda-url', loc: b.loc(r), public: true };
    t.auth = authProp(b, r, 'authorization_type', URL_AUTH);
    const cors = b.block(r.block, 'cors');
    if (cors) t.cors = b.list(r, 'allow_origins', cors);
    fn.triggers.push(t);
  }
}

/** Trigger kind/service of an event source, from an ARN or the type of the referenced resource. */
function sourceKind(b: Builder, v: Val | undefined): { kind: TriggerKind; service: string } {
  const byType: Record<string, { kind: TriggerKind; service: string }> = {
    aws_sqs_queue: { kind: 'queue', service: 'sqs' },
    aws_kinesis_stream: { kind: 'stream', service: 'kinesis' },
    aws_dynamodb_table: { kind: 'stream', service: 'dynamodb' },
    aws_msk_cluster: { kind: 'stream', service: 'msk' },
    aws_mq_broker: { kind: 'queue', service: 'mq' },
    aws_docdb_cluster: { kind: 'stream', service: 'docdb' },
  };
  for (const r of b.refsTo(v)) if (byType[r.type]) return byType[r.type]!;
  const arn = typeof v === 'string' ? parseArn(v) : undefined;
  const byService: Record<string, { kind: TriggerKind; service: string }> = {
    sqs: byType['aws_sqs_queue']!,
    kinesis: byType['aws_kinesis_stream']!,
    dynamodb: byType['aws_dynamodb_table']!,
    kafka: byType['aws_msk_cluster']!,
    mq: byType['aws_mq_broker']!,
  };
  return (arn && byService[arn.service]) || { kind: 'other', service: 'event-source-mapping' };
}

function eventSources(b: Builder): void {
  for (const r of b.of('aws_lambda_event_source_mapping')) {
    const fn = lambdaFor(b, r);
    if (!fn) continue;
    const src = b.val(r, 'event_source_arn');
    const kind = src !== undefined ? sourceKind(b, src) : { kind: 'stream' as const, service: 'kafka' };
    const t: Trigger = { ...kind, loc: b.loc(r), public: false };
    t.source = b.str(r, 'event_source_arn');
    t.batchSize = b.num(r, 'batch_size');
    fn.triggers.push(t);
  }
}

/** S3 notifications, SNS subscriptions and EventBridge targets that invoke a function. */
function otherTriggers(b: Builder): void {
  for (const r of b.of('aws_s3_bucket_notification')) {
    for (const lf of b.blocks(r.block, 'lambda_function')) {
      const fn = b.functionOf(r, 'lambda_function_arn', LAMBDA, 'function_name', lf)?.fn;
      if (fn) fn.triggers.push({ kind: 'storage', service: 's3', loc: { file: r.file, line: lf.line }, source: b.str(r, 'bucket'), public: false });
    }
  }
  for (const r of b.of('aws_sns_topic_subscription')) {
    if (b.val(r, 'protocol') !== 'lambda') continue;
    const fn = b.functionOf(r, 'endpoint', LAMBDA, 'function_name')?.fn;
    if (fn) fn.triggers.push({ kind: 'topic', service: 'sns', loc: b.loc(r), source: b.str(r, 'topic_arn'), public: false });
  }
  for (const r of b.of('aws_cloudwatch_event_target')) {
    const fn = b.functionOf(r, 'arn', LAMBDA, 'function_name')?.fn;
    if (!fn) continue;
    const [rule] = b.attrRefs(r, 'rule', r.block, 'aws_cloudwatch_event_rule');
    const schedule = rule ? b.str(rule, 'schedule_expression') : undefined;
    fn.triggers.push({
      kind: schedule ? 'schedule' : 'eventbridge',
      service: schedule ? 'schedule' : 'eventbridge',
      loc: b.loc(r),
      source: schedule ?? b.str(r, 'rule'),
      public: false,
    });
  }
}

function logGroups(b: Builder): void {
  const byName = new Map<string, FunctionNode>();
  const byLogGroupRef = new Map<string, FunctionNode>();
  for (const { fn, res } of b.functions.values()) {
    if (fn.cloud !== 'aws') continue;
    byName.set(`/aws/lambda/${fn.name}`, fn);
    // logging_config.log_group names a custom group (by name or by reference).
    const lc = b.block(res.block, 'logging_config');
    if (!lc) continue;
    const custom = b.val(res, 'log_group', lc);
    if (typeof custom === 'string') byName.set(custom, fn);
    for (const g of b.attrRefs(res, 'log_group', lc, 'aws_cloudwatch_log_group')) byLogGroupRef.set(g.id, fn);
  }
  for (const r of b.of('aws_cloudwatch_log_group')) {
    const name = b.val(r, 'name');
    let fn = byLogGroupRef.get(r.id) ?? (typeof name === 'string' ? byName.get(name) : undefined);
    fn ??= b.attrRefs(r, 'name', r.block, 'aws_lambda_function').map((x) => b.functions.get(x.id)?.fn).find((x) => x);
    if (!fn) continue;
    fn.logGroupDefined = true;
    fn.logRetentionDays = b.num(r, 'retention_in_days');
  }
}

// ------------------------------------------------------------------ API Gateway

/** A stable key for "which resource does this value point at" (or its text). */
function refKey(b: Builder, v: Val | undefined): string {
  const [ref] = refsOf(v);
  if (ref) {
    const res = b.cfg.byRef.get(`${ref.module}|${ref.addr}`);
    return `${res?.id ?? `${ref.module}|${ref.addr}`}${ref.attr === 'root_resource_id' ? '#root' : ''}`;
  }
  return render(v ?? null);
}

const REST_AUTH: Record<string, AuthType> = { NONE: 'none', AWS_IAM: 'aws-iam', CUSTOM: 'custom-authorizer', COGNITO_USER_POOLS: 'cognito' };

function apiNode(b: Builder, r: Resource, kind: Api['kind']): Api {
  const nameV = b.val(r, 'name');
  const api: Api = { id: r.id, cloud: 'aws', kind, name: b.nameOf(r, nameV), loc: b.loc(r) };
  b.model.apis.set(api.id, api);
  return api;
}

function apiFor(b: Builder, from: Resource, attr: string, type: string): Api | undefined {
  const [r] = b.attrRefs(from, attr, from.block, type);
  return r ? b.model.apis.get(r.id) : undefined;
}

function restApis(b: Builder): void {
  for (const r of b.of('aws_api_gateway_rest_api')) {
    const api = apiNode(b, r, 'apigw-rest');
    const ep = b.block(r.block, 'endpoint_configuration');
    if (ep) {
      const types = b.list(r, 'types', ep);
      if (types) api.endpointType = types.value ? { value: types.value[0], loc: types.loc } : { expr: types.expr, loc: types.loc };
    }
    const pol = b.val(r, 'policy');
    if (pol !== undefined) api.resourcePolicy = policyFromValue(pol, `${api.name} resource policy`, 'resource', b.attrLoc(r, 'policy'), b.pc);
  }
  for (const r of b.of('aws_api_gateway_rest_api_policy')) {
    const api = apiFor(b, r, 'rest_api_id', 'aws_api_gateway_rest_api');
    if (api) api.resourcePolicy = policyFromValue(b.val(r, 'policy') ?? null, `${api.name} resource policy`, 'resource', b.attrLoc(r, 'policy'), b.pc);
  }
  const stages = new Map<string, Api>();
  for (const r of b.of('aws_api_gateway_stage')) {
    const api = apiFor(b, r, 'rest_api_id', 'aws_api_gateway_rest_api');
    if (!api) continue;
    stages.set(r.id, api);
    stageSettings(b, r, api, 'xray_tracing_enabled');
    const cert = b.str(r, 'client_certificate_id');
    api.clientCertificate = cert ? { value: true, loc: cert.loc } : { value: false, loc: b.loc(r) };
  }
  for (const r of b.of('aws_api_gateway_method_settings')) {
    const api = apiFor(b, r, 'rest_api_id', 'aws_api_gateway_rest_api');
    const s = b.block(r.block, 'settings');
    if (!api || !s) continue;
    const burst = b.num(r, 'throttling_burst_limit', s);
    const rate = b.num(r, 'throttling_rate_limit', s);
    if (burst || rate) api.throttling = { burst, rate };
    const enc = b.bool(r, 'cache_data_encrypted', s) ?? b.bool(r, 'caching_encrypted', s);
    if (enc) api.cacheEncrypted = enc;
  }
  for (const type of ['aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association', 'aws_waf_regional_web_acl_association']) {
    for (const r of b.of(type)) {
      const [stage] = b.attrRefs(r, 'resource_arn', r.block, 'aws_api_gateway_stage', 'aws_apigatewayv2_stage');
      const api = stage ? stages.get(stage.id) ?? apiFor(b, stage, 'api_id', 'aws_apigatewayv2_api') : apiFor(b, r, 'resource_arn', 'aws_api_gateway_rest_api');
      if (api) api.waf = b.str(r, 'web_acl_arn') ?? b.str(r, 'web_acl_id') ?? { expr: r.fullAddr, loc: b.loc(r) };
    }
  }
  restMethods(b);
}

/** Access logging and tracing of a stage; absent settings are recorded as false at the stage. */
function stageSettings(b: Builder, r: Resource, api: Api, tracingAttr?: string): void {
  const logs = b.block(r.block, 'access_log_settings');
  api.accessLogging = logs ? { value: true, loc: { file: r.file, line: logs.line } } : { value: false, loc: b.loc(r) };
  if (tracingAttr) api.tracing = b.bool(r, tracingAttr) ?? { value: false, loc: b.loc(r) };
}

function restMethods(b: Builder): void {
  const paths = new Map<string, string>();
  const pathOf = (res: Resource | undefined, depth = 0): string => {
    if (!res || depth > 40) return '';
    const hit = paths.get(res.id);
    if (hit !== undefined) return hit;
    const [parentRes] = b.attrRefs(res, 'parent_id', res.block, 'aws_api_gateway_resource');
    const part = b.val(res, 'path_part');
    const p = `${parentRes ? pathOf(parentRes, depth + 1) : ''}/${typeof part === 'string' ? part : render(part ?? null)}`;
    paths.set(res.id, p);
    return p;
  };
  const methodKey = (r: Resource) => `${refKey(b, b.val(r, 'rest_api_id'))}|${refKey(b, b.val(r, 'resource_id'))}|${render(b.val(r, 'http_method') ?? null)}`;
  const integrations = new Map<string, Resource>();
  for (const r of b.of('aws_api_gateway_integration')) integrations.set(methodKey(r), r);
  for (const m of b.of('aws_api_gateway_method')) {
    const integ = integrations.get(methodKey(m));
    if (!integ) continue;
    const target = b.functionOf(integ, 'uri', LAMBDA, 'function_name')?.fn ?? lambdaFromInvokeUri(b, b.val(integ, 'uri'));
    if (!target) continue;
    const api = apiFor(b, m, 'rest_api_id', 'aws_api_gateway_rest_api');
    const [resource] = b.attrRefs(m, 'resource_id', m.block, 'aws_api_gateway_resource');
    const method = b.val(m, 'http_method');
    let auth = authProp(b, m, 'authorization', REST_AUTH, 'unknown');
    const apiKey = b.bool(m, 'api_key_required');
    if (auth?.value === 'none' && apiKey?.value === true) auth = { value: 'api-key', loc: apiKey.loc };
    const endpoint = api?.endpointType?.value;
    target.triggers.push({
      kind: 'http',
      service: 'apigw-rest',
      loc: b.loc(m),
      method: typeof method === 'string' ? method.toUpperCase() : render(method ?? null),
      path: resource ? pathOf(resource) : '/',
      auth,
      apiId: api?.id,
      public: endpoint !== 'PRIVATE',
      requestValidation: validatorProp(b, m),
    });
  }
}

/** A request validator on the method (body and/or parameters validated at the gateway). */
function validatorProp(b: Builder, m: Resource): Prop<boolean> {
  const id = b.str(m, 'request_validator_id');
  if (!id) return { value: false, loc: b.loc(m) };
  const [validator] = b.attrRefs(m, 'request_validator_id', m.block, 'aws_api_gateway_request_validator');
  if (!validator) return { value: true, loc: id.loc };
  const body = b.bool(validator, 'validate_request_body');
  const params = b.bool(validator, 'validate_request_parameters');
  return { value: body?.value === true || params?.value === true, loc: id.loc };
}

/** Custom domains: the TLS security policy of the domain an API is mapped to. */
function customDomains(b: Builder): void {
  const mappings: Array<[string, string, string]> = [
    ['aws_api_gateway_base_path_mapping', 'aws_api_gateway_domain_name', 'aws_api_gateway_rest_api'],
    ['aws_apigatewayv2_api_mapping', 'aws_apigatewayv2_domain_name', 'aws_apigatewayv2_api'],
  ];
  for (const [mappingType, domainType, apiType] of mappings) {
    for (const r of b.of(mappingType)) {
      const api = apiFor(b, r, 'api_id', apiType);
      const [domain] = b.attrRefs(r, 'domain_name', r.block, domainType);
      if (!api || !domain) continue;
      const cfg = b.block(domain.block, 'domain_name_configuration');
      // Absent security_policy: the provider default is TLS_1_2 for v2, TLS_1_0 for v1 domains.
      api.minTls = (cfg ? b.str(domain, 'security_policy', cfg) : b.str(domain, 'security_policy')) ?? {
        value: domainType === 'aws_api_gateway_domain_name' ? 'TLS_1_0' : 'TLS_1_2',
        loc: b.loc(domain),
        inherited: true,
      };
    }
  }
}

/** `arn:aws:apigateway:…:lambda:path/2015-03-31/functions/<function arn>/invocations`. */
function lambdaFromInvokeUri(b: Builder, v: Val | undefined): FunctionNode | undefined {
  const text = typeof v === 'string' ? v : v instanceof Unknown ? v.text : undefined;
  const m = text ? /functions\/(arn:[^/]+)\/invocations/.exec(text) : null;
  if (!m) return undefined;
  const name = nameFromArn(m[1]!);
  return [...b.functions.values()].find((f) => f.fn.cloud === 'aws' && f.fn.name === name)?.fn;
}

const HTTP_AUTH: Record<string, AuthType> = { NONE: 'none', AWS_IAM: 'aws-iam', JWT: 'jwt', CUSTOM: 'custom-authorizer' };

function httpApis(b: Builder): void {
  for (const r of b.of('aws_apigatewayv2_api')) {
    const proto = b.val(r, 'protocol_type');
    const api = apiNode(b, r, proto === 'WEBSOCKET' ? 'apigw-websocket' : 'apigw-http');
    const cors = b.block(r.block, 'cors_configuration');
    const target = b.val(r, 'target');
    // Quick-create API: one $default route to the target, without authorization.
    const fn = target !== undefined ? b.functionOf(r, 'target', LAMBDA, 'function_name')?.fn : undefined;
    if (fn) {
      fn.triggers.push({
        kind: 'http',
        service: 'apigw-http',
        loc: b.attrLoc(r, 'target'),
        ...routeParts(b.val(r, 'route_key') ?? '$default'),
        auth: { value: 'none', loc: b.attrLoc(r, 'target') },
        apiId: api.id,
        cors: cors ? b.list(r, 'allow_origins', cors) : undefined,
        public: true,
      });
    }
  }
  for (const r of b.of('aws_apigatewayv2_stage')) {
    const api = apiFor(b, r, 'api_id', 'aws_apigatewayv2_api');
    if (!api) continue;
    stageSettings(b, r, api);
    const s = b.block(r.block, 'default_route_settings');
    if (s) {
      const burst = b.num(r, 'throttling_burst_limit', s);
      const rate = b.num(r, 'throttling_rate_limit', s);
      if (burst || rate) api.throttling = { burst, rate };
    }
  }
  for (const r of b.of('aws_apigatewayv2_route')) {
    const [integ] = b.attrRefs(r, 'target', r.block, 'aws_apigatewayv2_integration');
    const fn = integ ? b.functionOf(integ, 'integration_uri', LAMBDA, 'function_name')?.fn ?? lambdaFromInvokeUri(b, b.val(integ, 'integration_uri')) : undefined;
    if (!fn) continue;
    const apiRes = b.attrRefs(r, 'api_id', r.block, 'aws_apigatewayv2_api')[0];
    const api = apiRes ? b.model.apis.get(apiRes.id) : undefined;
    const cors = apiRes ? b.block(apiRes.block, 'cors_configuration') : undefined;
    fn.triggers.push({
      kind: 'http',
      service: api?.kind === 'apigw-websocket' ? 'apigw-websocket' : 'apigw-http',
      loc: b.loc(r),
      ...routeParts(b.val(r, 'route_key') ?? null),
      auth: authProp(b, r, 'authorization_type', HTTP_AUTH, 'none'),
      apiId: api?.id,
      cors: apiRes && cors ? b.list(apiRes, 'allow_origins', cors) : undefined,
      public: true,
    });
  }
}

/** `GET /items/{id}` → method and path; `$default` → any method, any path. */
function routeParts(v: Val): { method?: string; path?: string } {
  if (typeof v !== 'string') return { path: render(v) };
  const m = /^(\S+)\s+(\S+)$/.exec(v.trim());
  if (m) return { method: m[1]!.toUpperCase(), path: m[2] };
  return { method: 'ANY', path: v };
}

// ------------------------------------------------------------------ CloudTrail

function cloudTrails(b: Builder): void {
  for (const r of b.of('aws_cloudtrail')) {
    const dataEvents = b.blocks(r.block, 'event_selector').some((s) => b.blocks(s, 'data_resource').length > 0) || b.blocks(r.block, 'advanced_event_selector').length > 0;
    b.model.auditTrails.push({
      cloud: 'aws',
      kind: 'cloudtrail',
      loc: b.loc(r),
      multiRegion: b.bool(r, 'is_multi_region_trail'),
      logFileValidation: b.bool(r, 'enable_log_file_validation'),
      kmsKey: b.str(r, 'kms_key_id'),
      dataEvents: { value: dataEvents, loc: b.loc(r) },
    });
  }
}
