/**
 * Terminal output grouped by function, most severe first. Colour only when asked (TTY).
 */
import pc from 'picocolors';
import type { Finding, ScanResult } from '../findings/types.js';
import { SEVERITIES, type Severity } from '../rules/define.js';
import { TOOL } from './tool.js';

export interface ConsoleOptions {
  color: boolean;
  /** Also list info-level diagnostics. */
  verbose?: boolean;
}

export function renderConsole(res: ScanResult, opts: ConsoleOptions): string {
  const c = pc.createColors(opts.color);
  const paint: Record<Severity, (s: string) => string> = {
    critical: (s) => c.bold(c.magenta(s)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const lines: string[] = [];
  lines.push(
    c.bold(`${TOOL.name} ${TOOL.version}`) +
      c.dim(` — ${res.stats.files} file(s), ${res.stats.functions} function(s), ${res.rules.length} rule(s), ${(res.stats.durationMs / 1000).toFixed(2)} s`),
  );

  const groups = new Map<string, Finding[]>();
  for (const f of res.findings) {
    const principal = f.logicalLocations?.find((l) => l.kind === 'principal');
    const key =
      f.functions.length === 1 ? `function ${f.functions[0]!.name}`
      : f.functions.length > 1 ? `functions ${f.functions.map((x) => x.name).join(', ')}`
      : principal ? `principal ${principal.fullyQualifiedName ?? principal.name}`
      : `file ${f.loc.file}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const worst = (fs: Finding[]) => Math.max(...fs.map((f) => rank(f.severity)));
  for (const [title, fs] of [...groups].sort((a, b) => worst(b[1]) - worst(a[1]) || (a[0] < b[0] ? -1 : 1))) {
    lines.push('', c.bold(`● ${title}`));
    for (const f of [...fs].sort((a, b) => rank(b.severity) - rank(a.severity) || a.loc.line - b.loc.line)) {
      const sev = paint[f.severity](f.severity.toUpperCase().padEnd(8));
      const where = c.dim(`${f.loc.file}:${f.loc.line}`);
      const sup = f.suppression ? c.dim(` [suppressed: ${f.suppression.reason}]`) : '';
      lines.push(`  ${sev} ${c.bold(f.ruleId)}  ${where}${sup}`);
      lines.push(`           ${f.message}`);
      for (const r of f.related.slice(0, 5)) lines.push(c.dim(`           ↳ ${r.loc.file}:${r.loc.line} ${r.message}`));
      if (f.related.length > 5) lines.push(c.dim(`           ↳ … ${f.related.length - 5} more`));
    }
  }

  const diags = res.diagnostics.filter((d) => d.level === 'warning' || opts.verbose);
  if (diags.length) {
    lines.push('', c.bold('Scan notes'));
    for (const d of diags) lines.push(`  ${d.level === 'warning' ? c.yellow('warning') : c.dim('info')} ${d.file}${d.line ? `:${d.line}` : ''} ${d.message}`);
  }

  const active = res.findings.filter((f) => !f.suppression);
  const counts = [...SEVERITIES].reverse().map((s) => [s, active.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const suppressed = res.findings.length - active.length;
  lines.push(
    '',
    active.length === 0
      ? c.green(`No findings.${suppressed ? ` (${suppressed} suppressed)` : ''}`)
      : `${c.bold(`${active.length} finding(s):`)} ${counts.map(([s, n]) => paint[s](`${n} ${s}`)).join(', ')}${suppressed ? c.dim(` (${suppressed} suppressed)`) : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
