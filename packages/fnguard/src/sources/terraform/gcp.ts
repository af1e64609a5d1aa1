/**
 * GCP Cloud Functions (1st and 2nd gen) in Terraform (google provider) → model: settings,
 * environment and Secret Manager variables, service accounts (default ones when unset),
 * invoker bindings (Cloud Functions and, for 2nd gen, Cloud Run) and project-level role bindings.
 */
import type { FunctionNode, GcpSettings, Location, Permission, Prop, RoleBinding, Trigger } from '../../model/types.js';
import type { Block } from './hcl.js';
import { locOf, render, type Val } from './eval.js';
import type { Resource } from './load.js';
import { Builder, entries, strProp } from './build.js';

const V1 = 'google_cloudfunctions_function';
const V2 = 'google_cloudfunctions2_function';

/** Default service accounts a function runs as when none is set. */
const DEFAULT_SA = {
  appengine: { id: 'gcp:sa:default:appengine', name: 'App Engine default service account (PROJECT_ID@appspot.gserviceaccount.com)' },
  compute: { id: 'gcp:sa:default:compute', name: 'Compute Engine default service account (PROJECT_NUMBER-compute@developer.gserviceaccount.com)' },
} as const;

export function loadGcp(b: Builder): void {
  serviceAccounts(b);
  for (const r of b.of(V1)) functionV1(b, r);
  for (const r of b.of(V2)) functionV2(b, r);
  invokerBindings(b);
  projectBindings(b);
  httpExposure(b);
}

const saId = (r: Resource) => `gcp:sa:${r.id}`;

function serviceAccounts(b: Builder): void {
  for (const r of b.of('google_service_account')) {
    const account = b.val(r, 'account_id');
    const project = b.val(r, 'project');
    const loc = b.loc(r);
    b.addIdentity({
      id: saId(r),
      cloud: 'gcp',
      kind: 'gcp-service-account',
      name: typeof account === 'string' ? account : r.fullAddr,
      loc,
      arn:
        typeof account === 'string' && typeof project === 'string'
          ? { value: `${account}@${project}.iam.gserviceaccount.com`, loc: b.attrLoc(r, 'account_id') }
          : { expr: `\${${r.fullAddr}.email}`, loc: b.attrLoc(r, 'account_id') },
      policies: [],
      managedPolicyArns: [],
      roleBindings: [],
    });
  }
}

function defaultIdentity(b: Builder, which: keyof typeof DEFAULT_SA, loc: Location): string {
  const d = DEFAULT_SA[which];
  return b.addIdentity({ id: d.id, cloud: 'gcp', kind: 'gcp-service-account', name: d.name, loc, isDefault: true, generated: true, policies: [], managedPolicyArns: [], roleBindings: [] }).id;
}

/** Identity of a service-account value (reference, e-mail or member string). */
function saIdentity(b: Builder, v: Val | undefined, loc: Location, createExternal: boolean): string | undefined {
  if (v === undefined || v === null) return undefined;
  const [sa] = b.refsTo(v, 'google_service_account');
  if (sa) return saId(sa);
  const text = render(v).replace(/^serviceAccount:/, '');
  if (/-compute@developer\.gserviceaccount\.com$/.test(text)) return defaultIdentity(b, 'compute', loc);
  if (/@appspot\.gserviceaccount\.com$/.test(text)) return defaultIdentity(b, 'appengine', loc);
  const m = /^([^@]+)@/.exec(text);
  if (m) {
    const [byAccount] = b.byAttr(['google_service_account'], 'account_id', m[1]!);
    if (byAccount) return saId(byAccount);
  }
  if (!createExternal) return undefined;
  const id = `gcp:sa:external:${text}`;
  b.addIdentity({ id, cloud: 'gcp', kind: 'gcp-service-account', name: text, loc, external: true, arn: strProp(v, loc), policies: [], managedPolicyArns: [], roleBindings: [] });
  return id;
}

function newFunction(b: Builder, r: Resource): FunctionNode {
  const nameV = b.val(r, 'name');
  return {
    id: r.id,
    name: b.nameOf(r, nameV),
    cloud: 'gcp',
    format: 'terraform',
    loc: b.loc(r),
    triggers: [],
    env: [],
    layers: [],
    permissions: [],
  };
}

/** `secret_environment_variables` blocks → gcp.secretEnv and Secret Manager env vars. */
function secretEnv(b: Builder, r: Resource, parent: Block, fn: FunctionNode, gcp: GcpSettings): void {
  for (const s of b.blocks(parent, 'secret_environment_variables')) {
    const key = b.str(r, 'key', s);
    if (!key) continue;
    (gcp.secretEnv ??= []).push(key);
    const secret = b.str(r, 'secret', s);
    fn.env.push({ name: key.value ?? key.expr ?? '?', expr: `secret:${secret?.value ?? secret?.expr ?? '?'}`, loc: key.loc, secretRef: 'gcp-secret-manager' });
  }
  for (const s of b.blocks(parent, 'secret_volumes')) {
    const mount = b.str(r, 'mount_path', s);
    if (mount) (gcp.secretEnv ??= []).push(mount);
  }
}

function eventTrigger(b: Builder, r: Resource, et: Block, sourceAttr: string): Trigger {
  const type = b.val(r, 'event_type', et);
  const text = typeof type === 'string' ? type : '';
  const kind: Trigger['kind'] = /pubsub/i.test(text) ? 'topic' : /storage/i.test(text) ? 'storage' : 'other';
  const service = kind === 'topic' ? 'gcp-pubsub' : kind === 'storage' ? 'gcs' : /firestore/i.test(text) ? 'gcp-firestore' : 'gcp-event';
  return { kind, service, loc: { file: r.file, line: et.line }, source: b.str(r, sourceAttr, et) ?? strProp(type, b.attrLoc(r, 'event_type', et)), public: false };
}

/** Archive built from a local folder (`google_storage_bucket_object.source = data.archive_file.x.output_path`). */
function codePath(b: Builder, r: Resource, attr: string, block: Block = r.block): string | undefined {
  for (const obj of b.attrRefs(r, attr, block, 'google_storage_bucket_object')) {
    for (const arch of b.attrRefs(obj, 'source', obj.block, 'data.archive_file', 'archive_file')) {
      const dir = b.val(arch, 'source_dir');
      const file = b.val(arch, 'source_file');
      const p = typeof dir === 'string' ? dir : typeof file === 'string' ? file : undefined;
      if (p !== undefined) return b.pathInRoot(arch, p) ?? b.dirInRoot(arch, p);
    }
  }
  return undefined;
}

function functionV1(b: Builder, r: Resource): void {
  const fn = newFunction(b, r);
  const gcp: GcpSettings = { generation: 1 };
  fn.runtime = b.str(r, 'runtime');
  fn.handler = b.str(r, 'entry_point');
  fn.timeoutSeconds = b.num(r, 'timeout');
  fn.memoryMb = b.num(r, 'available_memory_mb');
  // Instance cap: the closest thing to a concurrency limit on GCP.
  fn.reservedConcurrency = b.num(r, 'max_instances');
  fn.kmsKey = b.str(r, 'kms_key_name');
  // Build-time variables end up in the build logs and image: read like runtime ones.
  fn.env = [...b.env(r, 'environment_variables'), ...b.env(r, 'build_environment_variables')];
  secretEnv(b, r, r.block, fn, gcp);
  gcp.ingress = b.str(r, 'ingress_settings');
  gcp.dockerRegistry = b.str(r, 'docker_registry');
  gcp.httpsTriggerSecurity = b.str(r, 'https_trigger_security_level');
  fn.network = connectorNetwork(b, r, r.block, gcp.ingress);
  const http = b.bool(r, 'trigger_http');
  if (http?.value !== false && http) fn.triggers.push({ kind: 'http', service: 'gcp-http', loc: http.loc, public: false, auth: { value: 'gcp-iam', loc: http.loc } });
  const et = b.block(r.block, 'event_trigger');
  if (et) fn.triggers.push(eventTrigger(b, r, et, 'resource'));
  const sa = b.val(r, 'service_account_email');
  gcp.serviceAccountSet = sa !== undefined && sa !== null;
  fn.identityId = gcp.serviceAccountSet ? saIdentity(b, sa, b.attrLoc(r, 'service_account_email'), true) : defaultIdentity(b, 'appengine', fn.loc);
  fn.identityLoc = gcp.serviceAccountSet ? b.attrLoc(r, 'service_account_email') : fn.loc;
  fn.codePath = codePath(b, r, 'source_archive_object');
  fn.gcp = gcp;
  labels(b, r, fn);
  b.addFunction(fn, r);
}

function functionV2(b: Builder, r: Resource): void {
  const fn = newFunction(b, r);
  const gcp: GcpSettings = { generation: 2 };
  const build = b.block(r.block, 'build_config');
  const svc = b.block(r.block, 'service_config');
  if (build) {
    fn.runtime = b.str(r, 'runtime', build);
    fn.handler = b.str(r, 'entry_point', build);
    gcp.dockerRegistry = b.str(r, 'docker_repository', build);
    const bsa = b.val(r, 'service_account', build);
    gcp.buildServiceAccountSet = bsa !== undefined && bsa !== null;
    const storage = b.block(build, 'source');
    const ss = storage ? b.block(storage, 'storage_source') : undefined;
    if (ss) fn.codePath = codePath(b, r, 'object', ss);
    fn.env.push(...b.env(r, 'environment_variables', build));
  }
  fn.kmsKey = b.str(r, 'kms_key_name');
  let sa: Val | undefined;
  if (svc) {
    gcp.ingress = b.str(r, 'ingress_settings', svc);
    fn.timeoutSeconds = b.num(r, 'timeout_seconds', svc);
    fn.reservedConcurrency = b.num(r, 'max_instance_count', svc);
    fn.memoryMb = memoryMb(b.str(r, 'available_memory', svc));
    fn.env.push(...b.env(r, 'environment_variables', svc));
    secretEnv(b, r, svc, fn, gcp);
    fn.network = connectorNetwork(b, r, svc, gcp.ingress);
    sa = b.val(r, 'service_account_email', svc);
  }
  gcp.serviceAccountSet = sa !== undefined && sa !== null;
  const saLoc = svc ? b.attrLoc(r, 'service_account_email', svc) : fn.loc;
  fn.identityId = gcp.serviceAccountSet ? saIdentity(b, sa, saLoc, true) : defaultIdentity(b, 'compute', fn.loc);
  fn.identityLoc = gcp.serviceAccountSet ? saLoc : fn.loc;
  const et = b.block(r.block, 'event_trigger');
  // A 2nd-gen function without an event trigger is an HTTP function (served by Cloud Run).
  if (et) fn.triggers.push(eventTrigger(b, r, et, 'pubsub_topic'));
  else fn.triggers.push({ kind: 'http', service: 'gcp-http', loc: fn.loc, public: false, auth: { value: 'gcp-iam', loc: fn.loc } });
  fn.gcp = gcp;
  labels(b, r, fn);
  b.addFunction(fn, r);
}

/** `256M` / `1Gi` / `512Mi` → megabytes. */
function memoryMb(p: Prop<string> | undefined): Prop<number> | undefined {
  if (!p) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(M|Mi|G|Gi|K|Ki)?$/.exec(p.value ?? '');
  if (!m) return { expr: p.value ?? p.expr, loc: p.loc };
  const n = Number(m[1]);
  const unit = m[2] ?? 'M';
  const mb = unit.startsWith('G') ? n * 1024 : unit.startsWith('K') ? n / 1024 : n;
  return { value: mb, loc: p.loc };
}

function labels(b: Builder, r: Resource, fn: FunctionNode): void {
  const l = entries(b.val(r, 'labels'), fn.loc).filter((t) => typeof t.value === 'string');
  if (l.length > 0) fn.tags = Object.fromEntries(l.map((t) => [t.key, t.value as string]));
}

function connectorNetwork(b: Builder, r: Resource, block: Block, ingress: Prop<string> | undefined): FunctionNode['network'] {
  const connector = b.str(r, 'vpc_connector', block);
  const egress = b.str(r, 'vpc_connector_egress_settings', block);
  if (!connector && !egress && !ingress) return undefined;
  return {
    loc: connector?.loc ?? egress?.loc ?? ingress!.loc,
    attached: !!connector,
    subnetIds: connector ? (connector.value !== undefined ? { value: [connector.value], loc: connector.loc } : { expr: connector.expr, loc: connector.loc }) : undefined,
    egress,
    ingress,
  };
}

/** Resources whose IAM grants invoke one function: `_iam_member`, `_iam_binding`, `_iam_policy`. */
const INVOKER_BASES: Array<{ base: string; fnAttr: string; fnTypes: string[] }> = [
  { base: 'google_cloudfunctions_function', fnAttr: 'cloud_function', fnTypes: [V1] },
  { base: 'google_cloudfunctions2_function', fnAttr: 'cloud_function', fnTypes: [V2] },
  // 2nd gen functions are Cloud Run services of the same name.
  { base: 'google_cloud_run_service', fnAttr: 'service', fnTypes: [V2] },
  { base: 'google_cloud_run_v2_service', fnAttr: 'name', fnTypes: [V2] },
];

export const GCP_IAM_TYPES = INVOKER_BASES.flatMap(({ base }) => [`${base}_iam_member`, `${base}_iam_binding`, `${base}_iam_policy`]);

/** Members of an `_iam_member` (`member`) or a binding (`members`), each with its line and raw value. */
function members(b: Builder, r: Resource, block: Block = r.block): Array<{ member: Prop<string>; raw: Val }> {
  const oneV = b.val(r, 'member', block);
  const one = strProp(oneV, b.attrLoc(r, 'member', block));
  if (one) return [{ member: one, raw: oneV! }];
  const list = b.val(r, 'members', block);
  const at = b.attrLoc(r, 'members', block);
  if (!Array.isArray(list)) {
    const p = strProp(list, at);
    return p ? [{ member: p, raw: list! }] : [];
  }
  return list.flatMap((m, i) => {
    const p = strProp(m, locOf(list, i, at));
    return p ? [{ member: p, raw: m }] : [];
  });
}

function conditionOf(b: Builder, r: Resource, block: Block = r.block): string[] | undefined {
  const c = b.block(block, 'condition');
  if (!c) return undefined;
  const expr = b.str(r, 'expression', c);
  return [expr?.value ?? expr?.expr ?? 'condition'];
}

/** Grants of one role (`role` + members) in `block` of `r` → permissions on fn. */
function grant(b: Builder, fn: FunctionNode, r: Resource, block: Block = r.block): void {
  const role = b.str(r, 'role', block);
  const conditions = conditionOf(b, r, block);
  for (const { member } of members(b, r, block)) {
    const p: Permission = { principal: member, loc: member.loc };
    if (role) p.action = role;
    if (conditions) p.conditions = conditions;
    fn.permissions.push(p);
  }
}

function invokerBindings(b: Builder): void {
  for (const { base, fnAttr, fnTypes } of INVOKER_BASES) {
    for (const r of [...b.of(`${base}_iam_member`), ...b.of(`${base}_iam_binding`)]) {
      const fn = b.functionOf(r, fnAttr, fnTypes, 'name')?.fn;
      if (fn) grant(b, fn, r);
    }
    // Authoritative policies: the bindings of a `data "google_iam_policy"`.
    for (const r of b.of(`${base}_iam_policy`)) {
      const fn = b.functionOf(r, fnAttr, fnTypes, 'name')?.fn;
      if (!fn) continue;
      for (const pol of b.attrRefs(r, 'policy_data', r.block, 'data.google_iam_policy')) {
        for (const binding of b.blocks(pol.block, 'binding')) grant(b, fn, pol, binding);
      }
    }
  }
}

const SCOPE_TYPES: Array<{ prefix: string; level: RoleBinding['scopeLevel']; scopeAttr: string }> = [
  { prefix: 'google_project_iam_', level: 'project', scopeAttr: 'project' },
  { prefix: 'google_folder_iam_', level: 'folder', scopeAttr: 'folder' },
  { prefix: 'google_organization_iam_', level: 'organization', scopeAttr: 'org_id' },
];

/** Project/folder/organization role grants to service accounts → RoleBindings on those identities. */
function projectBindings(b: Builder): void {
  for (const { prefix, level, scopeAttr } of SCOPE_TYPES) {
    for (const suffix of ['member', 'binding']) {
      for (const r of b.of(prefix + suffix)) {
        const role = b.str(r, 'role') ?? { expr: '${role}', loc: b.loc(r) };
        const scope = b.str(r, scopeAttr) ?? { expr: `\${${scopeAttr}}`, loc: b.loc(r) };
        for (const { member, raw } of members(b, r)) {
          const text = member.value ?? member.expr ?? '';
          if (!text.startsWith('serviceAccount:')) continue;
          const id = saIdentity(b, raw, member.loc, false);
          const identity = id ? b.model.identities.get(id) : undefined;
          if (!identity) continue;
          identity.roleBindings.push({ role, scope, scopeLevel: level, loc: member.loc });
        }
      }
    }
  }
}

/** After IAM: an HTTP function invokable by allUsers / allAuthenticatedUsers is public. */
function httpExposure(b: Builder): void {
  for (const { fn } of b.functions.values()) {
    if (fn.cloud !== 'gcp') continue;
    const open = fn.permissions.find((p) => /^(allUsers|allAuthenticatedUsers)$/.test(p.principal.value ?? '') && /invoker/i.test(p.action?.value ?? ''));
    const internalOnly = /INTERNAL_ONLY/.test(fn.gcp?.ingress?.value ?? '');
    for (const t of fn.triggers) {
      if (t.kind !== 'http') continue;
      if (open) t.auth = { value: open.principal.value === 'allUsers' ? 'none' : 'gcp-iam', loc: open.loc };
      t.public = !!open && !internalOnly;
    }
  }
}
