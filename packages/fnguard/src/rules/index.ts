import type { Rule } from './define.js';
import { awsRules } from './aws/index.js';
import { azureRules } from './azure/index.js';
import { gcpRules } from './gcp/index.js';
import { iamRules } from './iam/index.js';
import { iamUsageRules } from './iam-usage/index.js';
import { supplyChainRules } from './supply-chain/index.js';
import { secretsRules } from './secrets/index.js';

export const ALL_RULES: readonly Rule[] = [
  ...awsRules,
  ...azureRules,
  ...gcpRules,
  ...iamRules,
  ...iamUsageRules,
  ...supplyChainRules,
  ...secretsRules,
];
