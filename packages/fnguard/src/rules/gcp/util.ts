/** Helpers of the GCP rules (shared conventions: see ../azure/util.ts). */
import type { FunctionNode } from '../../model/types.js';
import { functionsOf, type Report, type Rule, type RuleContext, type RuleMeta } from '../define.js';
import { cloudRule } from '../azure/util.js';

export function gcpRule(meta: Omit<RuleMeta, 'clouds'>, check: (ctx: RuleContext) => Iterable<Report>): Rule {
  return cloudRule('gcp', meta, check);
}

export function gcpFunctions(ctx: RuleContext): FunctionNode[] {
  return functionsOf(ctx.model, 'gcp');
}

export function fnLabel(fn: FunctionNode): string {
  const gen = fn.gcp?.generation === 2 ? ' (2nd gen)' : fn.gcp?.generation === 1 ? ' (1st gen)' : '';
  return `Cloud Function "${fn.name}"${gen}`;
}

export function isHttpFunction(fn: FunctionNode): boolean {
  return fn.triggers.some((t) => t.kind === 'http');
}

/** The ingress setting: the GCP block, else the network one. */
export function ingressOf(fn: FunctionNode) {
  return fn.gcp?.ingress ?? fn.network?.ingress;
}

export { fnKey, known, unresolved, names, today } from '../azure/util.js';
