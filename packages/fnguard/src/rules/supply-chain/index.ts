import type { Rule } from '../define.js';

export const supplyChainRules: Rule[] = [];
