/**
 * Test table of the GCP rules, on Terraform fixtures: gcp-weak holds a 1st gen HTTP function and a
 * 2nd gen HTTP function with every weakness; gcp-hardened the same functions done right.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { testRule } from '../tester.js';
import defaultServiceAccount from './default-service-account.js';
import httpsNotEnforced from './https-not-enforced.js';
import { gcpRules } from './index.js';
import ingressAllowAll from './ingress-allow-all.js';
import noCmek from './no-cmek.js';
import privateTargetNoVpc, { privateTarget } from './private-target-no-vpc.js';
import publicInvoker from './public-invoker.js';
import runtimeDeprecated from './runtime-deprecated.js';
import secretInEnv from './secret-in-env.js';
import vpcEgressPrivateOnly from './vpc-egress-private-only.js';

const fx = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));
const WEAK = fx('gcp-weak');
const OK = fx('gcp-hardened');

it('every GCP rule is in the table and registered', () => {
  assert.equal(gcpRules.length, 9);
  for (const r of gcpRules) assert.match(r.meta.id, /^GCP_/);
});

it('recognises private targets', () => {
  const t = (value: string) => privateTarget({ name: 'X', value, loc: { file: 'f', line: 1 } });
  assert.equal(t('redis://10.0.0.7:6379'), '10.0.0.7');
  assert.equal(t('172.20.1.2'), '172.20.1.2');
  assert.equal(t('postgres://db.c.my-project.internal:5432/app'), 'db.c.my-project.internal');
  assert.equal(t('172.32.0.1'), undefined);
  assert.equal(t('110.0.0.1'), undefined);
  assert.equal(t('https://api.example.org'), undefined);
  assert.equal(t('v10.0.0.1.2'), undefined);
});

testRule(publicInvoker, {
  fail: [{ fixture: WEAK, expect: ['main.tf:19', 'main.tf:43'] }],
  pass: [OK],
});

testRule(defaultServiceAccount, {
  fail: [{ fixture: WEAK, expect: ['main.tf:1', 'main.tf:35'] }],
  pass: [OK],
});

testRule(ingressAllowAll, {
  fail: [{ fixture: WEAK, expect: ['main.tf:1', 'main.tf:32'] }],
  pass: [OK],
});

testRule(secretInEnv, {
  fail: [{ fixture: WEAK, expect: ['main.tf:11'], messageIncludes: 'Vb7N********' }],
  pass: [OK],
});

testRule(httpsNotEnforced, {
  fail: [{ fixture: WEAK, expect: ['main.tf:5'] }],
  pass: [OK],
});

testRule(privateTargetNoVpc, {
  fail: [{ fixture: WEAK, expect: ['main.tf:10'], messageIncludes: '10.12.0.4' }],
  pass: [OK],
});

testRule(vpcEgressPrivateOnly, {
  fail: [{ fixture: WEAK, expect: ['main.tf:34'] }],
  pass: [OK],
});

testRule(noCmek, {
  fail: [{ fixture: WEAK, expect: ['main.tf:1', 'main.tf:22'] }],
  pass: [OK],
});

// A fixed day keeps the table stable as time passes.
testRule(runtimeDeprecated, {
  fail: [{ fixture: WEAK, expect: ['main.tf:3', 'main.tf:27'] }],
  pass: [OK],
  ruleOptions: { today: '2026-11-25' },
});
