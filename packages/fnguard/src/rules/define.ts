/**
 * The rule contract (modelled on ESLint's `meta` + function): a rule reads the normalised
 * model and reports problems with locations. It never parses files and never knows which
 * format a function came from.
 */
import type { Cloud, FunctionNode, Location, Model } from '../model/types.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** Exactly one of these goes into each rule's SARIF `properties.tags`. */
export type Category = 'iam' | 'secrets' | 'exposure' | 'network' | 'encryption' | 'observability' | 'supply-chain';
export const CATEGORIES: readonly Category[] = ['iam', 'secrets', 'exposure', 'network', 'encryption', 'observability', 'supply-chain'];

/**
 * Compliance frameworks a rule can map to. Values are control ids as the framework writes them,
 * e.g. CIS AWS Foundations '3.1', PCI DSS 4.0 '7.2.1', HIPAA '164.312(b)', GDPR 'Art.32',
 * OWASP Serverless Top 10 (2017) 'A5'.
 */
export type Framework = 'CIS-AWS' | 'CIS-Azure' | 'CIS-GCP' | 'PCI-DSS-4.0' | 'HIPAA' | 'GDPR' | 'OWASP-SLS-2017' | 'NIST-800-53';

export interface RuleMeta {
  /** SCREAMING_SNAKE id, prefixed by cloud: AWS_…, AZURE_…, GCP_…, or FNG_… for cloud-neutral rules. */
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  clouds: Cloud[];
  description: string;
  remediation: string;
  compliance: Partial<Record<Framework, string[]>>;
  /** Extra SARIF tags besides the category (e.g. 'privilege-escalation'). */
  tags?: string[];
  helpUri?: string;
}

export interface RelatedLocation {
  loc: Location;
  message: string;
}

export interface Report {
  message: string;
  loc: Location;
  /** Function(s) the problem affects, for grouping and for suppression comments above them. */
  fn?: FunctionNode | FunctionNode[];
  /** Stable logical key (e.g. `fn:hello/env:API_KEY`) for the fingerprint; defaults to the message. */
  key?: string;
  related?: RelatedLocation[];
  /** Per-finding severity override (e.g. a MAL- advisory is critical in a 'high' rule). */
  severity?: Severity;
  tags?: string[];
  /** Principal ARN / name for findings from account exports (SARIF logicalLocations). */
  logicalLocations?: { name: string; fullyQualifiedName?: string; kind?: string }[];
}

export interface RuleContext {
  readonly model: Model;
  /** Shared, lazily computed values (IAM evaluations, dependency index…), computed once per scan. */
  memo<T>(key: string, compute: () => T): T;
  /** Scan options a rule may honour (e.g. allow-listed layer accounts). */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Optional: start expensive, independent work (e.g. in a worker thread) before any rule runs,
   * so it overlaps with the other rules. Results are shared through ctx.memo.
   */
  prepare?(ctx: RuleContext): void;
  check(ctx: RuleContext): Iterable<Report> | Promise<Iterable<Report>>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Every function of one cloud – the common loop of per-function rules. */
export function functionsOf(model: Model, cloud: Cloud): FunctionNode[] {
  return model.functions.filter((f) => f.cloud === cloud);
}

/**
 * The day date-based rules (runtime end of support) compare with: the `today` scan option
 * (YYYY-MM-DD, `--today` on the CLI, for reproducible reports and tests) or the current date.
 */
export function todayOf(ctx: RuleContext): Date {
  const v = ctx.options.today;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}
