/**
 * Option handling shared by the subcommands: `--format`, `--output`, `--severity-threshold`,
 * writing the report, and turning any user mistake into one line on stderr with exit code 2.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../findings/types.js';
import { SEVERITIES, type Severity } from '../rules/define.js';
import type { CommandIO } from './types.js';
import type { Diagnostic } from '../model/types.js';

/** The `options` of node's parseArgs, named so declaration output can refer to it. */
export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

type HelpFlag = { help: { type: 'boolean'; short: 'h' } };
export type ParsedFlags<T extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; options: T & HelpFlag; allowPositionals: true; strict: true }>>;

export function parseFlags<T extends FlagOptions>(argv: string[], options: T, usage: string): ParsedFlags<T> {
  const help: HelpFlag = { help: { type: 'boolean', short: 'h' } };
  try {
    return parseArgs({ args: argv, options: { ...options, ...help }, allowPositionals: true, strict: true });
  } catch (err) {
    // node's messages are one line already; add how to get help.
    const first = (err as Error).message.split('. ')[0]!.replace(/\.$/, '');
    throw new UsageError(`${first}. Usage: ${usage.split('\n')[0]}`);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
}

export function severityThreshold(value: string | undefined): Severity {
  return oneOf(value, SEVERITIES, '--severity-threshold', 'low');
}

/** Exit code 1 when an unsuppressed finding is at or above the threshold. */
export function exitCodeFor(findings: readonly Finding[], threshold: Severity): number {
  const min = SEVERITIES.indexOf(threshold);
  return findings.some((f) => !f.suppression && SEVERITIES.indexOf(f.severity) >= min) ? 1 : 0;
}

/** Repeatable and comma-separated list flags: `--rule A --rule B,C`. */
export function listFlag(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

export function writeOutput(text: string, output: string | undefined, io: CommandIO): void {
  if (!output) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (err) {
    throw new UsageError(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** The flags every report-writing command takes. */
export const REPORT_FLAGS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'severity-threshold': { type: 'string' },
  'no-color': { type: 'boolean' },
} as const;

/** Colour only for console output to a terminal, and never when asked not to (`--no-color`, NO_COLOR). */
export function useColor(format: string, io: CommandIO, values: { 'no-color'?: boolean; output?: string }): boolean {
  return format === 'console' && io.isTTY && !values['no-color'] && !process.env.NO_COLOR && !values.output;
}

/** Scan warnings as one line each on stderr, so stdout stays a clean report. */
export function printWarnings(diagnostics: readonly Diagnostic[], io: CommandIO): void {
  for (const d of diagnostics) if (d.level === 'warning') io.stderr(`warning: ${d.file}${d.line ? `:${d.line}` : ''} ${d.message}\n`);
}
