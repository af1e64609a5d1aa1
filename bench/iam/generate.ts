/**
 * A synthetic `get-account-authorization-details` export: N roles and 2.5·N customer managed
 * policies (5,000 at 2,000 roles), with the mix an account of serverless workloads has —
 * mostly scoped function roles, some broad ones, a few with escalation paths or admin rights.
 * Deterministic (seeded), so runs compare.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNT = '111122223333';
const SCOPED: [string[], (n: number) => string][] = [
  [['s3:GetObject', 's3:PutObject'], (n) => `arn:aws:s3:::bucket-${n}/*`],
  [['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], (n) => `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/table-${n}`],
  [['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'], (n) => `arn:aws:sqs:eu-west-1:${ACCOUNT}:queue-${n}`],
  [['secretsmanager:GetSecretValue'], (n) => `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:app-${n}-*`],
  [['logs:CreateLogStream', 'logs:PutLogEvents'], (n) => `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws/lambda/fn-${n}:*`],
  [['sns:Publish'], (n) => `arn:aws:sns:eu-west-1:${ACCOUNT}:topic-${n}`],
  [['kms:Decrypt'], (n) => `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${n}`],
];
const BROAD: string[][] = [['s3:*'], ['dynamodb:*'], ['ssm:GetParameter*', 'kms:Decrypt'], ['lambda:InvokeFunction', 'sqs:*'], ['ec2:Describe*', 'cloudwatch:PutMetricData']];

type Doc = { Version: string; Statement: Record<string, unknown>[] };

function scopedDoc(r: () => number, n: number): Doc {
  const count = 1 + Math.floor(r() * 3);
  const Statement = [];
  for (let i = 0; i < count; i++) {
    const [actions, arn] = SCOPED[Math.floor(r() * SCOPED.length)]!;
    Statement.push({ Effect: 'Allow', Action: actions, Resource: arn(n * 10 + i) });
  }
  return { Version: '2012-10-17', Statement };
}

function roleDoc(r: () => number, n: number): Doc {
  const x = r();
  if (x < 0.01) return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  if (x < 0.04) return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' }] };
  if (x < 0.05) return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }] };
  if (x < 0.2) return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: BROAD[Math.floor(r() * BROAD.length)], Resource: '*' }] };
  if (x < 0.25) {
    return { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: ['iam:AttachRolePolicy', 's3:*'], Resource: '*' },
      { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
    ] };
  }
  return scopedDoc(r, n);
}

const LAMBDA_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

export function generateExport(roles: number, seed = 7): string {
  const r = rng(seed);
  const policyCount = Math.round(roles * 2.5);
  const Policies = [];
  for (let i = 0; i < policyCount; i++) {
    const versions = [{ VersionId: 'v2', IsDefaultVersion: true, Document: scopedDoc(r, 100_000 + i) }];
    if (r() < 0.3) versions.push({ VersionId: 'v1', IsDefaultVersion: false, Document: roleDoc(r, 200_000 + i) });
    Policies.push({ PolicyName: `policy-${i}`, PolicyId: `ANPA${i}`, Arn: `arn:aws:iam::${ACCOUNT}:policy/policy-${i}`, Path: '/', DefaultVersionId: 'v2', AttachmentCount: 1, PolicyVersionList: versions });
  }
  const RoleDetailList = [];
  for (let i = 0; i < roles; i++) {
    const attached = [];
    for (let k = 0; k < 3; k++) {
      const p = Math.floor(r() * policyCount);
      attached.push({ PolicyName: `policy-${p}`, PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/policy-${p}` });
    }
    if (r() < 0.02) attached.push({ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    const trust = r() < 0.5 ? encodeURIComponent(JSON.stringify(LAMBDA_TRUST)) : LAMBDA_TRUST;
    RoleDetailList.push({
      Path: '/service-role/',
      RoleName: `fn-role-${i}`,
      RoleId: `AROA${i}`,
      Arn: `arn:aws:iam::${ACCOUNT}:role/service-role/fn-role-${i}`,
      AssumeRolePolicyDocument: trust,
      InstanceProfileList: [],
      RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: roleDoc(r, i) }],
      AttachedManagedPolicies: attached,
      Tags: [],
    });
  }
  return JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList, Policies }, null, 2);
}
