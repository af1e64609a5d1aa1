import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { CATEGORIES } from '../../rules/define.js';
import { ALL_RULES } from '../../rules/index.js';
import { scan } from '../../scan.js';
import { renderReport, REPORT_FORMATS } from '../../report/index.js';
import { exitCodeFor, listFlag, oneOf, parseFlags, printWarnings, REPORT_FLAGS, severityThreshold, useColor, writeOutput } from '../common.js';
import type { Command } from '../types.js';

const USAGE = `fnguard scan <path> [options]
Scan serverless.yml, SAM/CloudFormation, Terraform, ARM and Azure Functions files under <path>.

Options:
  --format console|json|sarif|junit   output format (default: console)
  --output FILE                        write the report to FILE instead of stdout
  --severity-threshold LEVEL           exit 1 only for findings at or above LEVEL:
                                       info|low|medium|high|critical (default: low)
  --rule ID[,ID]                       run only these rules (repeatable)
  --skip-rule ID[,ID]                  do not run these rules (repeatable)
  --category NAME[,NAME]               run only rules of these categories:
                                       ${CATEGORIES.join('|')}
  --max-file-size BYTES                skip larger files (default: 5242880)
  --vuln-db PATH                       local OSV database (folder or all.zip) for dependency advisories
  --online                             query online services (OSV API, npm signatures)
  --git-history                        also scan past git commits for secrets
  --trusted-layer-account ID[,ID]      AWS accounts whose Lambda layers are trusted
  --secret-allow GLOB|FINGERPRINT      do not report secrets in these paths or with this fingerprint
  --registry URL[,URL]                 extra package registries that are expected (not dependency confusion)
  --typosquat-allow NAME[,NAME]        package names that only look like typosquats
  --workers N                          parsing threads (default: one per core for large scans)
  --today YYYY-MM-DD                   judge runtime end-of-support dates as of this day (reproducible reports)
  --no-color                           never colour the console output
  --verbose                            also print informational scan notes
Exit codes: 0 no findings at/above the threshold, 1 findings, 2 usage or fatal error.
Suppress a finding with a comment on or above its line: # fnguard-ignore RULE_ID: reason`;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan deployment definitions for security problems',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        ...REPORT_FLAGS,
        rule: { type: 'string', multiple: true },
        'skip-rule': { type: 'string', multiple: true },
        category: { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        'vuln-db': { type: 'string' },
        online: { type: 'boolean' },
        'git-history': { type: 'boolean' },
        'trusted-layer-account': { type: 'string', multiple: true },
        'secret-allow': { type: 'string', multiple: true },
        registry: { type: 'string', multiple: true },
        'typosquat-allow': { type: 'string', multiple: true },
        workers: { type: 'string' },
        today: { type: 'string' },
        verbose: { type: 'boolean' },
      },
      USAGE,
    );
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`scan takes exactly one path (got ${positionals.length}). Usage: ${USAGE.split('\n')[0]}`);
    const target = resolve(io.cwd, positionals[0]!);
    if (!existsSync(target)) throw new UsageError(`path not found: ${positionals[0]}`);
    const format = oneOf(values.format, REPORT_FORMATS, '--format', 'console');
    const threshold = severityThreshold(values['severity-threshold']);
    const known = new Set(ALL_RULES.map((r) => r.meta.id));
    const only = listFlag(values.rule);
    const skip = listFlag(values['skip-rule']);
    for (const id of [...only, ...skip]) if (!known.has(id.toUpperCase())) throw new UsageError(`unknown rule id '${id}' (see 'fnguard rules')`);
    const categories = listFlag(values.category);
    for (const c of categories) oneOf(c, CATEGORIES, '--category', 'iam');
    let maxFileBytes: number | undefined;
    if (values['max-file-size'] !== undefined) {
      maxFileBytes = Number(values['max-file-size']);
      if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes (got '${values['max-file-size']}')`);
    }
    let workers: number | undefined;
    if (values.workers !== undefined) {
      workers = Number(values.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers must be a whole number from 1 to 64 (got '${values.workers}')`);
    }
    if (values.today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(Date.parse(values.today)))) {
      throw new UsageError(`--today must be a date as YYYY-MM-DD (got '${values.today}')`);
    }
    if (values['vuln-db'] && !existsSync(resolve(io.cwd, values['vuln-db']))) throw new UsageError(`--vuln-db not found: ${values['vuln-db']}`);

    const progress = io.isTTY && format === 'console' && !values.output ? (msg: string) => io.stderr(`\r\x1b[2K${msg}`) : undefined;
    const res = await scan(target, {
      only,
      skip,
      categories,
      maxFileBytes,
      onProgress: progress,
      workers,
      ruleOptions: {
        vulnDb: values['vuln-db'] ? resolve(io.cwd, values['vuln-db']) : undefined,
        online: values.online ?? false,
        gitHistory: values['git-history'] ?? false,
        trustedLayerAccounts: listFlag(values['trusted-layer-account']),
        secretAllow: listFlag(values['secret-allow']),
        registries: listFlag(values.registry),
        typosquatAllow: listFlag(values['typosquat-allow']),
        ...(values.today ? { today: values.today } : {}),
      },
    });
    if (progress) io.stderr('\r\x1b[2K');
    if (res.stats.files === 0) {
      io.stderr(`warning: no deployment definitions found under ${positionals[0]} (looked for serverless.yml, SAM/CloudFormation, Terraform, ARM, function.json)\n`);
    }
    writeOutput(renderReport(res, format, { color: useColor(format, io, values), verbose: values.verbose }), values.output, io);
    // The console report lists scan notes itself; other formats get them on stderr.
    if (format !== 'console' || values.output) printWarnings(res.diagnostics, io);
    return exitCodeFor(res.findings, threshold);
  },
};
