import { defineRule } from '../define.js';
import { DATA_EXFILTRATION_ACTIONS } from './action-sets.js';
import { reportActionsOnAll, withCompliance } from './shared.js';

const ACTIONS = new Set(DATA_EXFILTRATION_ACTIONS);

export default defineRule({
  meta: {
    id: 'AWS_IAM_DATA_EXFILTRATION',
    title: 'Data-reading actions allowed on every resource',
    severity: 'high',
    category: 'iam',
    clouds: ['aws'],
    description:
      'The identity may read stored data or secrets — `s3:GetObject`, `secretsmanager:GetSecretValue`, `ssm:GetParameter*`, ' +
      '`kms:Decrypt`, `dynamodb:Scan` and similar — on Resource "*". An injection in the function becomes a read of every ' +
      'bucket, secret and table in the account.',
    remediation: 'Limit these actions to the ARNs of the buckets, secrets, parameters, keys and tables the function reads.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    return reportActionsOnAll(ctx, (action) => ACTIONS.has(action), (actions) => `may read data (${actions})`);
  },
});
