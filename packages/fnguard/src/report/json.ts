import type { ScanResult } from '../findings/types.js';
import { SEVERITIES } from '../rules/define.js';
import { TOOL } from './tool.js';

/** Stable machine-readable output: counts, findings, diagnostics and the rules that ran. */
export function renderJson(res: ScanResult): string {
  const active = res.findings.filter((f) => !f.suppression);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length]));
  return `${JSON.stringify(
    {
      tool: { name: TOOL.name, version: TOOL.version },
      root: res.root,
      summary: { ...res.stats, findings: active.length, suppressed: res.findings.length - active.length, bySeverity },
      findings: res.findings,
      diagnostics: res.diagnostics,
      rules: res.rules,
    },
    null,
    2,
  )}\n`;
}
