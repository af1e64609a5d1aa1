import { defineRule } from '../define.js';
import { CREDENTIAL_EXPOSURE_ACTIONS } from './action-sets.js';
import { reportActionsOnAll, withCompliance } from './shared.js';

const ACTIONS = new Set(CREDENTIAL_EXPOSURE_ACTIONS);

export default defineRule({
  meta: {
    id: 'AWS_IAM_CREDENTIAL_EXPOSURE',
    title: 'Credential-issuing actions allowed on every resource',
    severity: 'high',
    category: 'iam',
    clouds: ['aws'],
    description:
      'The identity may obtain or create credentials for any principal — `iam:CreateAccessKey`, `iam:CreateLoginProfile`, ' +
      '`sts:AssumeRole`, `sts:GetFederationToken`, `ec2:GetPasswordData` … — on Resource "*". Credentials leave the function ' +
      'and stay valid after it is fixed.',
    remediation: 'Remove these actions, or name the exact role or user ARN when one is really needed.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    return reportActionsOnAll(ctx, (action) => ACTIONS.has(action), (actions) => `may obtain credentials (${actions})`);
  },
});
