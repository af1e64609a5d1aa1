import type { Source } from '../types.js';

// Placeholder until the azure-functions source lands: claims nothing.
export const azureFunctionsSource: Source = {
  format: 'azure-functions',
  claims: () => false,
  load: () => {},
};
