import type { Command } from './types.js';

/** Subcommands beyond scan/rules (iam, sbom, db), registered as their modules land. */
export const extraCommands: Command[] = [];
