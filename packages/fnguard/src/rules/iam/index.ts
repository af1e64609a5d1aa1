import type { Rule } from '../define.js';

export const iamRules: Rule[] = [];
