import type { Source } from '../types.js';

// Placeholder until the cloudformation source lands: claims nothing.
export const cloudFormationSource: Source = {
  format: 'cloudformation',
  claims: () => false,
  load: () => {},
};
