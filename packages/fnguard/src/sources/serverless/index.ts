import type { Source } from '../types.js';

// Placeholder until the serverless source lands: claims nothing.
export const serverlessSource: Source = {
  format: 'serverless',
  claims: () => false,
  load: () => {},
};
