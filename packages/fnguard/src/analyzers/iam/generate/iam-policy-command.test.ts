import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { iamPolicyCommand } from '../../../cli/commands/iam-policy.js';
import { UsageError } from '../../../core/errors.js';

const fixtures = fileURLToPath(new URL('../../../rules/iam-usage/fixtures/', import.meta.url));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await iamPolicyCommand.run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, cwd: fixtures });
  return { code, out, err };
}

describe('fnguard iam policy', () => {
  it('prints every function with its verified policy as JSON by default', async () => {
    const r = await run(['tf-node']);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out) as { functions: { function: string; complete: boolean; policy: { Statement: { Action: string[]; Resource: string[] }[] }; verification: { ok: boolean } }[] };
    assert.equal(json.functions.length, 1);
    const f = json.functions[0]!;
    assert.equal(f.function, 'thumbnailer');
    assert.ok(f.complete && f.verification.ok);
    assert.deepEqual(f.policy.Statement.map((s) => `${s.Action.join(',')} ${s.Resource.join(',')}`), [
      's3:GetObject arn:aws:s3:::thumbnail-sources/*',
      's3:PutObject arn:aws:s3:::thumbnail-output/small/*',
      'sqs:SendMessage ${aws_sqs_queue.jobs.arn}',
    ]);
  });

  it('prints the bare policy document for --function, and notes on stderr for snippets', async () => {
    const r = await run(['sam-python', '--function', 'ProfileFunction']);
    const doc = JSON.parse(r.out) as { Version: string; Statement: unknown[] };
    assert.equal(doc.Version, '2012-10-17');
    assert.equal(doc.Statement.length, 2);
    const y = await run(['sam-python', '--format', 'yaml']);
    assert.match(y.out, /^Policies:$/m);
    assert.match(y.err, /note: ProfileFunction: if the secret is encrypted with a customer managed KMS key/);
  });

  it('writes serverless.yml statements for serverless functions and HCL on request', async () => {
    const y = await run(['unused-sls', '--format', 'snippet']);
    const doc = parseDocument(y.out, { customTags: [{ tag: '!GetAtt', resolve: (v: string) => `GetAtt ${v}` }] });
    assert.deepEqual(doc.errors, []);
    assert.match(y.out, /^ {6}statements:$/m);
    const h = await run(['unused-sls', '--format', 'hcl']);
    assert.match(h.out, /data "aws_iam_policy_document" "createOrder"/);
  });

  it('writes to --output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnguard-policy-'));
    try {
      const file = join(dir, 'policy.json');
      const r = await run(['sam-python-ok', '--output', file]);
      assert.equal(r.out, '');
      assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { functions: unknown[] }).functions.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with one-line usage errors', async () => {
    await assert.rejects(run(['missing-folder']), (e: Error) => e instanceof UsageError && e.message === 'path not found: missing-folder');
    await assert.rejects(run(['sam-python', '--function', 'Nope']), (e: Error) => e instanceof UsageError && e.message === "unknown function 'Nope' (functions: ProfileFunction)");
    await assert.rejects(run(['tf-node', '--format', 'xml']), (e: Error) => e instanceof UsageError && /--format must be one of json, yaml, hcl, snippet, console/.test(e.message));
    await assert.rejects(run(['../../../analyzers/code/fixtures']), (e: Error) => e instanceof UsageError && /^no AWS Lambda functions found under/.test(e.message));
  });
});
