import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../findings/types.js';
import { TECHNIQUES } from '../../analyzers/iam/techniques.js';
import { loadExport, auditExport, principalOf } from './testing.js';
import privilegeEscalation from './privilege-escalation.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/escalation-account.json', import.meta.url));

describe('AWS_IAM_PRIVILEGE_ESCALATION on an account export', () => {
  let findings: Finding[] = [];
  before(async () => {
    findings = await auditExport(FIXTURE, [privilegeEscalation]);
  });

  it('has a fixture principal for every technique', () => {
    const names = new Set([...loadExport(FIXTURE).identities.values()].map((i) => i.name));
    assert.deepEqual(TECHNIQUES.filter((t) => !names.has(`esc-${t.id}`)).map((t) => t.id), []);
  });

  for (const t of TECHNIQUES) {
    it(`finds ${t.id}`, () => {
      const hit = findings.find((f) => principalOf(f) === `esc-${t.id}` && f.message.includes(`(${t.id})`));
      assert.ok(hit, `no ${t.id} finding for esc-${t.id}; got: ${findings.filter((f) => principalOf(f) === `esc-${t.id}`).map((f) => f.message).join(' | ')}`);
      for (const action of t.actions) assert.ok(hit.message.includes(action), `${action} missing from: ${hit.message}`);
      if (t.passRoleTo) assert.ok(hit.message.includes('iam:PassRole'));
      assert.ok(hit.tags.includes('privilege-escalation') && hit.tags.includes('iam'));
      assert.ok(hit.related.length >= 1 && hit.related.every((r) => r.loc.file === 'escalation-account.json' && r.loc.line > 1));
      assert.deepEqual(hit.logicalLocations, [{ name: `esc-${t.id}`, fullyQualifiedName: `arn:aws:iam::111122223333:role/esc-${t.id}`, kind: 'principal' }]);
    });
  }

  it('points at the statement that grants the technique', () => {
    const hit = findings.find((f) => principalOf(f) === 'esc-lambda-create-invoke')!;
    assert.deepEqual([hit.loc.line, hit.related.map((r) => `${r.loc.line} ${r.message}`)], [
      83,
      ['82 grants iam:PassRole', '83 grants lambda:CreateFunction', '83 grants lambda:InvokeFunction'],
    ]);
  });

  it('finds paths through group policies of a user', () => {
    assert.ok(findings.some((f) => principalOf(f) === 'esc-user-via-group' && f.message.includes('(iam-attach-user-policy)') && f.loc.line === 28));
  });

  it('marks grants under a non-restrictive condition as conditional', () => {
    const hit = findings.find((f) => principalOf(f) === 'esc-iam-put-role-policy')!;
    assert.match(hit.message, /condition that does not restrict/);
  });

  it('names the role that makes PassRole dangerous', () => {
    const hit = findings.find((f) => principalOf(f) === 'esc-lambda-create-function-url')!;
    assert.match(hit.message, /roles it can pass: admin-target/);
  });

  it('reports nothing for look-alike safe principals (Deny, scoping, harmless roles, impossible or restrictive conditions, boundary)', () => {
    const safe = findings.filter((f) => principalOf(f)?.startsWith('safe-'));
    assert.deepEqual(safe.map((f) => `${principalOf(f)}: ${f.message}`), []);
    const safeCount = [...loadExport(FIXTURE).identities.values()].filter((i) => i.name.startsWith('safe-')).length;
    assert.ok(safeCount >= 10, String(safeCount));
  });

  it('leaves administrator-equivalent and harmless roles to other rules', () => {
    assert.ok(!findings.some((f) => principalOf(f) === 'admin-target' || principalOf(f) === 'harmless-target'));
  });
});
