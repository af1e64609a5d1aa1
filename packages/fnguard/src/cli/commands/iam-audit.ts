/**
 * `fnguard iam audit <account-authorization-details.json>`: the IAM rules on a live account,
 * read from the JSON that `aws iam get-account-authorization-details` writes — no credentials
 * needed. Findings carry the principal's ARN and name as SARIF logical location.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError, UsageError, describeError } from '../../core/errors.js';
import { runRules } from '../../findings/engine.js';
import type { ScanResult } from '../../findings/types.js';
import { renderReport } from '../../report/index.js';
import { awsIamRules } from '../../rules/iam/index.js';
import { loadAccountExport } from '../../sources/aws-account/index.js';
import { exitCodeFor, oneOf, parseFlags, printWarnings, REPORT_FLAGS, severityThreshold, useColor, writeOutput } from '../common.js';
import type { Command } from '../types.js';

const FORMATS = ['console', 'json', 'sarif'] as const;

/** Exports of very large accounts stay well below this; anything bigger is refused, not parsed. */
const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

const USAGE = `fnguard iam audit <account-authorization-details.json> [options]
Audit the roles and users of an AWS account export (aws iam get-account-authorization-details > export.json)
for administrator access, broad grants, open trust policies and privilege-escalation paths.

Options:
  --format console|json|sarif     output format (default: console)
  --output FILE                   write the report to FILE instead of stdout
  --severity-threshold LEVEL      exit 1 only for findings at or above LEVEL:
                                  info|low|medium|high|critical (default: low)
  --no-color                      never colour the console output
Exit codes: 0 no findings at/above the threshold, 1 findings, 2 usage error or unreadable export.`;

function readExport(path: string, shown: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UsageError(`not a file: ${shown}`);
    size = st.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? describeError(err)}`);
  }
  if (size > MAX_EXPORT_BYTES) throw new UsageError(`${shown} is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MB`);
  return readFileSync(path, 'utf8');
}

/** Audit an export file: the library entry the command and the bench share. */
export async function auditAccountExport(path: string, shown = path): Promise<ScanResult> {
  const started = performance.now();
  const text = readExport(path, shown);
  let loaded;
  try {
    loaded = loadAccountExport(text, path);
  } catch (err) {
    if (err instanceof ParseError) throw new UsageError(`${shown}: ${err.message}`);
    throw err;
  }
  const findings = await runRules(loaded.model, awsIamRules);
  return {
    root: loaded.model.root,
    findings,
    rules: awsIamRules.map((r) => r.meta),
    diagnostics: loaded.model.diagnostics,
    stats: { files: 1, functions: 0, durationMs: performance.now() - started },
  };
}

export const iamAuditCommand: Command = {
  name: 'audit',
  summary: 'audit an AWS account export (get-account-authorization-details) for IAM risks',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, REPORT_FLAGS, USAGE);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`iam audit takes exactly one export file (got ${positionals.length}). Usage: ${USAGE.split('\n')[0]}`);
    const format = oneOf(values.format, FORMATS, '--format', 'console');
    const threshold = severityThreshold(values['severity-threshold']);
    const res = await auditAccountExport(resolve(io.cwd, positionals[0]!), positionals[0]!);
    writeOutput(renderReport(res, format, { color: useColor(format, io, values) }), values.output, io);
    printWarnings(res.diagnostics, io);
    return exitCodeFor(res.findings, threshold);
  },
};
