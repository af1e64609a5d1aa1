/** What every subcommand gets: where to print, and whether that is a terminal. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal: colour and progress allowed. */
  isTTY: boolean;
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Full usage text printed by `fnguard <name> --help` and on a usage error. */
  usage: string;
  /** Returns the process exit code: 0 clean, 1 findings at/above threshold, 2 usage or fatal error. */
  run(argv: string[], io: CommandIO): Promise<number>;
}
