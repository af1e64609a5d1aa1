import type { Rule } from '../define.js';
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

/** Rules that read AWS principals only: what `fnguard iam audit` runs on an account export. */
export const awsIamRules: Rule[] = [
  adminEquivalent,
  serviceWildcard,
  writeAllResources,
  resourceExposure,
  dataExfiltration,
  credentialExposure,
  broadManagedPolicy,
  trustPolicy,
  sharedRole,
  privilegeEscalation,
];

export const iamRules: Rule[] = [...awsIamRules, azurePrivilegedRole, gcpPrimitiveRole, gcpProjectActAs, gcpDeployActAs];
