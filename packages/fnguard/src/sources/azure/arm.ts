import type { Source } from '../types.js';

// Placeholder until the arm source lands: claims nothing.
export const armSource: Source = {
  format: 'arm',
  claims: () => false,
  load: () => {},
};
