/** One file's failure must not stop the other files of the same source from loading. */
import { describeError } from '../../core/errors.js';
import type { SourceContext } from '../types.js';

export function isolated(file: string, ctx: SourceContext, load: () => void): void {
  try {
    load();
  } catch (err) {
    // A bug, not bad input: reported like a source failure, for this file only.
    ctx.warn(file, `not loaded: internal error: ${describeError(err)}`);
  }
}
