import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scan } from '../../scan.js';
import { testRule } from '../tester.js';
import inSource from './in-source.js';
import inGitHistory from './in-git-history.js';

const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const LEAKY_FINDINGS = ['src/handler.js:4', 'src/handler.js:9', '.env.production:2', 'notebooks/explore.ipynb:17'];

testRule(inSource, { fail: [{ fixture: fx('leaky'), expect: LEAKY_FINDINGS, messageIncludes: '********' }], pass: [fx('clean')] });

describe('FNG_SECRET_IN_SOURCE details', () => {
  it('never shows a secret unredacted, and ties code secrets to the function', async () => {
    const res = await scan(fx('leaky'), { rules: [inSource] });
    const out = JSON.stringify(res);
    for (const raw of ['Q7w2E9r4T1y6U3i8O5p0', 'Wq8vZ3nL5pK2', '9fKx2LmQ7rT4vW8yZ1bN3cD5', 'Xk29dLq8Vz3RtP6wYb1Nc7Hm4']) {
      assert.ok(!out.includes(raw), `raw secret ${raw.slice(0, 4)}… leaked into the output`);
    }
    const gh = res.findings.find((f) => f.loc.line === 4 && f.loc.file === 'src/handler.js')!;
    assert.match(gh.message, /ghp_\*{8}/);
    if (res.stats.functions > 0) assert.deepEqual(gh.functions.map((f) => f.name), ['api']);
  });
  it('honours path globs and fingerprints in secretAllow', async () => {
    const all = await scan(fx('leaky'), { rules: [inSource] });
    const nb = all.findings.find((f) => f.loc.file.endsWith('.ipynb'))!;
    const fp = /fingerprint ([0-9a-f]{16})/.exec(nb.message)![1]!;
    const res = await scan(fx('leaky'), { rules: [inSource], ruleOptions: { secretAllow: ['.env.*', fp] } });
    assert.deepEqual(res.findings.map((f) => `${f.loc.file}:${f.loc.line}`).sort(), ['src/handler.js:4', 'src/handler.js:9']);
  });
});

describe('FNG_SECRET_IN_GIT_HISTORY', () => {
  it('reports a secret deleted from HEAD with its commit, and not one still present', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-git-'));
    const g = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    try {
      g('init', '-q');
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'serverless.yml'), readFileSync(join(fx('clean'), 'serverless.yml')));
      writeFileSync(join(dir, 'src/handler.js'), 'export const main = async () => 1;\n');
      writeFileSync(join(dir, 'src/config.js'), "export const region = 'eu-west-1';\nexport const token = 'glpat-Vb7Nq2Lx9Rt4Kp8Wz1Ms';\n");
      writeFileSync(join(dir, 'src/keep.js'), "export const k = 'ghp_Z1x2C3v4B5n6M7a8S9d0F1g2H3j4K5l6P7o8';\n");
      g('add', '.');
      g('commit', '-q', '-m', 'add config');
      const first = g('rev-parse', 'HEAD').trim();
      unlinkSync(join(dir, 'src/config.js'));
      g('add', '-A');
      g('commit', '-q', '-m', 'remove config');
      const res = await scan(dir, { rules: [inGitHistory], ruleOptions: { gitHistory: true } });
      assert.deepEqual(res.findings.map((f) => `${f.loc.file}:${f.loc.line}`), ['src/config.js:2']);
      assert.ok(res.findings[0]!.message.includes(first.slice(0, 12)));
      assert.ok(!JSON.stringify(res).includes('Vb7Nq2Lx9Rt4Kp8Wz1Ms'));
      const off = await scan(dir, { rules: [inGitHistory] });
      assert.equal(off.findings.length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('warns in one line outside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fng-nogit-'));
    try {
      writeFileSync(join(dir, 'a.js'), 'x = 1\n');
      const res = await scan(dir, { rules: [inGitHistory], ruleOptions: { gitHistory: true } });
      assert.equal(res.findings.length, 0);
      const d = res.diagnostics.find((x) => x.message.startsWith('git history not scanned'));
      assert.ok(d && !d.message.includes('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
