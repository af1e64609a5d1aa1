/**
 * Rules that compare a function's role with what its handler code really calls
 * (analyzers/code + analyzers/iam/generate).
 */
import type { Rule } from '../define.js';
import unusedPermission from './unused-permission.js';
import callNotAllowed from './call-not-allowed.js';

export const iamUsageRules: Rule[] = [unusedPermission, callNotAllowed];
