/**
 * The bundled example, end to end through the CLI: the exact expected findings (a hand-reviewed
 * list in fixtures/examples.expected.txt), valid SARIF, stable fingerprints and suppressions.
 * Regenerate the list after a deliberate change with UPDATE_EXPECTED=1 and review the diff.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/cli.js';
import { sarifValidator } from './helpers/sarif.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const examples = join(repo, 'examples');
const expectedFile = fileURLToPath(new URL('./fixtures/examples.expected.txt', import.meta.url));

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
}

async function sarifOf(dir: string): Promise<{ code: number; results: SarifResult[]; log: unknown }> {
  // The day is pinned: runtime end-of-support findings must not change with the calendar.
  const r = await runCli(['scan', dir, '--vuln-db', join(examples, 'osv-db'), '--format', 'sarif', '--today', '2026-11-25']);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  const log = JSON.parse(r.stdout);
  return { code: r.code, results: log.runs[0].results, log };
}

const line = (r: SarifResult) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`;

test('scanning the bundled examples reports exactly the expected findings, in valid SARIF', async () => {
  const { code, results, log } = await sarifOf(examples);
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(code, 1);
  const got = results.map(line).sort();
  if (process.env.UPDATE_EXPECTED) writeFileSync(expectedFile, `${got.join('\n')}\n`);
  const expected = readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean);
  assert.deepEqual(got, expected);
  // No secret from the examples reaches the output in full.
  const text = JSON.stringify(log);
  for (const secret of ['sk_live_51Hx9QmLkT3vW8zRr2nYp4Ab', 'ghp_4sT9kLmQ2wE8rTyU1iOpA5sDfG7hJkL3zXcV', '9Xq2Lr7vTz4KpW1mNc8bYs3Hd6Gf0Ja5Ue2RiOoQ', 'tok_8f2Kq9ZmX4vB7nR1wL5yT3pD6sH0jG2c']) {
    assert.ok(!text.includes(secret), `secret printed: ${secret.slice(0, 4)}…`);
    assert.ok(!text.includes(secret.slice(4, 16)), `secret partly printed: ${secret.slice(0, 4)}…`);
  }
});

test('fingerprints are stable across runs and line shifts; inline suppressions are reported as suppressed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-e2e-'));
  try {
    cpSync(join(examples, 'serverless-app'), dir, { recursive: true });
    const before = await sarifOf(dir);
    const file = join(dir, 'serverless.yml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `# two lines added on top\n# shift every finding\n${original}`);
    const after = await sarifOf(dir);
    const fps = (rs: SarifResult[]) => rs.map((r) => `${r.ruleId}:${Object.values(r.partialFingerprints)[0]}`).sort();
    assert.deepEqual(fps(after.results), fps(before.results));
    const urlBefore = before.results.find((r) => r.ruleId === 'AWS_LAMBDA_URL_AUTH_NONE')!;
    const urlAfter = after.results.find((r) => r.ruleId === 'AWS_LAMBDA_URL_AUTH_NONE')!;
    assert.equal(urlAfter.locations[0]!.physicalLocation.region.startLine, urlBefore.locations[0]!.physicalLocation.region.startLine + 2);

    // Suppress the public function URL with a reason, on the line above it.
    writeFileSync(file, original.replace(/^(\s*)url: true.*$/m, '$1# fnguard-ignore AWS_LAMBDA_URL_AUTH_NONE: public webhook, HMAC-verified in the handler\n$1url: true'));
    const suppressed = await sarifOf(dir);
    const r = suppressed.results.find((x) => x.ruleId === 'AWS_LAMBDA_URL_AUTH_NONE')!;
    assert.deepEqual(r.suppressions?.map((s) => [s.kind, s.justification]), [['inSource', 'public webhook, HMAC-verified in the handler']]);
    const others = suppressed.results.filter((x) => x.ruleId !== 'AWS_LAMBDA_URL_AUTH_NONE');
    assert.ok(others.every((x) => !x.suppressions), 'only the named rule is suppressed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('severity threshold, rule and category filters change what fails the run', async () => {
  const all = await runCli(['scan', examples, '--format', 'json']);
  assert.equal(all.code, 1);
  const onlyInfo = await runCli(['scan', examples, '--format', 'json', '--rule', 'AWS_LAMBDA_URL_AUTH_NONE']);
  const j = JSON.parse(onlyInfo.stdout) as { findings: { ruleId: string }[] };
  assert.ok(j.findings.length > 0 && j.findings.every((f) => f.ruleId === 'AWS_LAMBDA_URL_AUTH_NONE'));
  const cat = JSON.parse((await runCli(['scan', examples, '--format', 'json', '--category', 'network'])).stdout) as { findings: { ruleId: string }[]; rules: { category: string }[] };
  assert.ok(cat.rules.every((r) => r.category === 'network'));
  const critical = await runCli(['scan', join(examples, 'azure-functions'), '--severity-threshold', 'critical']);
  assert.equal(critical.code, 0, 'no critical finding in the Azure Functions example');
});

test('the iam subcommands work on the bundled examples', async () => {
  const audit = await runCli(['iam', 'audit', join(examples, 'aws-account', 'account-authorization-details.json'), '--format', 'sarif']);
  assert.equal(audit.code, 1, audit.stderr);
  const log = JSON.parse(audit.stdout);
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  const escalations = (log.runs[0].results as (SarifResult & { locations: { logicalLocations?: { fullyQualifiedName?: string }[] }[] })[]).filter((r) => r.ruleId === 'AWS_IAM_PRIVILEGE_ESCALATION');
  assert.deepEqual(escalations.map((r) => r.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName).sort(), [
    'arn:aws:iam::123456789012:role/image-pipeline-lambda',
    'arn:aws:iam::123456789012:user/ci-deployer',
  ]);

  const policy = await runCli(['iam', 'policy', join(examples, 'serverless-app'), '--function', 'createOrder']);
  assert.equal(policy.code, 0, policy.stderr);
  const doc = JSON.parse(policy.stdout) as { Statement: { Action: string[]; Resource: string[] }[] };
  assert.deepEqual(doc.Statement.flatMap((s) => s.Action).sort(), ['dynamodb:GetItem', 'dynamodb:PutItem', 'secretsmanager:GetSecretValue']);
  assert.ok(doc.Statement.some((s) => s.Resource.includes('arn:aws:dynamodb:*:*:table/orders-api-dev-orders')));
});

test('iam policy --format sarif gives valid SARIF with the role-versus-code findings and the generated policies', async () => {
  const r = await runCli(['iam', 'policy', join(examples, 'sam-app'), '--format', 'sarif']);
  assert.equal(r.code, 0, r.stderr);
  const log = JSON.parse(r.stdout);
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.deepEqual((log.runs[0].results as SarifResult[]).map(line), ['AWS_IAM_UNUSED_PERMISSION template.yaml:64']);
  assert.deepEqual(log.runs[0].properties.generatedPolicies.map((p: { function: string; verified: boolean }) => [p.function, p.verified]).sort(), [['ExportFunction', true], ['ThumbnailFunction', true]]);
});
