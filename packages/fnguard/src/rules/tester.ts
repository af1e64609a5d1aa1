/**
 * RuleTester: runs one rule over hand-written fixtures and checks the exact findings.
 * A failing fixture lists every (file, line) the rule must report – no more, no less;
 * a passing fixture must produce nothing. Used by the test table of every rule folder.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../scan.js';
import type { Rule } from './define.js';

export interface FailingCase {
  /** Fixture file or folder (absolute, or relative to process.cwd()). */
  fixture: string;
  /** Expected findings as `file:line` relative to the fixture root (a folder) or the file's folder. */
  expect: string[];
  /** Optional substring every message must contain. */
  messageIncludes?: string;
}

export interface RuleCases {
  fail: FailingCase[];
  pass: string[];
  ruleOptions?: Record<string, unknown>;
}

export function testRule(rule: Rule, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      const m = rule.meta;
      assert.match(m.id, /^[A-Z][A-Z0-9_]+$/);
      for (const k of ['title', 'description', 'remediation'] as const) assert.ok(m[k].length > 10, `${k} too short`);
      assert.ok(Object.keys(m.compliance).length > 0, 'no compliance references');
      assert.ok(cases.fail.length > 0 && cases.pass.length > 0, 'needs at least one failing and one passing fixture');
    });
    for (const c of cases.fail) {
      it(`reports ${c.fixture}`, async () => {
        const res = await scan(c.fixture, { rules: [rule], ruleOptions: cases.ruleOptions });
        const got = res.findings.map((f) => `${f.loc.file}:${f.loc.line}`).sort();
        assert.deepEqual(got, [...c.expect].sort(), `findings: ${JSON.stringify(res.findings.map((f) => [f.loc, f.message]))}\ndiagnostics: ${JSON.stringify(res.diagnostics)}`);
        if (c.messageIncludes) for (const f of res.findings) assert.ok(f.message.includes(c.messageIncludes), f.message);
      });
    }
    for (const p of cases.pass) {
      it(`passes ${p}`, async () => {
        const res = await scan(p, { rules: [rule], ruleOptions: cases.ruleOptions });
        assert.deepEqual(res.findings.map((f) => `${f.loc.file}:${f.loc.line} ${f.message}`), []);
        assert.ok(res.stats.functions > 0 || res.stats.files > 0, 'fixture produced an empty model: nothing was tested');
      });
    }
  });
}
