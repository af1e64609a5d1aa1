import type { Location } from '../model/types.js';
import type { Category, RelatedLocation, RuleMeta, Severity } from '../rules/define.js';

export interface Suppression {
  reason: string;
  loc: Location;
}

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  message: string;
  loc: Location;
  functions: { id: string; name: string }[];
  related: RelatedLocation[];
  /** Stable across runs and line shifts: built from rule, file and logical key, never the line. */
  fingerprint: string;
  tags: string[];
  suppression?: Suppression;
  logicalLocations?: { name: string; fullyQualifiedName?: string; kind?: string }[];
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  rules: RuleMeta[];
  diagnostics: import('../model/types.js').Diagnostic[];
  stats: { files: number; functions: number; durationMs: number };
}
