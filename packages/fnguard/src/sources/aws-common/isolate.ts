/** One file's failure must not stop the other files of the same source from loading. */
import { describeError } from '../../core/errors.js';
import { parseStructured, type StructuredDoc } from '../structured.js';
import type { SourceContext, SourceFile } from '../types.js';

export function isolated(file: string, ctx: SourceContext, load: () => void): void {
  try {
    load();
  } catch (err) {
    // A bug, not bad input: reported like a source failure, for this file only.
    ctx.warn(file, `not loaded: internal error: ${describeError(err)}`);
  }
}

/** Parses a deployment file with positions; on bad input, one warning naming the file (and line) and undefined. */
export function parseOrWarn(file: SourceFile, ctx: SourceContext): StructuredDoc | undefined {
  try {
    return parseStructured(file.text, file.path);
  } catch (err) {
    ctx.warn(file.path, `not loaded: ${describeError(err)}`, (err as { line?: number }).line);
    return undefined;
  }
}
