/**
 * `fnguard iam policy <path>`: the least-privilege policy of each AWS function, generated from
 * the SDK calls in its handler code and verified with the IAM engine.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { buildModel } from '../../scan.js';
import { generateForModel, snippetFor, type FunctionPolicy } from '../../analyzers/iam/generate/index.js';
import { oneOf, parseFlags, writeOutput, printWarnings } from '../common.js';
import type { Command } from '../types.js';
import type { Model } from '../../model/types.js';
import { runRules } from '../../findings/engine.js';
import { renderReport } from '../../report/index.js';
import { iamUsageRules } from '../../rules/iam-usage/index.js';

const FORMATS = ['json', 'yaml', 'hcl', 'snippet', 'console', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `fnguard iam policy <path> [options]
Generate the least-privilege IAM policy of each AWS function from the AWS SDK calls in its handler code
(JavaScript/TypeScript: SDK v3 and v2; Python: boto3), verified by re-evaluating it against every call.

Options:
  --function NAME        only this function (name or id); JSON output is then the bare policy document
  --format FORMAT        json     IAM policy JSON (default)
                         yaml     serverless.yml iam.role.statements for serverless functions, SAM Policies otherwise
                         hcl      Terraform data "aws_iam_policy_document"
                         snippet  each function in its own format (serverless.yml, SAM, Terraform)
                         console  readable summary: calls found, policy, notes, verification
                         sarif    the findings that compare role and code (AWS_IAM_UNUSED_PERMISSION,
                                  AWS_IAM_CALL_NOT_ALLOWED) for these functions, with each generated
                                  policy in the run's properties.generatedPolicies
  --output FILE          write to FILE instead of stdout
Resources named by template references stay references: \${Orders.Arn} (CloudFormation, written as !GetAtt/!Ref/!Sub
in YAML) and \${aws_sqs_queue.jobs.arn} (Terraform, written as expressions in HCL). Unknown resources are * with a note.
Permissions the platform uses (CloudWatch Logs, X-Ray, VPC interfaces, event source polling) are not included:
the Serverless Framework and SAM add the logs ones; elsewhere attach AWSLambdaBasicExecutionRole.
Notes (resources not known statically, incomplete analysis) go to stderr, except in console and json output.
Exit codes: 0 policies generated and verified, 1 a policy failed verification, 2 usage or fatal error.`;

function jsonFor(p: FunctionPolicy) {
  return {
    function: p.fn.name,
    id: p.fn.id,
    definedAt: `${p.fn.loc.file}:${p.fn.loc.line}`,
    format: p.fn.format,
    entry: p.analysis.entry ?? null,
    complete: p.analysis.complete,
    calls: p.analysis.calls.map((c) => ({ at: `${c.loc.file}:${c.loc.line}`, call: c.written, operation: `${c.service ?? c.sdkService}:${c.operation}` })),
    policy: p.policy,
    notes: p.notes,
    verification: { ok: p.verification.ok, checked: p.verification.checked, problems: p.verification.problems },
  };
}

function consoleFor(p: FunctionPolicy): string {
  const lines = [`${p.fn.name}  (${p.fn.loc.file}:${p.fn.loc.line}, ${p.fn.format})`];
  lines.push(`  handler code: ${p.analysis.entry ?? 'not found'}${p.analysis.files.length > 1 ? ` + ${p.analysis.files.length - 1} imported file(s)` : ''}`);
  lines.push(`  SDK calls: ${p.analysis.calls.length}${p.analysis.complete ? '' : ' (analysis incomplete)'}`);
  for (const c of p.calls) {
    const needs = c.permissions.map((x) => x.action).join(', ') || (c.unmapped ? `not mapped: ${c.unmapped}` : 'no permission needed');
    lines.push(`    ${c.call.loc.file}:${c.call.loc.line}  ${c.call.written}  -> ${needs}`);
  }
  lines.push('  policy:');
  for (const l of JSON.stringify(p.policy, null, 2).split('\n')) lines.push(`    ${l}`);
  for (const n of p.notes) lines.push(`  note: ${n}`);
  lines.push(p.verification.ok ? `  verified: every call allowed, nothing else (${p.verification.checked} requests evaluated)` : `  VERIFICATION FAILED: ${p.verification.problems.join('; ')}`);
  return lines.join('\n');
}

/** The role-versus-code findings of the selected functions as SARIF, the policies as run properties. */
async function sarifFor(model: Model, policies: FunctionPolicy[]): Promise<string> {
  const started = performance.now();
  const ids = new Set(policies.map((p) => p.fn.id));
  const findings = (await runRules(model, iamUsageRules)).filter((f) => f.functions.some((fn) => ids.has(fn.id)));
  const log = JSON.parse(
    renderReport(
      { root: model.root, findings, rules: iamUsageRules.map((r) => r.meta), diagnostics: model.diagnostics, stats: { files: model.files.length, functions: policies.length, durationMs: performance.now() - started } },
      'sarif',
      { color: false },
    ),
  ) as { runs: { properties?: Record<string, unknown> }[] };
  log.runs[0]!.properties = { generatedPolicies: policies.map((p) => ({ function: p.fn.name, id: p.fn.id, policy: p.policy, verified: p.verification.ok })) };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export const iamPolicyCommand: Command = {
  name: 'policy',
  summary: 'generate least-privilege IAM policies from handler code',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { function: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' } }, USAGE);
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`iam policy takes exactly one path (got ${positionals.length}). Usage: ${USAGE.split('\n')[0]}`);
    const format: Format = oneOf(values.format, FORMATS, '--format', 'json');
    const target = resolve(io.cwd, positionals[0]!);
    if (!existsSync(target)) throw new UsageError(`path not found: ${positionals[0]}`);

    const model = await buildModel(target);
    const aws = model.functions.filter((f) => f.cloud === 'aws');
    if (aws.length === 0) throw new UsageError(`no AWS Lambda functions found under ${positionals[0]} (looked for serverless.yml, SAM/CloudFormation and Terraform)`);
    const wanted = values.function;
    if (wanted !== undefined && !aws.some((f) => f.name === wanted || f.id === wanted)) {
      const names = aws.map((f) => f.name).sort();
      throw new UsageError(`unknown function '${wanted}' (functions: ${names.slice(0, 10).join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''})`);
    }
    const policies = await generateForModel(model, wanted === undefined ? undefined : (f) => f.name === wanted || f.id === wanted);

    let text: string;
    if (format === 'json') {
      text = `${JSON.stringify(wanted !== undefined && policies.length === 1 ? policies[0]!.policy : { functions: policies.map(jsonFor) }, null, 2)}\n`;
    } else if (format === 'sarif') {
      text = await sarifFor(model, policies);
    } else if (format === 'console') {
      text = `${policies.map(consoleFor).join('\n\n')}\n`;
    } else {
      const kind = format === 'hcl' ? 'hcl' : format === 'yaml' ? 'yaml' : undefined;
      text = policies.map((p) => snippetFor(p, kind ?? (p.fn.format === 'terraform' ? 'hcl' : 'yaml'))).join('\n');
    }
    writeOutput(text, values.output, io);

    printWarnings(model.diagnostics, io);
    for (const p of policies) {
      for (const w of p.analysis.warnings) io.stderr(`warning: ${w.file} ${w.message}\n`);
      if (format !== 'console' && format !== 'json') for (const n of p.notes) io.stderr(`note: ${p.fn.name}: ${n}\n`);
      if (!p.verification.ok) io.stderr(`error: generated policy of ${p.fn.name} failed verification: ${p.verification.problems.join('; ')}\n`);
    }
    return policies.every((p) => p.verification.ok) ? 0 : 1;
  },
};
