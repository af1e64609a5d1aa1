/**
 * The IAM rules on templates, through the real sources (serverless.yml, SAM, Terraform): each
 * rule has its failing template lines and two passing templates.
 */
import { testRule } from '../tester.js';
import adminEquivalent from './admin-equivalent.js';
import serviceWildcard from './service-wildcard.js';
import writeAllResources from './write-all-resources.js';
import resourceExposure from './resource-exposure.js';
import dataExfiltration from './data-exfiltration.js';
import credentialExposure from './credential-exposure.js';
import broadManagedPolicy from './broad-managed-policy.js';
import trustPolicy from './trust-policy.js';
import sharedRole from './shared-role.js';
import privilegeEscalation from './privilege-escalation.js';
import azurePrivilegedRole from './azure-privileged-role.js';
import gcpPrimitiveRole from './gcp-primitive-role.js';
import gcpProjectActAs from './gcp-project-actas.js';
import gcpDeployActAs from './gcp-deploy-actas.js';

const dir = new URL('./fixtures/', import.meta.url).pathname;
const SLS = `${dir}serverless-broad`;
const SAM = `${dir}sam-broad`;
const pass = [`${dir}serverless-scoped`, `${dir}sam-scoped`];

testRule(adminEquivalent, { fail: [{ fixture: SAM, expect: ['template.yaml:10'], messageIncludes: 'administrator-equivalent' }], pass });
testRule(serviceWildcard, { fail: [{ fixture: SLS, expect: ['serverless.yml:10'], messageIncludes: 's3:*' }], pass });
testRule(writeAllResources, { fail: [{ fixture: SLS, expect: ['serverless.yml:10', 'serverless.yml:18'] }], pass });
testRule(resourceExposure, { fail: [{ fixture: SLS, expect: ['serverless.yml:10'] }, { fixture: SAM, expect: ['template.yaml:27'], messageIncludes: 'iam:AttachRolePolicy' }], pass });
testRule(dataExfiltration, { fail: [{ fixture: SLS, expect: ['serverless.yml:10', 'serverless.yml:14'] }], pass });
testRule(credentialExposure, { fail: [{ fixture: SAM, expect: ['template.yaml:30'], messageIncludes: 'ec2:GetPasswordData' }], pass });
testRule(broadManagedPolicy, { fail: [{ fixture: SAM, expect: ['template.yaml:10', 'template.yaml:22'] }], pass });
testRule(trustPolicy, { fail: [{ fixture: SAM, expect: ['template.yaml:17'], messageIncludes: 'any AWS principal' }], pass });
testRule(sharedRole, { fail: [{ fixture: SLS, expect: ['serverless.yml:8'], messageIncludes: 'create, list' }], pass });
testRule(privilegeEscalation, {
  fail: [
    { fixture: SLS, expect: ['serverless.yml:18'], messageIncludes: 'lambda-create-invoke' },
    { fixture: SAM, expect: ['template.yaml:27'], messageIncludes: 'iam-attach-role-policy' },
  ],
  pass,
});

const gcpPass = [`${dir}gcp-scoped`, `${dir}azure-scoped`];
testRule(azurePrivilegedRole, { fail: [{ fixture: `${dir}azure-broad`, expect: ['main.tf:22'], messageIncludes: 'Owner at subscription scope' }], pass: gcpPass });
testRule(gcpPrimitiveRole, { fail: [{ fixture: `${dir}gcp-broad`, expect: ['main.tf:12'], messageIncludes: 'roles/editor' }], pass: gcpPass });
testRule(gcpProjectActAs, { fail: [{ fixture: `${dir}gcp-broad`, expect: ['main.tf:18', 'main.tf:30'] }], pass: gcpPass });
testRule(gcpDeployActAs, { fail: [{ fixture: `${dir}gcp-broad`, expect: ['main.tf:24'], messageIncludes: 'roles/iam.serviceAccountUser' }], pass: gcpPass });
