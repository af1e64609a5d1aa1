import { defineRule } from '../define.js';
import { CREDENTIAL_EXPOSURE_ACTIONS } from './action-sets.js';
import { reportActionsOnAll, withCompliance } from './shared.js';

const CREDENTIALS = new Set(CREDENTIAL_EXPOSURE_ACTIONS);

export default defineRule({
  meta: {
    id: 'AWS_IAM_RESOURCE_EXPOSURE',
    title: 'Permission-management actions allowed on every resource',
    severity: 'high',
    category: 'iam',
    clouds: ['aws'],
    description:
      'The identity may change who can access resources — actions the AWS IAM dataset classifies as Permissions management, ' +
      'such as `lambda:AddPermission`, `s3:PutBucketPolicy`, `kms:PutKeyPolicy` or IAM policy changes — on Resource "*". ' +
      'A compromised function can open any resource to another account or to the public.',
    remediation: 'Remove permission-management actions from function roles, or limit them to the one resource that needs them.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    return reportActionsOnAll(
      ctx,
      (action, level) => level.includes('Permissions management') && !CREDENTIALS.has(action),
      (actions) => `may change access policies (${actions})`,
    );
  },
});
