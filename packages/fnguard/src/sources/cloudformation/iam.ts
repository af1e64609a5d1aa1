/**
 * IAM resources of a stack → model identities: `AWS::IAM::Role` (inline Policies, ManagedPolicyArns,
 * trust policy, boundary), `AWS::IAM::ManagedPolicy` and `AWS::IAM::Policy` attached through
 * `Roles`, and the role a function uses (`Role:` reference, external ARN, or a generated role
 * built from SAM `Policies`, including SAM policy templates).
 */
import type { Identity, Location, PolicyDocument, Prop, Statement } from '../../model/types.js';
import { policyFromJson, statementsFromJson, type PolicyOptions } from '../aws-common/policy.js';
import { isPlainObject, isSpecific, render, strProp } from '../aws-common/values.js';
import { isRoleArn, parseArn } from '../aws-common/arn.js';
import { SAM_POLICY_TEMPLATES, fillTemplate } from '../aws-common/sam-policies.js';
import type { Resource, Stack } from './stack.js';

export function roleId(stack: Stack, logicalId: string): string {
  return `aws:role:${stack.id(logicalId)}`;
}

export function newIdentity(id: string, name: string, loc: Location): Identity {
  return { id, cloud: 'aws', kind: 'aws-iam-role', name, loc, policies: [], managedPolicyArns: [], roleBindings: [] };
}

function policyOpts(stack: Stack): PolicyOptions {
  return { resolver: stack, onWarn: (m, loc) => stack.warn(m, loc) };
}

/** Load roles and policies; call before functions so `Role:` references resolve. */
export function loadIam(stack: Stack): void {
  for (const r of stack.ofType('AWS::IAM::ManagedPolicy')) {
    const name = stack.str(r.props['ManagedPolicyName']) ?? r.logicalId;
    stack.managedPolicies.set(r.logicalId, document(stack, r, name, 'managed'));
  }
  for (const r of stack.ofType('AWS::IAM::Role')) loadRole(stack, r);
  for (const r of stack.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
    const doc = r.type === 'AWS::IAM::ManagedPolicy'
      ? stack.managedPolicies.get(r.logicalId)!
      : document(stack, r, stack.str(r.props['PolicyName']) ?? r.logicalId, 'inline');
    const roles = r.props['Roles'];
    for (const item of Array.isArray(roles) ? roles : roles === undefined ? [] : [roles]) {
      const identity = roleByReference(stack, item);
      if (identity) addPolicy(identity, doc);
      else if (r.type === 'AWS::IAM::Policy') stack.ctx.info(r.loc.file, `policy ${r.logicalId} is attached to a role outside the templates`, r.loc.line);
    }
  }
}

function document(stack: Stack, r: Resource, name: string, kind: PolicyDocument['kind']): PolicyDocument {
  const body = r.props['PolicyDocument'];
  if (body === undefined) return { name, loc: r.loc, statements: [], kind };
  return policyFromJson(body, stack.opts.at, name, kind, { ...policyOpts(stack), fallback: stack.loc(r.props, 'PolicyDocument') });
}

function addPolicy(identity: Identity, doc: PolicyDocument): void {
  if (!identity.policies.includes(doc)) identity.policies.push(doc);
}

/** A role named by `!Ref Role`, `!GetAtt Role.Arn`, or its literal RoleName. */
function roleByReference(stack: Stack, v: unknown): Identity | undefined {
  const target = stack.target(v);
  if (target) return stack.identities.get(target);
  const name = stack.str(v);
  if (!name) return undefined;
  return [...stack.identities.values()].find((i) => i.name === name && !i.external);
}

function loadRole(stack: Stack, r: Resource): void {
  const p = r.props;
  // A role already registered under this id (serverless IamRoleLambdaExecution) is extended, not replaced.
  let identity = stack.identities.get(r.logicalId);
  if (!identity) {
    identity = newIdentity(roleId(stack, r.logicalId), stack.str(p['RoleName']) ?? r.logicalId, r.loc);
    stack.identities.set(r.logicalId, identity);
    // Every role of the template is in the model, used by a function or not (trust and IAM rules read them).
    stack.ctx.model.identities.set(identity.id, identity);
  }
  if (p['AssumeRolePolicyDocument'] !== undefined) {
    identity.trustPolicy = policyFromJson(p['AssumeRolePolicyDocument'], stack.opts.at, `${identity.name} trust policy`, 'trust', {
      ...policyOpts(stack),
      fallback: stack.loc(p, 'AssumeRolePolicyDocument'),
    });
  }
  const policies = p['Policies'];
  if (Array.isArray(policies)) {
    policies.forEach((pol, i) => {
      if (!isPlainObject(pol)) return;
      const name = stack.str(pol['PolicyName']) ?? `${r.logicalId}Policy${i}`;
      identity.policies.push(policyFromJson(pol['PolicyDocument'], stack.opts.at, name, 'inline', {
        ...policyOpts(stack),
        fallback: stack.loc(policies, i),
      }));
    });
  }
  addManagedPolicies(stack, identity, p['ManagedPolicyArns'], stack.loc(p, 'ManagedPolicyArns'));
  const boundary = strProp(p['PermissionsBoundary'], stack.loc(p, 'PermissionsBoundary'), stack);
  if (boundary && p['PermissionsBoundary'] !== undefined) identity.permissionsBoundary = boundary;
}

/** ManagedPolicyArns: references to managed policies in the stack become their documents. */
export function addManagedPolicies(stack: Stack, identity: Identity, list: unknown, fallback: Location, inherited?: boolean): void {
  if (list === undefined || list === null) return;
  const items = Array.isArray(list) ? list : [list];
  items.forEach((item, i) => {
    const loc = Array.isArray(list) ? stack.loc(list, i) : fallback;
    const target = stack.target(item);
    const doc = target ? stack.managedPolicies.get(target) : undefined;
    if (doc) {
      addPolicy(identity, doc);
      return;
    }
    const prop = strProp(item, loc, stack, inherited);
    if (prop) identity.managedPolicyArns.push(prop);
  });
}

/** External role (ARN or unresolvable expression) shared by every function naming it. */
export function externalIdentity(stack: Stack, arn: Prop<string>): Identity {
  const text = arn.value ?? arn.expr ?? '?';
  const id = `aws:role:external:${text}`;
  let identity = stack.ctx.model.identities.get(id);
  if (!identity) {
    const name = arn.value && isRoleArn(arn.value) ? parseArn(arn.value)!.resource.split('/').pop()! : text;
    identity = { ...newIdentity(id, name, arn.loc), arn, external: true };
    stack.ctx.model.identities.set(id, identity);
  }
  return identity;
}

/**
 * The identity a `Role:` value designates: a role of the stack (or pre-registered by serverless),
 * or an external one. Returns undefined when the value is absent.
 */
export function identityForRole(stack: Stack, v: unknown, loc: Location): Identity | undefined {
  if (v === undefined || v === null) return undefined;
  const target = stack.target(v);
  if (target) {
    const found = stack.identities.get(target);
    if (found) return found;
  }
  // Serverless allows the bare logical id of a role defined in `resources`.
  if (typeof v === 'string' && stack.identities.has(v)) return stack.identities.get(v);
  const arn = strProp(v, loc, stack);
  return arn ? externalIdentity(stack, arn) : undefined;
}

/**
 * SAM `Policies`: a managed policy name/ARN, a list of those, inline documents (`{Statement}`),
 * SAM policy templates (`{S3ReadPolicy: {BucketName: …}}`) or references to managed policies.
 */
export function applySamPolicies(stack: Stack, identity: Identity, policies: unknown, loc: Location, inherited: boolean): void {
  const items = Array.isArray(policies) ? policies : [policies];
  items.forEach((item, i) => {
    const itemLoc = Array.isArray(policies) ? stack.loc(policies, i) : loc;
    if (isPlainObject(item) && ('Statement' in item || 'Version' in item)) {
      identity.policies.push(policyFromJson(item, stack.opts.at, `${identity.name}Policy${i}`, 'inline', { ...policyOpts(stack), fallback: itemLoc }));
      return;
    }
    const keys = isPlainObject(item) ? Object.keys(item) : [];
    const template = keys.length === 1 && !keys[0]!.startsWith('Fn::') && keys[0] !== 'Ref' ? keys[0]! : undefined;
    if (template && isPlainObject(item)) {
      const doc = samTemplate(stack, template, item[template], itemLoc);
      if (doc) identity.policies.push(doc);
      return;
    }
    // A managed policy: SAM accepts the bare name of an AWS managed policy.
    const target = stack.target(item);
    const doc = target ? stack.managedPolicies.get(target) : undefined;
    if (doc) {
      addPolicy(identity, doc);
      return;
    }
    const prop = strProp(item, itemLoc, stack, inherited);
    if (!prop) return;
    if (prop.value && !prop.value.startsWith('arn:')) prop.value = `arn:aws:iam::aws:policy/${prop.value}`;
    identity.managedPolicyArns.push(prop);
  });
}

function samTemplate(stack: Stack, name: string, args: unknown, loc: Location): PolicyDocument | undefined {
  const t = SAM_POLICY_TEMPLATES[name];
  if (!t) {
    stack.ctx.info(loc.file, `SAM policy template ${name} is not known; its permissions are not analysed`, loc.line);
    return undefined;
  }
  const params = new Map<string, string>();
  let partial = false;
  if (isPlainObject(args)) {
    for (const [k, v] of Object.entries(args)) {
      const x = render(v, stack);
      // `!Ref Table` names a specific table; a parameter without default could be anything.
      if (x.value === undefined && !isSpecific(x.expr ?? '', stack)) partial = true;
      params.set(k, x.value ?? x.expr ?? '?');
    }
  }
  const statements: Statement[] = t.statements.map((s) => {
    const resource = s.resources.map((p) => fillTemplate(p, params));
    const st: Statement = { effect: 'Allow', action: [...s.actions], resource, loc };
    if (partial) st.partial = true;
    return st;
  });
  return { name, loc, statements, kind: 'inline' };
}

/** Resource-based policy statements given inline (API resource policies in SAM `Auth.ResourcePolicy`). */
export function statementsList(stack: Stack, v: unknown): Statement[] {
  return statementsFromJson(v, stack.opts.at, policyOpts(stack));
}
