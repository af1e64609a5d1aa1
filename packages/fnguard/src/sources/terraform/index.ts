import type { Source } from '../types.js';

// Placeholder until the terraform source lands: claims nothing.
export const terraformSource: Source = {
  format: 'terraform',
  claims: () => false,
  load: () => {},
};
