import type { Rule } from '../define.js';

export const azureRules: Rule[] = [];
