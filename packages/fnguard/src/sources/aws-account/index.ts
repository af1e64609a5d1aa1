/**
 * `aws iam get-account-authorization-details` output → model identities (roles and users), so the
 * IAM rules audit a live account without credentials. Users receive the policies of their groups;
 * managed policies are resolved to their default version; a permissions boundary whose policy is
 * in the export becomes a 'boundary' document. Every statement keeps its line in the export.
 */
import { basename, dirname, resolve } from 'node:path';
import { ParseError } from '../../core/errors.js';
import { emptyModel, type Identity, type Model, type PolicyDocument, type Prop } from '../../model/types.js';
import { isObject, parseJson, type Plain, type PlainObject, type StructuredDoc } from '../structured.js';
import { policyDocument } from './policy.js';

export interface AccountExportStats {
  roles: number;
  users: number;
  groups: number;
  policies: number;
}

function list(v: Plain | undefined, where: string): PlainObject[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ParseError(`${where}: expected a list`);
  v.forEach((x, i) => {
    if (!isObject(x)) throw new ParseError(`${where}[${i}]: expected an object`);
  });
  return v as PlainObject[];
}

function str(o: PlainObject, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new ParseError(`${where}.${key}: expected a non-empty string`);
  return v;
}

class Loader {
  readonly managed = new Map<string, PolicyDocument>();
  readonly groups = new Map<string, { inline: PolicyDocument[]; attached: PlainObject[]; holder: PlainObject[] }>();

  constructor(private readonly doc: StructuredDoc, readonly file: string) {}

  loadPolicies(root: PlainObject): void {
    list(root.Policies, 'Policies').forEach((p, i) => {
      const where = `Policies[${i}]`;
      const arn = str(p, 'Arn', where);
      const name = str(p, 'PolicyName', where);
      const versions = list(p.PolicyVersionList, `${where}.PolicyVersionList`);
      const vi = versions.findIndex((v) => v.IsDefaultVersion === true);
      if (vi < 0) {
        if (versions.length > 0) throw new ParseError(`${where}: no PolicyVersionList entry has IsDefaultVersion true`, this.doc.loc(p).line);
        return; // listed without documents (filtered export): content unknown
      }
      this.managed.set(arn, policyDocument(this.doc, versions[vi]!, 'Document', name, 'managed', `${where}.PolicyVersionList[${vi}].Document`));
    });
  }

  inlinePolicies(entity: PlainObject, key: string, where: string, prefix = ''): PolicyDocument[] {
    return list(entity[key], `${where}.${key}`).map((p, i) => {
      const w = `${where}.${key}[${i}]`;
      return policyDocument(this.doc, p, 'PolicyDocument', prefix + str(p, 'PolicyName', w), 'inline', w);
    });
  }

  attach(entity: PlainObject, where: string, identity: Identity): void {
    const attached = entity.AttachedManagedPolicies;
    list(attached, `${where}.AttachedManagedPolicies`).forEach((a, i) => {
      const arn = str(a, 'PolicyArn', `${where}.AttachedManagedPolicies[${i}]`);
      const loc = this.doc.loc(attached as Plain[], i);
      identity.managedPolicyArns.push({ value: arn, loc });
      const doc = this.managed.get(arn);
      if (doc) identity.policies.push(doc);
    });
  }

  boundary(entity: PlainObject, where: string, identity: Identity): void {
    const b = entity.PermissionsBoundary;
    if (b === undefined || b === null) return;
    if (!isObject(b)) throw new ParseError(`${where}.PermissionsBoundary: expected an object`);
    const arn = str(b, 'PermissionsBoundaryArn', `${where}.PermissionsBoundary`);
    identity.permissionsBoundary = { value: arn, loc: this.doc.loc(b, 'PermissionsBoundaryArn') };
    const doc = this.managed.get(arn);
    if (doc) identity.policies.push({ ...doc, kind: 'boundary' });
  }

  identity(entity: PlainObject, kind: 'aws-iam-role' | 'aws-iam-user', nameKey: string, where: string): Identity {
    const name = str(entity, nameKey, where);
    const arn: Prop<string> | undefined = typeof entity.Arn === 'string' ? { value: entity.Arn, loc: this.doc.loc(entity, 'Arn') } : undefined;
    return {
      id: `aws:${kind === 'aws-iam-role' ? 'role' : 'user'}:${this.file}#${name}`,
      cloud: 'aws',
      kind,
      name,
      loc: this.doc.loc(entity, nameKey),
      ...(arn ? { arn } : {}),
      policies: [],
      managedPolicyArns: [],
      roleBindings: [],
    };
  }

  loadGroups(root: PlainObject): Map<string, Identity> {
    const groups = new Map<string, Identity>();
    list(root.GroupDetailList, 'GroupDetailList').forEach((g, i) => {
      const where = `GroupDetailList[${i}]`;
      const id = this.identity(g, 'aws-iam-user', 'GroupName', where);
      id.policies.push(...this.inlinePolicies(g, 'GroupPolicyList', where, `${id.name}/`));
      this.attach(g, where, id);
      groups.set(id.name, id);
    });
    return groups;
  }
}

/** Parse an account export into a model whose root is the export's folder. */
export function loadAccountExport(text: string, absPath: string): { model: Model; stats: AccountExportStats } {
  const file = basename(absPath);
  const doc = parseJson(text, file);
  const root = doc.value;
  if (!isObject(root) || !('RoleDetailList' in root || 'UserDetailList' in root || 'GroupDetailList' in root)) {
    throw new ParseError('not an account authorization export: expected RoleDetailList, UserDetailList or GroupDetailList at the top level');
  }
  const model = emptyModel(dirname(resolve(absPath)));
  model.files.push({ path: file, format: 'manifest', text });
  model.paths.push(file);
  const loader = new Loader(doc, file);
  loader.loadPolicies(root);
  const groups = loader.loadGroups(root);

  list(root.RoleDetailList, 'RoleDetailList').forEach((r, i) => {
    const where = `RoleDetailList[${i}]`;
    const id = loader.identity(r, 'aws-iam-role', 'RoleName', where);
    id.policies.push(...loader.inlinePolicies(r, 'RolePolicyList', where));
    loader.attach(r, where, id);
    loader.boundary(r, where, id);
    if (r.AssumeRolePolicyDocument !== undefined && r.AssumeRolePolicyDocument !== null) {
      id.trustPolicy = policyDocument(doc, r, 'AssumeRolePolicyDocument', `${id.name} trust policy`, 'trust', `${where}.AssumeRolePolicyDocument`);
    }
    model.identities.set(id.id, id);
  });

  list(root.UserDetailList, 'UserDetailList').forEach((u, i) => {
    const where = `UserDetailList[${i}]`;
    const id = loader.identity(u, 'aws-iam-user', 'UserName', where);
    id.policies.push(...loader.inlinePolicies(u, 'UserPolicyList', where));
    loader.attach(u, where, id);
    loader.boundary(u, where, id);
    const groupList = u.GroupList ?? [];
    if (!Array.isArray(groupList) || groupList.some((g) => typeof g !== 'string')) throw new ParseError(`${where}.GroupList: expected a list of group names`);
    for (const g of groupList as string[]) {
      const group = groups.get(g);
      if (!group) {
        model.diagnostics.push({ level: 'warning', file, line: doc.loc(u, 'GroupList').line, message: `user ${id.name}: group ${g} is not in the export` });
        continue;
      }
      id.policies.push(...group.policies.filter((p) => !id.policies.includes(p)));
      id.managedPolicyArns.push(...group.managedPolicyArns);
    }
    model.identities.set(id.id, id);
  });

  return { model, stats: { roles: list(root.RoleDetailList, 'RoleDetailList').length, users: list(root.UserDetailList, 'UserDetailList').length, groups: groups.size, policies: loader.managed.size } };
}
