/**
 * Runs rules over a model and turns their reports into findings: fingerprints that survive
 * line shifts, inline suppressions (`# fnguard-ignore RULE_ID: reason`), rule filters.
 */
import { createHash } from 'node:crypto';
import type { FunctionNode, Location, Model } from '../model/types.js';
import type { Report, Rule, RuleContext } from '../rules/define.js';
import { describeError } from '../core/errors.js';
import type { Finding, Suppression } from './types.js';

export interface RuleFilter {
  only?: string[];
  skip?: string[];
  categories?: string[];
}

export function selectRules(rules: readonly Rule[], filter: RuleFilter): Rule[] {
  const only = filter.only?.length ? new Set(filter.only.map((s) => s.toUpperCase())) : undefined;
  const skip = new Set((filter.skip ?? []).map((s) => s.toUpperCase()));
  const cats = filter.categories?.length ? new Set(filter.categories) : undefined;
  return rules.filter(
    (r) => (!only || only.has(r.meta.id)) && !skip.has(r.meta.id) && (!cats || cats.has(r.meta.category)),
  );
}

export function fingerprint(ruleId: string, file: string, key: string): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${key}`).digest('hex').slice(0, 32);
}

/** Strip numbers so a message that quotes a line or a count does not change the fingerprint. */
function normaliseKey(message: string): string {
  return message.replace(/\d+/g, '#');
}

const IGNORE_RE = /fnguard-ignore\s+([A-Z0-9_,\s]+?)\s*:\s*(\S.*?)\s*(?:-->|\*\/)?\s*$/;

/** Lines of one file, split once and reused for every finding in it. */
class FileLines {
  private cache = new Map<string, string[] | null>();
  constructor(private readonly model: Model) {}
  get(file: string): string[] | null {
    let lines = this.cache.get(file);
    if (lines === undefined) {
      const f = this.model.files.find((x) => x.path === file);
      lines = f?.text !== undefined ? f.text.split(/\r?\n/) : null;
      this.cache.set(file, lines);
    }
    return lines;
  }
}

/**
 * A suppression applies to a finding when it is written on the finding's line, or in the block
 * of comment lines directly above it, or directly above the declaration of an affected function.
 */
function findSuppression(ruleId: string, places: Location[], lines: FileLines): Suppression | undefined {
  for (const loc of places) {
    const text = lines.get(loc.file);
    if (!text) continue;
    for (let i = loc.line - 1; i >= 0 && i < text.length; i--) {
      const line = text[i]!;
      const isComment = /^\s*(#|\/\/|\/\*|\*)/.test(line);
      if (i !== loc.line - 1 && !isComment) break;
      const m = IGNORE_RE.exec(line);
      if (m) {
        const ids = m[1]!.split(/[\s,]+/).filter(Boolean);
        if (ids.includes(ruleId) || ids.includes('ALL')) return { reason: m[2]!, loc: { file: loc.file, line: i + 1 } };
      }
    }
  }
  return undefined;
}

export async function runRules(model: Model, rules: readonly Rule[], options: Record<string, unknown> = {}): Promise<Finding[]> {
  const memo = new Map<string, unknown>();
  const ctx: RuleContext = {
    model,
    options,
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
  for (const rule of rules) {
    try {
      rule.prepare?.(ctx);
    } catch {
      // check() runs the same work again and reports its failure.
    }
  }
  const lines = new FileLines(model);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    let reports: Iterable<Report>;
    try {
      reports = await rule.check(ctx);
      reports = [...reports];
    } catch (err) {
      // A rule bug must not hide every other finding: report it and go on.
      model.diagnostics.push({ level: 'warning', file: '.', message: `rule ${rule.meta.id} failed: ${describeError(err)}` });
      continue;
    }
    for (const r of reports) {
      const fns: FunctionNode[] = r.fn === undefined ? [] : Array.isArray(r.fn) ? r.fn : [r.fn];
      const key = r.key ?? `${fns.map((f) => f.name).join(',')}|${normaliseKey(r.message)}`;
      const fp = fingerprint(rule.meta.id, r.loc.file, key);
      const dedupe = `${fp}:${r.loc.line}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const suppression = findSuppression(rule.meta.id, [r.loc, ...fns.map((f) => f.loc)], lines);
      findings.push({
        ruleId: rule.meta.id,
        title: rule.meta.title,
        severity: r.severity ?? rule.meta.severity,
        category: rule.meta.category,
        message: r.message,
        loc: r.loc,
        functions: fns.map((f) => ({ id: f.id, name: f.name })),
        related: r.related ?? [],
        fingerprint: fp,
        tags: [rule.meta.category, ...(rule.meta.tags ?? []), ...(r.tags ?? [])].filter((t, i, a) => a.indexOf(t) === i),
        ...(suppression ? { suppression } : {}),
        ...(r.logicalLocations ? { logicalLocations: r.logicalLocations } : {}),
      });
    }
  }
  findings.sort(
    (a, b) =>
      (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : 0) || a.loc.line - b.loc.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return findings;
}
