/**
 * A resolved serverless.yml → model: functions (provider settings inherited and marked so),
 * the shared generated role `IamRoleLambdaExecution` (or an external `provider.iam.role`),
 * per-function roles (serverless-iam-roles-per-function), the service's REST and HTTP APIs,
 * and `resources` loaded as a CloudFormation stack in which the framework's generated logical
 * ids (`<Name>LambdaFunction`, `IamRoleLambdaExecution`, `ApiGatewayRestApi`, `HttpApi`) resolve.
 */
import type { Api, FunctionNode, Identity, Location, PolicyDocument } from '../../model/types.js';
import { statementsFromJson } from '../aws-common/policy.js';
import { boolProp, intrinsicName, isPlainObject, numProp, render, setDefined, strProp, Unresolved } from '../aws-common/values.js';
import { layerFrom } from '../aws-common/arn.js';
import { codePathFor } from '../aws-common/code-path.js';
import { mergeEnv, vpcNetwork } from '../aws-common/function-parts.js';
import { Stack } from '../cloudformation/stack.js';
import { loadStack } from '../cloudformation/template.js';
import { Props } from '../cloudformation/props.js';
import { identityForRole, newIdentity, roleId } from '../cloudformation/iam.js';
import { newApi } from '../cloudformation/apis.js';
import type { SourceContext } from '../types.js';
import { eventTrigger, urlTrigger, type EventContext } from './events.js';
import type { DocSet } from './variables.js';

type Obj = Record<string, unknown>;

export const SHARED_ROLE = 'IamRoleLambdaExecution';
export const REST_API = 'ApiGatewayRestApi';
export const HTTP_API = 'HttpApi';

/** The framework's logical-id normalisation: `my-fn_x` → `MyDashfnUnderscorex`. */
export function normalizeName(name: string): string {
  const n = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return n.charAt(0).toUpperCase() + n.slice(1);
}

const obj = (v: unknown): Obj => (isPlainObject(v) ? v : {});

export interface ServiceInput {
  ctx: SourceContext;
  file: string;
  serviceDir: string;
  root: Obj;
  docs: DocSet;
  stage: string;
}

export function loadService(input: ServiceInput): void {
  const { ctx, file, root, docs } = input;
  const provider = obj(root['provider']);
  const providerName = render(provider['name']).value;
  if (providerName !== undefined && providerName !== 'aws') {
    ctx.info(file, `provider ${providerName} is not analysed (only AWS serverless.yml is)`, docs.loc(provider, 'name').line);
    return;
  }
  const service = render(isPlainObject(root['service']) ? root['service']['name'] : root['service']).value ?? 'service';
  const stack = new Stack(ctx, { format: 'serverless', stackFile: file, baseDir: input.serviceDir, at: docs });
  const entries = functionEntries(stack, root, file);
  collectResources(stack, root, file, generatedTypes(entries.map(([name]) => name)));
  const at = (c: unknown, k?: string | number): Location => docs.loc(c, k);
  const iam = obj(provider['iam']);
  const roleSetting = iam['role'] ?? provider['role'];
  const roleLoc = iam['role'] !== undefined ? at(iam, 'role') : at(provider, 'role');
  // `iam.role: arn:…`, `role: !GetAtt R.Arn`… replace the generated role for every function.
  const usesOtherRole = roleSetting !== undefined && (!isPlainObject(roleSetting) || intrinsicName(roleSetting) !== undefined);
  const shared = usesOtherRole ? undefined : buildSharedRole(stack, root, provider, file);
  if (shared) stack.identities.set(SHARED_ROLE, shared);

  // `apiGateway.restApiId` / `httpApi.id`: endpoints join an API of another stack (settings unknown).
  let rest: Api | undefined;
  let http: Api | undefined;
  const sharedRest = obj(provider['apiGateway'])['restApiId'] !== undefined;
  const sharedHttp = obj(provider['httpApi'])['id'] !== undefined;
  const ec: EventContext = {
    at: docs,
    r: stack,
    provider,
    restApi: (loc) => (sharedRest ? undefined : (rest ??= restApi(stack, provider, service, input.stage, loc))),
    httpApi: (loc) => (sharedHttp ? undefined : (http ??= httpApi(stack, provider, service, input.stage, loc))),
    info: (loc, message) => ctx.info(loc.file, message, loc.line),
    warn: (loc, message) => ctx.warn(loc.file, message, loc.line),
  };

  const pendingRoles: { fn: FunctionNode; value: unknown; loc: Location }[] = [];
  for (const [name, conf, loc] of entries) {
    const fn = buildFunction(stack, ec, name, conf, loc, provider, service, input);
    const perFunction = conf['iamRoleStatements'];
    if (conf['role'] !== undefined) {
      pendingRoles.push({ fn, value: conf['role'], loc: at(conf, 'role') });
    } else if (perFunction !== undefined) {
      const identity = perFunctionRole(stack, root, provider, name, conf, loc);
      fn.identityId = identity.id;
      fn.identityLoc = at(conf, 'iamRoleStatements');
    } else if (shared) {
      ctx.model.identities.set(shared.id, shared);
      fn.identityId = shared.id;
      fn.identityLoc = shared.loc;
    } else {
      pendingRoles.push({ fn, value: roleSetting, loc: roleLoc });
    }
  }
  loadStack(stack);
  // Roles named by logical id or GetAtt live in `resources`, loaded just above.
  for (const p of pendingRoles) {
    const identity = identityForRole(stack, p.value, p.loc);
    if (!identity) continue;
    ctx.model.identities.set(identity.id, identity);
    p.fn.identityId = identity.id;
    p.fn.identityLoc = p.loc;
  }
}

/** `functions:` as a map, or a list of maps (several `${file(…)}` includes). */
function functionEntries(stack: Stack, root: Obj, file: string): [string, Obj, Location][] {
  const fns = root['functions'];
  if (fns === undefined || fns === null) return [];
  const maps = Array.isArray(fns) ? fns : [fns];
  const out: [string, Obj, Location][] = [];
  for (const m of maps) {
    if (!isPlainObject(m)) {
      const loc = stack.loc(root, 'functions');
      stack.ctx.warn(loc.file || file, `functions is not a map${m instanceof Unresolved ? ` (${m.expr} not resolved)` : ''}; skipped`, loc.line);
      continue;
    }
    for (const [name, conf] of Object.entries(m)) {
      const loc = stack.loc(m, name);
      if (!isPlainObject(conf)) {
        stack.ctx.warn(loc.file, `function ${name} is not a map; skipped`, loc.line);
        continue;
      }
      out.push([name, conf, loc]);
    }
  }
  return out;
}

function providerStatements(stack: Stack, provider: Obj): { list: unknown; loc: Location } | undefined {
  const role = obj(obj(provider['iam'])['role']);
  if (role['statements'] !== undefined) return { list: role['statements'], loc: stack.loc(role, 'statements') };
  if (provider['iamRoleStatements'] !== undefined) return { list: provider['iamRoleStatements'], loc: stack.loc(provider, 'iamRoleStatements') };
  return undefined;
}

function statementsDoc(stack: Stack, name: string, list: unknown, loc: Location): PolicyDocument {
  if (list !== undefined && !Array.isArray(list)) stack.warn(`${name} is not a list of statements`, loc);
  return {
    name, loc, kind: 'inline',
    statements: statementsFromJson(list, stack.opts.at, { resolver: stack, onWarn: (m, l) => stack.warn(m, l) }),
  };
}

/** The role the framework generates for every function without its own. */
function buildSharedRole(stack: Stack, root: Obj, provider: Obj, file: string): Identity {
  const iam = obj(provider['iam']);
  const role = obj(iam['role']);
  const stmts = providerStatements(stack, provider);
  const loc = isPlainObject(iam['role']) ? stack.loc(iam, 'role') : stmts?.loc ?? (root['provider'] !== undefined ? stack.loc(root, 'provider') : { file, line: 1 });
  const identity = newIdentity(roleId(stack, SHARED_ROLE), render(role['name']).value ?? SHARED_ROLE, loc);
  identity.generated = true;
  if (stmts) identity.policies.push(statementsDoc(stack, `${SHARED_ROLE} statements`, stmts.list, stmts.loc));
  applyProviderRoleSettings(stack, provider, identity, true);
  return identity;
}

/** Provider managed policies (`iam.role.managedPolicies` / `iamManagedPolicies`) and permissions boundary. */
function applyProviderRoleSettings(stack: Stack, provider: Obj, identity: Identity, withManaged: boolean): void {
  const role = obj(obj(provider['iam'])['role']);
  const [mc, mk] = role['managedPolicies'] !== undefined ? [role, 'managedPolicies'] : [provider, 'iamManagedPolicies'];
  const list = mc[mk];
  if (withManaged && Array.isArray(list)) {
    list.forEach((item, i) => {
      const p = strProp(item, stack.loc(list, i), stack);
      if (p) identity.managedPolicyArns.push(p);
    });
  }
  const [bc, bk] = role['permissionsBoundary'] !== undefined ? [role, 'permissionsBoundary'] : [provider, 'rolePermissionsBoundary'];
  const boundary = bc[bk] !== undefined ? strProp(bc[bk], stack.loc(bc, bk), stack) : undefined;
  if (boundary) identity.permissionsBoundary = boundary;
}

/** serverless-iam-roles-per-function: a role per function, optionally inheriting provider statements. */
function perFunctionRole(stack: Stack, root: Obj, provider: Obj, name: string, conf: Obj, fnLoc: Location): Identity {
  const logicalId = `${normalizeName(name)}IamRoleLambdaExecution`;
  const loc = stack.loc(conf, 'iamRoleStatements');
  const identity = newIdentity(roleId(stack, logicalId), render(conf['iamRoleStatementsName']).value ?? logicalId, loc ?? fnLoc);
  identity.generated = true;
  identity.policies.push(statementsDoc(stack, `${name} iamRoleStatements`, conf['iamRoleStatements'], loc));
  const pluginConf = obj(obj(root['custom'])['serverless-iam-roles-per-function']);
  const inherit = render(conf['iamRoleStatementsInherit'] ?? pluginConf['defaultInherit']).value === 'true';
  const stmts = providerStatements(stack, provider);
  if (inherit && stmts) identity.policies.push(statementsDoc(stack, `${SHARED_ROLE} statements`, stmts.list, stmts.loc));
  // The plugin applies the provider's boundary to every role, and its managed policies when inheriting.
  applyProviderRoleSettings(stack, provider, identity, inherit);
  stack.identities.set(logicalId, identity);
  stack.ctx.model.identities.set(identity.id, identity);
  return identity;
}

function buildFunction(stack: Stack, ec: EventContext, name: string, conf: Obj, loc: Location, provider: Obj, service: string, input: ServiceInput): FunctionNode {
  const p = new Props(stack, conf, provider);
  const own = new Props(stack, conf);
  const logicalId = `${normalizeName(name)}LambdaFunction`;
  const fn: FunctionNode = {
    id: `${input.file}#${name}`, name, cloud: 'aws', format: 'serverless', loc, triggers: [], env: [], layers: [], permissions: [],
  };
  const set = <K extends keyof FunctionNode>(key: K, v: FunctionNode[K] | undefined): void => setDefined(fn, key, v);
  set('handler', own.str('handler'));
  if (conf['image'] !== undefined) fn.packageType = { value: 'Image', loc: stack.loc(conf, 'image') };
  else set('runtime', p.str('runtime'));
  set('timeoutSeconds', p.num('timeout'));
  set('memoryMb', p.num('memorySize'));
  set('kmsKey', p.str('kmsKeyArn'));
  set('reservedConcurrency', own.num('reservedConcurrency'));
  const envOwn = conf['environment'];
  const envProvider = provider['environment'];
  if (envOwn !== undefined || envProvider !== undefined) fn.env = mergeEnv(envOwn, envProvider, stack.opts.at, stack);
  if (envOwn instanceof Unresolved) {
    const l = stack.loc(conf, 'environment');
    stack.ctx.info(l.file, `environment of function ${name} is ${envOwn.expr}, not resolved: its variables are not analysed`, l.line);
  }
  const vpc = p.get('vpc');
  if (vpc) set('network', vpcNetwork(vpc.value, vpc.loc, stack.opts.at, stack, vpc.inherited));
  // Function layers replace the provider's.
  const layers = p.get('layers');
  if (layers && Array.isArray(layers.value)) {
    const list = layers.value;
    list.forEach((item, i) => {
      const ref = strProp(item, stack.loc(list, i), stack, layers.inherited);
      if (ref) fn.layers.push(layerFrom(ref));
    });
  }
  const tracing = conf['tracing'] !== undefined
    ? { value: conf['tracing'], loc: stack.loc(conf, 'tracing'), inherited: false }
    : obj(provider['tracing'])['lambda'] !== undefined
      ? { value: obj(provider['tracing'])['lambda'], loc: stack.loc(obj(provider['tracing']), 'lambda'), inherited: true }
      : undefined;
  if (tracing) {
    const t = render(tracing.value, stack).value?.toLowerCase();
    fn.tracing = t === undefined ? { expr: render(tracing.value, stack).expr, loc: tracing.loc } : { value: t === 'true' || t === 'active', loc: tracing.loc };
    if (tracing.inherited) fn.tracing.inherited = true;
  }
  if (render(conf['disableLogs']).value !== 'true') {
    fn.logGroupDefined = true;
    const retention = p.get('logRetentionInDays');
    if (retention) set('logRetentionDays', numProp(retention.value, retention.loc, stack, retention.inherited));
  }
  const onFailure = obj(conf['destinations'])['onFailure'];
  if (conf['onError'] !== undefined) set('deadLetter', strProp(conf['onError'], stack.loc(conf, 'onError'), stack));
  else if (onFailure !== undefined) set('deadLetter', strProp(isPlainObject(onFailure) && onFailure['arn'] ? onFailure['arn'] : onFailure, stack.loc(obj(conf['destinations']), 'onFailure'), stack));
  const handler = fn.handler?.value;
  const codePath = handler ? codePathFor(input.serviceDir, '', handler, stack.ctx.model.paths) : undefined;
  if (codePath) fn.codePath = codePath;
  const events = conf['events'];
  if (Array.isArray(events)) {
    events.forEach((item, i) => {
      const t = eventTrigger(ec, item, stack.loc(events, i));
      if (t) fn.triggers.push(t);
    });
  } else if (events !== undefined && events !== null) {
    const l = stack.loc(conf, 'events');
    stack.ctx.warn(l.file, `events of function ${name} is not a list; skipped`, l.line);
  }
  const url = urlTrigger(ec, conf['url'], stack.loc(conf, 'url'));
  if (url) fn.triggers.push(url);
  const tags = { ...stringMap(provider['tags']), ...stringMap(conf['tags']) };
  if (Object.keys(tags).length > 0) fn.tags = tags;
  // Make the generated logical id and the deployed name resolvable from `resources`.
  const deployed = render(conf['name'], stack).value ?? `${service}-${input.stage}-${name}`;
  stack.functions.set(logicalId, fn);
  stack.functionNames.set(deployed, fn);
  stack.logGroupNames.set(`/aws/lambda/${deployed}`, fn);
  stack.ctx.model.functions.push(fn);
  return fn;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) {
    const s = render(x).value;
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** The service's REST API (`ApiGatewayRestApi`) with provider-level settings. */
function restApi(stack: Stack, provider: Obj, service: string, stage: string, first: Location): Api {
  const gw = obj(provider['apiGateway']);
  const loc = provider['apiGateway'] !== undefined ? stack.loc(provider, 'apiGateway') : first;
  const api = newApi(stack, REST_API, 'apigw-rest', `${stage}-${service}`, loc);
  const endpoint = strProp(provider['endpointType'], stack.loc(provider, 'endpointType'), stack);
  if (provider['endpointType'] !== undefined && endpoint) api.endpointType = endpoint;
  // usagePlan: {throttle} or a list of named plans [{free: {throttle}}].
  const plans = Array.isArray(gw['usagePlan']) ? gw['usagePlan'].flatMap((p) => Object.values(obj(p))) : [gw['usagePlan']];
  for (const plan of plans) {
    const throttle = obj(obj(plan)['throttle']);
    if (Object.keys(throttle).length === 0) continue;
    api.throttling ??= {};
    api.throttling.burst ??= numProp(throttle['burstLimit'], stack.loc(throttle, 'burstLimit'), stack);
    api.throttling.rate ??= numProp(throttle['rateLimit'], stack.loc(throttle, 'rateLimit'), stack);
  }
  const logs = obj(provider['logs']);
  if (logs['restApi'] !== undefined) {
    const v = logs['restApi'];
    const enabled = isPlainObject(v) ? render(v['accessLogging'] ?? true).value !== 'false' : render(v).value === 'true';
    api.accessLogging = { value: enabled, loc: stack.loc(logs, 'restApi') };
  }
  const tracing = obj(provider['tracing']);
  if (tracing['apiGateway'] !== undefined) api.tracing = boolProp(tracing['apiGateway'], stack.loc(tracing, 'apiGateway'), stack);
  const rp = gw['resourcePolicy'] ?? provider['resourcePolicy'];
  if (rp !== undefined) {
    const rpLoc = gw['resourcePolicy'] !== undefined ? stack.loc(gw, 'resourcePolicy') : stack.loc(provider, 'resourcePolicy');
    api.resourcePolicy = { ...statementsDoc(stack, `${api.name} resource policy`, rp, rpLoc), kind: 'resource' };
  }
  return api;
}

function httpApi(stack: Stack, provider: Obj, service: string, stage: string, first: Location): Api {
  const h = obj(provider['httpApi']);
  const loc = provider['httpApi'] !== undefined ? stack.loc(provider, 'httpApi') : first;
  const api = newApi(stack, HTTP_API, 'apigw-http', render(h['name']).value ?? `${stage}-${service}`, loc);
  const logs = obj(provider['logs']);
  if (logs['httpApi'] !== undefined) {
    const v = logs['httpApi'];
    api.accessLogging = { value: isPlainObject(v) || render(v).value === 'true', loc: stack.loc(logs, 'httpApi') };
  }
  return api;
}

/** Types of the resources the framework generates, for `resources` entries that only override properties. */
function generatedTypes(functionNames: string[]): (logicalId: string) => string | undefined {
  const types = new Map<string, string>([
    [SHARED_ROLE, 'AWS::IAM::Role'], [REST_API, 'AWS::ApiGateway::RestApi'], [HTTP_API, 'AWS::ApiGatewayV2::Api'],
  ]);
  for (const name of functionNames) {
    types.set(`${normalizeName(name)}LambdaFunction`, 'AWS::Lambda::Function');
    types.set(`${normalizeName(name)}LogGroup`, 'AWS::Logs::LogGroup');
  }
  return (id) => types.get(id);
}

/** `resources`: a CloudFormation fragment, a list of fragments, or includes resolved to those. */
function collectResources(stack: Stack, root: Obj, file: string, typeOf: (logicalId: string) => string | undefined): void {
  const res = root['resources'];
  if (res === undefined || res === null) return;
  const list = Array.isArray(res) ? res : [res];
  list.forEach((fragment, i) => {
    const loc = Array.isArray(res) ? stack.loc(res, i) : stack.loc(root, 'resources');
    if (fragment instanceof Unresolved) {
      stack.ctx.warn(loc.file || file, `resources entry ${fragment.expr} not resolved; skipped`, loc.line);
    } else if (!isPlainObject(fragment)) {
      stack.ctx.warn(loc.file || file, 'resources entry is not a map; skipped', loc.line);
    } else {
      stack.collect(fragment, typeOf);
      // v3 `extensions` only ever override generated resources.
      if (isPlainObject(fragment['extensions'])) stack.collect({ Resources: fragment['extensions'] }, typeOf);
    }
  });
}
