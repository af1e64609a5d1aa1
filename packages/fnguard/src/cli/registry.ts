import type { Command } from './types.js';
import { dbCommand } from './commands/db.js';
import { iamCommand } from './commands/iam.js';
import { sbomCommand } from './commands/sbom.js';

/** Subcommands beyond scan and rules. */
export const extraCommands: Command[] = [iamCommand, sbomCommand, dbCommand];
