import type { ScanResult } from '../findings/types.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 forbids most control characters even when escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** One testsuite per rule that ran; each finding a failed testcase, a suppressed one skipped, a clean rule one passing case. */
export function renderJunit(res: ScanResult): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = res.findings.filter((f) => !f.suppression).length;
  const byRule = new Map<string, typeof res.findings>();
  for (const f of res.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  let tests = 0;
  const suites = res.rules.map((rule) => {
    const mine = byRule.get(rule.id) ?? [];
    const cases = mine.length
      ? mine.map((f) => {
          const name = esc(`${f.loc.file}:${f.loc.line}${f.functions.length ? ` (${f.functions.map((x) => x.name).join(', ')})` : ''}`);
          const body = f.suppression
            ? `<skipped message="${esc(`suppressed: ${f.suppression.reason}`)}"/>`
            : `<failure type="${f.severity}" message="${esc(f.message)}">${esc(`${f.ruleId} ${f.title}\n${f.loc.file}:${f.loc.line}\n${f.message}`)}</failure>`;
          return `    <testcase classname="${esc(rule.id)}" name="${name}">${body}</testcase>`;
        })
      : [`    <testcase classname="${esc(rule.id)}" name="${esc(rule.title)}"/>`];
    tests += cases.length;
    const fails = mine.filter((f) => !f.suppression).length;
    const skipped = mine.length - fails;
    return `  <testsuite name="${esc(rule.id)}" tests="${cases.length}" failures="${fails}" skipped="${skipped}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  out.push(`<testsuites name="fnguard" tests="${tests}" failures="${failures}" errors="0">`);
  out.push(...suites, '</testsuites>', '');
  return out.join('\n');
}
