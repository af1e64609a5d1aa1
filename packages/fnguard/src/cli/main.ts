/**
 * `fnguard` entry point: dispatches subcommands, prints user errors as one line (exit 2),
 * and never shows a stack trace unless FNGUARD_DEBUG is set.
 */
import { UsageError, describeError } from '../core/errors.js';
import { TOOL } from '../report/tool.js';
import { rulesCommand } from './commands/rules.js';
import { scanCommand } from './commands/scan.js';
import type { Command, CommandIO } from './types.js';
import { extraCommands } from './registry.js';

const COMMANDS: Command[] = [scanCommand, ...extraCommands, rulesCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: fnguard <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'fnguard <command> --help' for the options of a command.
`;
}

export function defaultIO(): CommandIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}

export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${TOOL.version}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`fnguard: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`fnguard ${cmd.name}: ${err.message}\n`);
      return 2;
    }
    if (process.env.FNGUARD_DEBUG) io.stderr(`${(err as Error).stack ?? String(err)}\n`);
    io.stderr(`fnguard ${cmd.name}: internal error: ${describeError(err)} (set FNGUARD_DEBUG=1 for details)\n`);
    return 2;
  }
}
