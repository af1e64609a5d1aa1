/**
 * AWS managed policies: recognising broad ones by ARN or name, and the documents of the few
 * whose content decides admin-equivalence (so a role with AdministratorAccess attached by ARN
 * is evaluated with what that policy grants). Other managed policies attached by ARN in a
 * template have unknown content; account exports carry their documents.
 */
import type { PolicyDocument, Prop, Statement } from '../../model/types.js';

const AWS_MANAGED_PREFIX = /^arn:aws[\w-]*:iam::aws:policy\//;

/** Last path segment of a managed policy ARN, or the value itself when it is a bare name. */
export function managedPolicyName(arnOrName: string): string {
  const i = arnOrName.lastIndexOf('/');
  return i >= 0 ? arnOrName.slice(i + 1) : arnOrName;
}

/** Whether an ARN (or bare name, as SAM writes them) refers to an AWS managed policy. */
export function isAwsManaged(arnOrName: string): boolean {
  return AWS_MANAGED_PREFIX.test(arnOrName) || !arnOrName.includes(':');
}

export type BroadLevel = 'administrator' | 'power-user' | 'full-access';

/** Broad AWS managed policies: AdministratorAccess, PowerUserAccess, any `…FullAccess`. */
export function broadManagedPolicy(arnOrName: string): BroadLevel | undefined {
  if (!isAwsManaged(arnOrName)) return undefined;
  const name = managedPolicyName(arnOrName);
  if (name === 'AdministratorAccess') return 'administrator';
  if (name === 'PowerUserAccess') return 'power-user';
  if (/FullAccess(V\d+)?$/.test(name)) return 'full-access';
  return undefined;
}

type Stmt = Omit<Statement, 'loc'>;

/** Published content of the AWS managed policies that decide admin-equivalence. */
const KNOWN: Record<string, Stmt[]> = {
  AdministratorAccess: [{ effect: 'Allow', action: ['*'], resource: ['*'] }],
  PowerUserAccess: [
    { effect: 'Allow', notAction: ['iam:*', 'organizations:*', 'account:*'], resource: ['*'] },
    {
      effect: 'Allow',
      action: ['account:GetAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'],
      resource: ['*'],
    },
  ],
  IAMFullAccess: [
    { effect: 'Allow', action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'], resource: ['*'] },
  ],
};

/** The document of a well-known AWS managed policy, located where it is attached; else undefined. */
export function knownManagedPolicy(ref: Prop<string>): PolicyDocument | undefined {
  const v = ref.value;
  if (v === undefined || !isAwsManaged(v)) return undefined;
  const name = managedPolicyName(v);
  const stmts = KNOWN[name];
  if (!stmts) return undefined;
  return { name, loc: ref.loc, kind: 'managed', statements: stmts.map((s) => ({ ...s, loc: ref.loc })) };
}
