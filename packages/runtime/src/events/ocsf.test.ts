import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFinding, emit, redactValue, type OcsfDetectionFinding } from './ocsf.js';

const ctx = { platform: 'aws' as const, source: 'apigw-v2', functionName: 'orders', requestId: 'r-1', coldStart: true, sourceIp: '203.0.113.9', principal: 'user-42', region: 'eu-west-1' };

test('Detection Finding shape (OCSF class 2004)', () => {
  const f = buildFinding({ category: 'sqli', rule: 'sqli.union', location: 'body.q', action: 'blocked', severity: 'high', evidence: '1 union select 1' }, ctx, 1_700_000_000_000);
  assert.equal(f.class_uid, 2004);
  assert.equal(f.category_uid, 2);
  assert.equal(f.type_uid, 200401);
  assert.equal(f.activity_id, 1);
  assert.equal(f.severity_id, 4);
  assert.equal(f.time, 1_700_000_000_000);
  assert.equal(f.metadata.product.name, 'fnguard');
  assert.deepEqual(f.finding_info.types, ['sqli', 'sqli.union']);
  assert.equal(typeof f.finding_info.uid, 'string');
  assert.equal(f.action_id, 2);
  assert.equal(f.disposition, 'Blocked');
  assert.deepEqual(f.src_endpoint, { ip: '203.0.113.9' });
  assert.deepEqual(f.actor, { user: { uid: 'user-42' } });
  assert.deepEqual(f.cloud, { provider: 'AWS', region: 'eu-west-1' });
  assert.deepEqual(f.unmapped, { cold_start: true, rule: 'sqli.union', action_taken: 'blocked', source: 'apigw-v2', location: 'body.q', function_name: 'orders', request_id: 'r-1' });
  const mon = buildFinding({ category: 'xss', rule: 'xss.tag', location: 'q', action: 'monitored', severity: 'medium' }, ctx);
  assert.equal(mon.action, 'Allowed');
});

test('redaction: credential locations and credential-shaped values never reach the line', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';
  const lines: string[] = [];
  emit((l) => lines.push(l), { category: 'sqli', rule: 'sqli.comment', location: 'headers.authorization', action: 'blocked', severity: 'high', evidence: "Bearer abc' --" }, ctx);
  emit((l) => lines.push(l), { category: 'sqli', rule: 'sqli.comment', location: 'body.note', action: 'blocked', severity: 'high', evidence: `x' -- ${jwt} AKIAABCDEFGHIJKLMNOP` }, ctx);
  emit((l) => lines.push(l), { category: 'xss', rule: 'xss.tag', location: 'cookie.session', action: 'blocked', severity: 'high', evidence: 'sess-value<script>' }, ctx);
  for (const l of lines) {
    assert.ok(!l.includes('Bearer abc'), l);
    assert.ok(!l.includes(jwt.slice(0, 20)), l);
    assert.ok(!l.includes('AKIAABCDEFGHIJKLMNOP'), l);
    assert.ok(!l.includes('sess-value'), l);
    const parsed = JSON.parse(l) as OcsfDetectionFinding;
    assert.equal(parsed.class_uid, 2004);
  }
  assert.equal(redactValue('ghp_abcdefghijklmnopqrstuvwxyz0123'), '[REDACTED]');
  assert.equal(redactValue('plain text'), 'plain text');
});
