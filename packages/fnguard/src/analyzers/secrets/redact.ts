/**
 * The one way fnguard shows a secret: at most the first 4 characters (fewer for short values,
 * so a short secret is never mostly revealed), then a mask. Used by every output.
 */
export function redact(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}${'*'.repeat(8)}`;
}
