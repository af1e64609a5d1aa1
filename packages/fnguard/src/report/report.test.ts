import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sarifValidator } from '../../test/helpers/sarif.js';
import type { ScanResult } from '../findings/types.js';
import type { RuleMeta } from '../rules/define.js';
import { renderReport } from './index.js';

const meta: RuleMeta = {
  id: 'AWS_TEST_RULE',
  title: 'Test rule title',
  severity: 'high',
  category: 'exposure',
  clouds: ['aws'],
  description: 'A rule used to exercise the reporters.',
  remediation: 'Do the right thing.',
  compliance: { 'PCI-DSS-4.0': ['7.2.1'] },
  tags: ['privilege-escalation'],
};

const result: ScanResult = {
  root: '/tmp/project',
  rules: [meta],
  diagnostics: [{ level: 'warning', file: 'broken.yml', line: 3, message: 'skipped: invalid YAML' }],
  stats: { files: 2, functions: 1, durationMs: 12 },
  findings: [
    {
      ruleId: meta.id, title: meta.title, severity: 'high', category: 'exposure', message: 'Function "a <b>" & co',
      loc: { file: 'dir with space/serverless.yml', line: 12 }, functions: [{ id: 'x#a', name: 'a' }],
      related: [{ loc: { file: 'dir with space/serverless.yml', line: 4 }, message: 'role defined here' }],
      fingerprint: 'abc123', tags: ['exposure', 'privilege-escalation'],
    },
    {
      ruleId: meta.id, title: meta.title, severity: 'low', category: 'exposure', message: 'suppressed one',
      loc: { file: 'serverless.yml', line: 20 }, functions: [], related: [], fingerprint: 'def456', tags: ['exposure'],
      suppression: { reason: 'accepted risk', loc: { file: 'serverless.yml', line: 19 } },
    },
  ],
};

test('SARIF output validates against the SARIF 2.1.0 schema and carries the required properties', () => {
  const validate = sarifValidator();
  const log = JSON.parse(renderReport(result, 'sarif', { color: false }));
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  const run = log.runs[0];
  const rule = run.tool.driver.rules[0];
  assert.deepEqual(rule.properties.tags, ['exposure', 'privilege-escalation']);
  assert.equal(rule.properties['security-severity'], '8.0');
  assert.ok(rule.help.text.includes('Do the right thing'));
  const [r1, r2] = run.results;
  assert.equal(r1.locations[0].physicalLocation.artifactLocation.uri, 'dir%20with%20space/serverless.yml');
  assert.equal(r1.locations[0].physicalLocation.region.startLine, 12);
  assert.equal(r1.partialFingerprints['fnguardFindingHash/v1'], 'abc123');
  assert.equal(r2.suppressions[0].kind, 'inSource');
  assert.equal(r2.suppressions[0].justification, 'accepted risk');
  assert.equal(run.invocations[0].toolExecutionNotifications.length, 1);
});

test('the SARIF validator rejects a broken log (the schema check can fail)', () => {
  const validate = sarifValidator();
  const log = JSON.parse(renderReport(result, 'sarif', { color: false }));
  log.runs[0].results[0].level = 'fatal';
  assert.equal(validate(log), false);
});

test('JUnit output escapes XML and marks suppressed findings as skipped', () => {
  const xml = renderReport(result, 'junit', { color: false });
  assert.ok(xml.includes('Function &quot;a &lt;b&gt;&quot; &amp; co'));
  assert.ok(xml.includes('<skipped message="suppressed: accepted risk"/>'));
  assert.match(xml, /<testsuites name="fnguard" tests="2" failures="1"/);
});

test('console output groups by function, has no colour codes when colour is off, and counts', () => {
  const text = renderReport(result, 'console', { color: false });
  assert.ok(text.includes('● function a'));
  assert.ok(text.includes('dir with space/serverless.yml:12'));
  assert.ok(!text.includes('\u001b['));
  assert.match(text, /1 finding\(s\): 1 high \(1 suppressed\)/);
  assert.ok(text.includes('warning broken.yml:3 skipped: invalid YAML'));
});

test('JSON output summarises by severity without counting suppressed findings', () => {
  const j = JSON.parse(renderReport(result, 'json', { color: false }));
  assert.equal(j.summary.findings, 1);
  assert.equal(j.summary.suppressed, 1);
  assert.equal(j.summary.bySeverity.high, 1);
});
