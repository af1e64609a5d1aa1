import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { UsageError } from '../../core/errors.js';
import type { CommandIO } from '../types.js';
import { iamAuditCommand } from './iam-audit.js';

const FIXTURES = fileURLToPath(new URL('../../rules/iam/fixtures/', import.meta.url));

function capture(cwd = FIXTURES): CommandIO & { out: string; err: string } {
  const io = { out: '', err: '', isTTY: false, cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('fnguard iam audit', () => {
  it('writes SARIF with principal logical locations and privilege-escalation tags, exit 1', async () => {
    const io = capture();
    assert.equal(await iamAuditCommand.run(['escalation-account.json', '--format', 'sarif'], io), 1);
    const sarif = JSON.parse(io.out) as { runs: { results: { ruleId: string; properties: { tags: string[] }; locations: { logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[]; physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const results = sarif.runs[0]!.results;
    const esc = results.filter((r) => r.ruleId === 'AWS_IAM_PRIVILEGE_ESCALATION');
    assert.ok(esc.length >= 67, String(esc.length));
    assert.ok(esc.every((r) => r.properties.tags.includes('privilege-escalation') && r.properties.tags.includes('iam')));
    const one = esc.find((r) => r.locations[0]!.logicalLocations?.[0]?.name === 'esc-iam-create-policy-version')!;
    assert.deepEqual(one.locations[0]!.logicalLocations, [{ name: 'esc-iam-create-policy-version', fullyQualifiedName: 'arn:aws:iam::111122223333:role/esc-iam-create-policy-version', kind: 'principal' }]);
    assert.equal(one.locations[0]!.physicalLocation.region.startLine, 46);
  });

  it('writes JSON to --output and honours --severity-threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnguard-audit-'));
    const out = join(dir, 'report.json');
    const io = capture();
    // The scoped/denied roles of this export only; the rest has critical findings.
    assert.equal(await iamAuditCommand.run([join(FIXTURES, 'findings-account.json'), '--format', 'json', '--output', out, '--severity-threshold', 'critical'], io), 1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: { ruleId: string }[] };
    assert.ok(report.findings.some((f) => f.ruleId === 'AWS_IAM_ADMIN_EQUIVALENT'));
    assert.equal(io.out, '');

    const clean = join(dir, 'clean.json');
    writeFileSync(clean, JSON.stringify({ RoleDetailList: [{ RoleName: 'r', Arn: 'arn:aws:iam::1:role/r', RolePolicyList: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] } }] }] }));
    assert.equal(await iamAuditCommand.run([clean, '--severity-threshold', 'high'], capture()), 0);
    assert.equal(await iamAuditCommand.run([clean], capture()), 1);
  });

  it('turns bad input into a one-line usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnguard-audit-'));
    writeFileSync(join(dir, 'broken.json'), '{"RoleDetailList": [{"RoleName": 7}]}');
    writeFileSync(join(dir, 'text.json'), 'not json at all');
    const cases: [string[], RegExp][] = [
      [['broken.json'], /^broken\.json: RoleDetailList\[0\]\.RoleName: expected a non-empty string$/],
      [['text.json'], /^text\.json: invalid JSON at line 1/],
      [['missing.json'], /^cannot read missing\.json: ENOENT$/],
      [['.'], /^not a file: \.$/],
      [[], /exactly one export file/],
      [['broken.json', '--format', 'xml'], /--format must be one of console, json, sarif/],
    ];
    for (const [argv, re] of cases) {
      await assert.rejects(iamAuditCommand.run(argv, capture(dir)), (err: unknown) => err instanceof UsageError && re.test(err.message) && !err.message.includes('\n'), argv.join(' '));
    }
  });

  it('prints its usage on --help', async () => {
    const io = capture();
    assert.equal(await iamAuditCommand.run(['--help'], io), 0);
    assert.match(io.out, /^fnguard iam audit <account-authorization-details\.json>/);
  });
});
