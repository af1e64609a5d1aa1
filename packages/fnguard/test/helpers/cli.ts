import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/types.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
