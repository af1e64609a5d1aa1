import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/cli.js';

const fixtures = fileURLToPath(new URL('./fixtures/bad-input/', import.meta.url));

test('broken, hostile and unknown input gives one-line warnings per file and the scan goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-bad-'));
  try {
    cpSync(fixtures, dir, { recursive: true });
    // A symlink loop and a link that escapes the root are created here (git would not keep them portable).
    mkdirSync(join(dir, 'loop'));
    symlinkSync('..', join(dir, 'loop', 'up'));
    symlinkSync('/etc', join(dir, 'escape'));
    // A file over the size limit.
    writeFileSync(join(dir, 'huge.template.yaml'), `AWSTemplateFormatVersion: "2010-09-09"\n# ${'x'.repeat(2048)}\n`);
    const r = await runCli(['scan', dir, '--format', 'json', '--max-file-size', '1024']);
    assert.notEqual(r.code, 2, r.stderr);
    const out = JSON.parse(r.stdout) as { diagnostics: { level: string; file: string; message: string }[] };
    const warnings = out.diagnostics.filter((d) => d.level === 'warning');
    const about = (file: string) => warnings.filter((w) => w.file === file).map((w) => w.message).join(' | ');
    assert.match(about('serverless.yml'), /YAML/i);
    assert.match(about('bomb.template.yaml'), /alias/i);
    assert.match(about('binary.yaml'), /binary/i);
    assert.match(about('huge.template.yaml'), /limit/i);
    assert.match(about('escape'), /outside/i);
    assert.match(about('broken.tf'), /.+/);
    assert.match(about('broken-arm.json'), /JSON/i);
    for (const w of warnings) assert.ok(!w.message.includes('\n') && !/\bat .+:\d+:\d+/.test(w.message), `not one line: ${w.message}`);
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2 with one line', async () => {
  for (const argv of [['scan'], ['scan', '/no/such/path'], ['scan', '.', '--format', 'xml'], ['scan', '.', '--bogus'], ['scan', '.', '--rule', 'NOPE'], ['nope']]) {
    const r = await runCli(argv);
    assert.equal(r.code, 2, `${argv.join(' ')} → ${r.code}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('an empty folder is a clean scan with a warning that nothing was found', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-empty-'));
  try {
    const r = await runCli(['scan', dir]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /no deployment definitions found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
