import type { Rule } from '../define.js';

export const secretsRules: Rule[] = [];
