/**
 * Least-privilege generation per function: code analysis → needed permissions → policy →
 * verification with the IAM engine → snippets in the function's own format.
 */
import type { FunctionNode, Model } from '../../../model/types.js';
import { CodeAnalyzer, type CodeAnalysis } from '../../code/index.js';
import { permissionsForCalls, type CallPermissions, type RequiredPermission } from './map.js';
import { buildPolicy, verifyPolicy, type GeneratedPolicy, type Verification } from './policy.js';
import { samSnippet, serverlessSnippet, terraformSnippet } from './snippets.js';

export { buildPolicy, verifyPolicy, asPolicyDocument, type GeneratedPolicy, type GeneratedStatement, type Verification } from './policy.js';
export { permissionsForCalls, permissionsForCall, normaliseRef, type CallPermissions, type RequiredPermission } from './map.js';
export { samSnippet, serverlessSnippet, terraformSnippet } from './snippets.js';

export interface FunctionPolicy {
  fn: FunctionNode;
  analysis: CodeAnalysis;
  calls: CallPermissions[];
  permissions: RequiredPermission[];
  policy: GeneratedPolicy;
  verification: Verification;
  /** Deduplicated notes: unknown resources, KMS keys, unmapped calls, analysis gaps. */
  notes: string[];
}

export function generateForFunction(fn: FunctionNode, analyzer: CodeAnalyzer): FunctionPolicy {
  const analysis = analyzer.analyzeFunction(fn);
  const calls = permissionsForCalls(analysis.calls, fn);
  const permissions = calls.flatMap((c) => c.permissions);
  const policy = buildPolicy(permissions);
  const verification = verifyPolicy(policy, permissions, fn.loc);
  const notes = new Set<string>();
  for (const c of calls) {
    for (const n of c.notes) notes.add(n);
    if (c.unmapped) notes.add(`${c.call.loc.file}:${c.call.loc.line}: ${c.call.written}: ${c.unmapped}`);
  }
  for (const g of analysis.gaps) notes.add(`incomplete analysis: ${g}`);
  if (policy.Statement.length === 0 && analysis.entry) notes.add('no AWS SDK call found in the handler code: no permission is needed beyond the platform ones');
  return { fn, analysis, calls, permissions, policy, verification, notes: [...notes] };
}

/** The snippet for the function's own format (serverless.yml, SAM/CloudFormation, Terraform). */
export function snippetFor(p: FunctionPolicy, format: 'yaml' | 'hcl'): string {
  if (format === 'hcl') return terraformSnippet(p.policy, p.fn.name);
  if (p.fn.format === 'serverless') return serverlessSnippet(p.policy, p.fn.name);
  return samSnippet(p.policy, p.fn.name);
}

/** Policies for every AWS function of a model (one analyzer, so shared files are parsed once). */
export async function generateForModel(model: Model, only?: (fn: FunctionNode) => boolean): Promise<FunctionPolicy[]> {
  const analyzer = await CodeAnalyzer.create(model);
  return model.functions.filter((f) => f.cloud === 'aws' && (!only || only(f))).map((f) => generateForFunction(f, analyzer));
}
