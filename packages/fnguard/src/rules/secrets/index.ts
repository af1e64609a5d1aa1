import type { Rule } from '../define.js';
import inSource from './in-source.js';
import inGitHistory from './in-git-history.js';

export const secretsRules: Rule[] = [inSource, inGitHistory];
