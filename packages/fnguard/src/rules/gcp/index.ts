import type { Rule } from '../define.js';

export const gcpRules: Rule[] = [];
