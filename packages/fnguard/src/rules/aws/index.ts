import type { Rule } from '../define.js';

export const awsRules: Rule[] = [];
