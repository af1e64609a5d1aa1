import { defineRule } from '../define.js';
import { CREDENTIAL_EXPOSURE_ACTIONS, DATA_EXFILTRATION_ACTIONS } from './action-sets.js';
import { reportActionsOnAll, withCompliance } from './shared.js';

const REPORTED_ELSEWHERE = new Set([...CREDENTIAL_EXPOSURE_ACTIONS, ...DATA_EXFILTRATION_ACTIONS]);

export default defineRule({
  meta: {
    id: 'AWS_IAM_WRITE_ALL_RESOURCES',
    title: 'Write actions allowed on every resource',
    severity: 'medium',
    category: 'iam',
    clouds: ['aws'],
    description:
      'The identity may perform Write-level actions (access level from the AWS IAM dataset; tagging-only actions excluded) on Resource "*", although those ' +
      'actions can be limited to specific resources. A compromised function can then modify or delete any resource of that type. ' +
      'Permission-management, credential and data-exfiltration actions are reported by their own rules.',
    remediation: 'Replace Resource "*" with the ARNs of the resources the function writes to.',
    compliance: withCompliance({}),
  },
  check(ctx) {
    return reportActionsOnAll(
      ctx,
      (action, level) => level === 'Write' && !REPORTED_ELSEWHERE.has(action),
      (actions) => `may write (${actions})`,
    );
  },
});
