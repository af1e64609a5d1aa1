import { UsageError } from '../../core/errors.js';
import type { Command } from '../types.js';
import { iamAuditCommand } from './iam-audit.js';
import { iamPolicyCommand } from './iam-policy.js';

const SUBCOMMANDS: Command[] = [iamPolicyCommand, iamAuditCommand];

const USAGE = `fnguard iam <policy|audit> [options]
${SUBCOMMANDS.map((c) => `  ${c.name.padEnd(7)} ${c.summary}`).join('\n')}
Run 'fnguard iam <subcommand> --help' for its options.`;

/** `fnguard iam …`: least-privilege policies from code, and audits of account exports. */
export const iamCommand: Command = {
  name: 'iam',
  summary: 'least-privilege policies from handler code; audit an AWS account export',
  usage: USAGE,
  async run(argv, io) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h') {
      io.stdout(`${USAGE}\n`);
      return name ? 0 : 2;
    }
    const sub = SUBCOMMANDS.find((c) => c.name === name);
    if (!sub) throw new UsageError(`unknown iam subcommand '${name}' (expected ${SUBCOMMANDS.map((c) => c.name).join(' or ')})`);
    return sub.run(rest, io);
  },
};
