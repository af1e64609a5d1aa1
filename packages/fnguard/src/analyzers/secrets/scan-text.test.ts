import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notebookText, scanText } from './scan-text.js';
import { redact } from './redact.js';

const j = (...p: string[]) => p.join('');
const GH = j('ghp_', 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6');
const AWS_ID = j('AKIA', 'ZQ3X7PL2MV9RT4KW');

describe('scanText', () => {
  it('finds provider keys, URLs with passwords and secret-like assignments with lines', async () => {
    const src = [
      'import os',
      `GITHUB = "${GH}"`,
      `aws_key = '${AWS_ID}'`,
      'db = "postgres://app:Vx9!qL2#zR7@db.internal:5432/app"',
      'api_key = "Zq8Lm2Xv7Pk4Rt9W"',
      'table = "orders-prod"',
      'doc_key = "AKIAIOSFODNN7EXAMPLE"',
      'password = "${DB_PASSWORD}"',
    ].join('\n');
    const f = await scanText('app/handler.py', src);
    assert.deepEqual(f.map((x) => x.line), [2, 3, 4, 5]);
    assert.equal(f[1]!.kind, 'aws-access-key-id');
    assert.equal(f[3]!.kind, 'high-entropy');
    for (const x of f) assert.equal(x.hash.length, 16);
  });
  it('does not read type annotations or prose in code as assignments', async () => {
    const f = await scanText('src/types.ts', "interface X {\n  pass: string[];\n  token: Promise<string>;\n}\nconst m = { secrets: 'Secret exposed in environment' };\n");
    assert.deepEqual(f, []);
  });
  it('reads .env style lines', async () => {
    const f = await scanText('.env', 'NODE_ENV=production\nSTRIPE_SECRET=' + j('sk_live_', '51HxYzAbCdEfGhIjKlMnOpQr') + '\nPASSWORD=changeme\n');
    assert.deepEqual(f.map((x) => [x.line, x.kind]), [[2, 'stripe-live-key']]);
  });
  it('reports a PEM block once with a block-specific fingerprint', async () => {
    const pem = (body: string) => [j('-----BEGIN RSA ', 'PRIVATE KEY-----'), body, '-----END RSA PRIVATE KEY-----'].join('\n');
    const a = await scanText('k1.pem', pem('MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu'));
    const b = await scanText('k2.pem', pem('MIIBOwIBAAJBAMtQ1vhl9Ob4J2hPmLzZb2XYc3Zq8X1vW7N5b3pL0d4xJt2Ks9Qa'));
    assert.equal(a.length, 1);
    assert.equal(a[0]!.line, 1);
    assert.notEqual(a[0]!.hash, b[0]!.hash);
  });
  it('maps notebook cell lines to file lines', async () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'markdown', source: ['# Title\n'] },
        { cell_type: 'code', source: ['import requests\n', `token = "${GH}"\n`, 'print(1)\n'] },
      ],
      nbformat: 4,
    }, null, 1);
    const v = notebookText(nb)!;
    assert.equal(v.text.split('\n')[2], `token = "${GH}"`);
    const f = await scanText('analysis.ipynb', nb);
    assert.equal(f.length, 1);
    const realLine = nb.split('\n').findIndex((l) => l.includes('token = ')) + 1;
    assert.equal(f[0]!.line, realLine);
  });
  it('never needs more than redact() to show a secret', async () => {
    const [f] = await scanText('x.js', `const t = "${GH}";`);
    assert.equal(redact(f!.secret), 'ghp_********');
  });
});
