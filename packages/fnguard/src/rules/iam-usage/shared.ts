/**
 * What the iam-usage rules share: one code analysis per scan (every AWS function's SDK calls
 * and the permissions they need), and the actions the Lambda platform itself uses with a
 * function's role (logs, tracing, VPC, event source polling), which no handler code shows.
 */
import type { FunctionNode, Identity, Model } from '../../model/types.js';
import type { Framework, RuleContext } from '../define.js';
import { CodeAnalyzer, type CodeAnalysis } from '../../analyzers/code/index.js';
import { permissionsForCalls, type CallPermissions } from '../../analyzers/iam/generate/map.js';
import { functionsRunningAs } from '../../model/queries.js';

export interface FunctionUsage {
  fn: FunctionNode;
  analysis: CodeAnalysis;
  calls: CallPermissions[];
}

/** Code usage of every AWS function, computed once per scan; analysis warnings go to the diagnostics. */
export function codeUsage(ctx: RuleContext): Promise<Map<string, FunctionUsage>> {
  return ctx.memo('iam-usage:code', async () => {
    const model = ctx.model;
    const analyzer = await CodeAnalyzer.create(model);
    const out = new Map<string, FunctionUsage>();
    const warned = new Set<string>();
    for (const fn of model.functions) {
      if (fn.cloud !== 'aws') continue;
      const analysis = analyzer.analyzeFunction(fn);
      out.set(fn.id, { fn, analysis, calls: permissionsForCalls(analysis.calls, fn) });
      for (const w of analysis.warnings) {
        const key = `${w.file}:${w.message}`;
        if (warned.has(key)) continue;
        warned.add(key);
        model.diagnostics.push({ level: 'warning', file: w.file, line: w.line, message: w.message });
      }
    }
    // Code files join the scanned files, so `fnguard-ignore` comments at call sites work.
    const known = new Set(model.files.map((f) => f.path));
    for (const [path, text] of analyzer.filesRead()) if (!known.has(path)) model.files.push({ path, format: 'code', text });
    return out;
  });
}

/** Can "unused" be claimed for this function? Every call understood and mapped to IAM actions. */
export function usageComplete(u: FunctionUsage): boolean {
  return u.analysis.complete && u.calls.every((c) => !c.unmapped);
}

const LOGS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];
const XRAY = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'];
const VPC = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'];
/** Event source mappings poll with the function's role. */
const POLLERS: Record<string, string[]> = {
  sqs: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
  kinesis: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard'],
  dynamodb: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
  msk: ['kafka:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers', 'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeVpcs', 'ec2:DeleteNetworkInterface', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'],
};

/** Actions the platform performs with the function's role, whatever the code does. */
export function platformActions(fn: FunctionNode): string[] {
  const out = [...LOGS];
  if (fn.tracing?.value) out.push(...XRAY);
  if (fn.network?.attached) out.push(...VPC);
  for (const t of fn.triggers) out.push(...(POLLERS[t.service] ?? []));
  if (fn.deadLetter) out.push('sqs:SendMessage', 'sns:Publish');
  if (fn.kmsKey) out.push('kms:Decrypt');
  return out;
}

/** The AWS functions that run as an identity. */
export function functionsOf(model: Model, identity: Identity): FunctionNode[] {
  return functionsRunningAs(model, identity.id).filter((f) => f.cloud === 'aws');
}

export const USAGE_COMPLIANCE: Partial<Record<Framework, string[]>> = {
  'PCI-DSS-4.0': ['7.2.1', '7.2.2'],
  HIPAA: ['164.312(a)(1)'],
  GDPR: ['Art.25'],
  'OWASP-SLS-2017': ['A5'],
  'NIST-800-53': ['AC-6', 'AC-6(1)'],
};
