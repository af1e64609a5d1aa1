/** An error the user can fix (bad flag, unreadable path). Printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file that cannot be parsed. The scan goes on; the file is reported as skipped. */
export class ParseError extends Error {
  override name = 'ParseError';
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

/** One-line description of any thrown value, for diagnostics. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.name;
  return String(err).split('\n')[0] ?? 'unknown error';
}
