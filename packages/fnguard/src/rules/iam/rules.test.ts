import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../findings/types.js';
import { runRules } from '../../findings/engine.js';
import { emptyModel, type FunctionNode, type Identity, type Model, type RoleBinding } from '../../model/types.js';
import { actionInfo } from '../../analyzers/iam/actions.js';
import { CREDENTIAL_EXPOSURE_ACTIONS, DATA_EXFILTRATION_ACTIONS } from './action-sets.js';
import { auditExport, principalOf } from './testing.js';
import { awsIamRules, iamRules } from './index.js';
import sharedRole from './shared-role.js';
import azurePrivilegedRole from './azure-privileged-role.js';
import gcpPrimitiveRole from './gcp-primitive-role.js';
import gcpProjectActAs from './gcp-project-actas.js';
import gcpDeployActAs from './gcp-deploy-actas.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/findings-account.json', import.meta.url));

describe('IAM rule metadata', () => {
  for (const r of iamRules) {
    it(`${r.meta.id} is complete`, () => {
      assert.match(r.meta.id, /^(AWS_IAM|AZURE|GCP)_[A-Z0-9_]+$/);
      assert.equal(r.meta.category, 'iam');
      for (const k of ['title', 'description', 'remediation'] as const) assert.ok(r.meta[k].length > 20, k);
      assert.deepEqual(r.meta.compliance['NIST-800-53'], ['AC-6']);
      assert.deepEqual(r.meta.compliance['PCI-DSS-4.0'], ['7.2.1', '7.2.2']);
      assert.ok(r.meta.compliance.HIPAA && r.meta.compliance.GDPR && r.meta.compliance['OWASP-SLS-2017']);
    });
  }
  it('maps full-admin rules to CIS AWS 1.16 and tags escalation rules', () => {
    const byId = new Map(iamRules.map((r) => [r.meta.id, r.meta]));
    assert.deepEqual(byId.get('AWS_IAM_ADMIN_EQUIVALENT')!.compliance['CIS-AWS'], ['1.16']);
    for (const id of ['AWS_IAM_PRIVILEGE_ESCALATION', 'GCP_FUNCTION_SA_PROJECT_ACTAS', 'GCP_FUNCTION_SA_DEPLOY_ACTAS']) assert.ok(byId.get(id)!.tags?.includes('privilege-escalation'), id);
    assert.equal(new Set(iamRules.map((r) => r.meta.id)).size, iamRules.length);
  });
  it('uses action lists that exist in the dataset', () => {
    assert.deepEqual([...DATA_EXFILTRATION_ACTIONS, ...CREDENTIAL_EXPOSURE_ACTIONS].filter((a) => !actionInfo(a)), []);
  });
});

describe('AWS IAM rules on an account export', () => {
  let findings: Finding[] = [];
  before(async () => {
    findings = await auditExport(FIXTURE, awsIamRules);
  });
  const of = (principal: string) => findings.filter((f) => principalOf(f) === principal).map((f) => `${f.ruleId}:${f.loc.line}`).sort();

  it('reports admin-equivalent roles (inline "*", NotAction, AdministratorAccess) once each', () => {
    assert.deepEqual(of('fn-admin-inline'), ['AWS_IAM_ADMIN_EQUIVALENT:11']);
    assert.deepEqual(of('fn-admin-notaction'), ['AWS_IAM_ADMIN_EQUIVALENT:21']);
    assert.deepEqual(of('fn-managed-admin'), ['AWS_IAM_ADMIN_EQUIVALENT:29', 'AWS_IAM_BROAD_MANAGED_POLICY:29', 'AWS_IAM_BROAD_MANAGED_POLICY:30']);
  });

  it('reports every broad statement of a broad role where it is written', () => {
    assert.deepEqual(of('fn-broad'), [
      'AWS_IAM_CREDENTIAL_EXPOSURE:52',
      'AWS_IAM_DATA_EXFILTRATION:50',
      'AWS_IAM_DATA_EXFILTRATION:51',
      'AWS_IAM_PRIVILEGE_ESCALATION:52',
      'AWS_IAM_PRIVILEGE_ESCALATION:52',
      'AWS_IAM_RESOURCE_EXPOSURE:50',
      'AWS_IAM_RESOURCE_EXPOSURE:53',
      'AWS_IAM_SERVICE_WILDCARD:50',
      'AWS_IAM_TRUST_POLICY_OPEN:44',
      'AWS_IAM_TRUST_POLICY_OPEN:45',
      'AWS_IAM_TRUST_POLICY_OPEN:46',
      'AWS_IAM_WRITE_ALL_RESOURCES:50',
      'AWS_IAM_WRITE_ALL_RESOURCES:53',
    ]);
    const msg = (rule: string, line: number) => findings.find((f) => principalOf(f) === 'fn-broad' && f.ruleId === rule && f.loc.line === line)!.message;
    assert.match(msg('AWS_IAM_DATA_EXFILTRATION', 51), /secretsmanager:GetSecretValue, ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath/);
    assert.match(msg('AWS_IAM_CREDENTIAL_EXPOSURE', 52), /iam:CreateAccessKey, sts:AssumeRole/);
    assert.match(msg('AWS_IAM_RESOURCE_EXPOSURE', 53), /lambda:AddPermission/);
    assert.match(msg('AWS_IAM_TRUST_POLICY_OPEN', 45), /foreign account 444455556666/);
  });

  it('reports the power-user role through its managed policy content', () => {
    const rules = new Set(of('fn-power-user').map((s) => s.split(':')[0]));
    assert.deepEqual([...rules].sort(), [
      'AWS_IAM_BROAD_MANAGED_POLICY', 'AWS_IAM_CREDENTIAL_EXPOSURE', 'AWS_IAM_DATA_EXFILTRATION', 'AWS_IAM_PRIVILEGE_ESCALATION', 'AWS_IAM_RESOURCE_EXPOSURE', 'AWS_IAM_WRITE_ALL_RESOURCES',
    ]);
  });

  it('reports nothing for scoped, Deny-cancelled and impossible-condition roles', () => {
    assert.deepEqual([...of('fn-scoped'), ...of('fn-denied'), ...of('fn-impossible')], []);
  });

  it('carries the principal ARN as SARIF logical location', () => {
    const f = findings.find((x) => principalOf(x) === 'fn-broad')!;
    assert.deepEqual(f.logicalLocations, [{ name: 'fn-broad', fullyQualifiedName: 'arn:aws:iam::111122223333:role/fn-broad', kind: 'principal' }]);
  });
});

// ---------------------------------------------------------------- models built in the test

const loc = (line: number) => ({ file: 'template.json', line });

function identity(id: string, cloud: Identity['cloud'], kind: Identity['kind'], roleBindings: RoleBinding[] = []): Identity {
  return { id, cloud, kind, name: id.split('#')[1]!, loc: loc(2), policies: [], managedPolicyArns: [], roleBindings };
}

function fn(name: string, cloud: FunctionNode['cloud'], identityId: string, line: number): FunctionNode {
  return {
    id: `template.json#${name}`, name, cloud, format: cloud === 'azure' ? 'arm' : cloud === 'gcp' ? 'terraform' : 'cloudformation', loc: loc(line),
    identityId, identityLoc: loc(line + 1), triggers: [], env: [], layers: [], permissions: [],
  };
}

function binding(role: string, scopeLevel: RoleBinding['scopeLevel'], line: number, customActions?: string[]): RoleBinding {
  return { role: { value: role, loc: loc(line) }, scope: { value: 'scope', loc: loc(line) }, scopeLevel, loc: loc(line), ...(customActions ? { customActions } : {}) };
}

function model(identities: Identity[], functions: FunctionNode[]): Model {
  const m = emptyModel('/fixture');
  for (const i of identities) m.identities.set(i.id, i);
  m.functions.push(...functions);
  return m;
}

const lines = (fs: Finding[]) => fs.map((f) => `${f.ruleId}:${f.loc.line}`).sort();

describe('AWS_IAM_SHARED_ROLE', () => {
  it('reports a role used by several functions once, with each function as related location', async () => {
    const role = identity('aws:role:template.json#SharedRole', 'aws', 'aws-iam-role');
    const own = identity('aws:role:template.json#OwnRole', 'aws', 'aws-iam-role');
    const m = model([role, own], [fn('a', 'aws', role.id, 10), fn('b', 'aws', role.id, 20), fn('c', 'aws', own.id, 30)]);
    const got = await runRules(m, [sharedRole]);
    assert.deepEqual(lines(got), ['AWS_IAM_SHARED_ROLE:2']);
    assert.deepEqual(got[0]!.related.map((r) => r.loc.line), [11, 21]);
    assert.deepEqual(got[0]!.functions.map((f) => f.name), ['a', 'b']);
  });
});

describe('Azure and GCP identity rules', () => {
  it('reports privileged Azure role assignments of function identities at broad scopes only', async () => {
    const mi = identity('azure:mi:template.json#fnIdentity', 'azure', 'azure-managed-identity', [
      binding('Owner', 'subscription', 40),
      binding("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')]", 'resource-group', 41),
      binding('custom', 'resource-group', 42, ['Microsoft.Authorization/*/write']),
      binding('custom-all', 'management-group', 43, ['*']),
      binding('Owner', 'resource', 44),
      binding('Storage Blob Data Reader', 'subscription', 45),
      binding('custom-read', 'resource-group', 46, ['Microsoft.Storage/*/read']),
    ]);
    const unused = identity('azure:mi:template.json#other', 'azure', 'azure-managed-identity', [binding('Owner', 'subscription', 50)]);
    const got = await runRules(model([mi, unused], [fn('api', 'azure', mi.id, 10)]), [azurePrivilegedRole]);
    assert.deepEqual(lines(got), ['AZURE_FUNCTION_IDENTITY_PRIVILEGED_ROLE:40', 'AZURE_FUNCTION_IDENTITY_PRIVILEGED_ROLE:41', 'AZURE_FUNCTION_IDENTITY_PRIVILEGED_ROLE:42', 'AZURE_FUNCTION_IDENTITY_PRIVILEGED_ROLE:43']);
    assert.match(got.find((f) => f.loc.line === 41)!.message, /Contributor at resource-group scope/);
  });

  it('reports GCP basic roles, project-level actAs and deploy+actAs on function service accounts', async () => {
    const owner = identity('gcp:sa:main.tf#owner-sa', 'gcp', 'gcp-service-account', [binding('roles/editor', 'project', 60)]);
    const actas = identity('gcp:sa:main.tf#actas-sa', 'gcp', 'gcp-service-account', [
      binding('roles/iam.serviceAccountTokenCreator', 'project', 70),
      binding('roles/iam.serviceAccountUser', 'resource', 71),
    ]);
    const deployer = identity('gcp:sa:main.tf#deploy-sa', 'gcp', 'gcp-service-account', [
      binding('roles/cloudfunctions.developer', 'project', 80),
      binding('projects/p/roles/impersonate', 'resource', 81, ['iam.serviceAccounts.actAs']),
    ]);
    const quiet = identity('gcp:sa:main.tf#quiet-sa', 'gcp', 'gcp-service-account', [binding('roles/cloudfunctions.developer', 'project', 90), binding('roles/storage.objectViewer', 'project', 91)]);
    const m = model([owner, actas, deployer, quiet], [fn('a', 'gcp', owner.id, 10), fn('b', 'gcp', actas.id, 20), fn('c', 'gcp', deployer.id, 30), fn('d', 'gcp', quiet.id, 40)]);
    const got = await runRules(m, [gcpPrimitiveRole, gcpProjectActAs, gcpDeployActAs]);
    assert.deepEqual(lines(got), ['GCP_FUNCTION_SA_DEPLOY_ACTAS:80', 'GCP_FUNCTION_SA_PRIMITIVE_ROLE:60', 'GCP_FUNCTION_SA_PROJECT_ACTAS:70']);
    assert.deepEqual(got.find((f) => f.ruleId === 'GCP_FUNCTION_SA_DEPLOY_ACTAS')!.related.map((r) => r.loc.line), [80, 81]);
  });
});
