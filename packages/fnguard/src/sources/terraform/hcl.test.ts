import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyModel } from '../../model/types.js';
import type { SourceContext } from '../types.js';
import { parseHcl, type Expr } from './hcl.js';
import { Evaluator, JsonValue, Unknown, lineOf, type Val } from './eval.js';
import { loadConfig } from './load.js';

function fakeCtx(): SourceContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    root: '/nonexistent',
    model: emptyModel('/nonexistent'),
    readFile: () => undefined,
    listDir: () => undefined,
    consume: () => {},
    keep: () => {},
    warn: (file, message, line) => warnings.push(`${file}:${line ?? 0}: ${message}`),
    info: () => {},
    warnings,
  };
}

/** Evaluate `local.<name>` of a one-file root module. */
async function locals(text: string): Promise<{ get(name: string): Val; warnings: string[] }> {
  const ctx = fakeCtx();
  const ev = new Evaluator({ warn: ctx.warn });
  const cfg = await loadConfig([{ path: 'main.tf', abs: '/nonexistent/main.tf', text }], ctx, ev);
  const inst = cfg.instances[0]!;
  return { get: (name) => ev.local(inst, name), warnings: ctx.warnings };
}

test('blocks, labels and attributes keep their 1-based lines', async () => {
  const { body, errors } = await parseHcl('# c\nresource "aws_iam_role" "r" {\n  name = "x"\n\n  inline_policy {\n    name = "p"\n  }\n}\n');
  assert.deepEqual(errors, []);
  const b = body.blocks[0]!;
  assert.equal(b.type, 'resource');
  assert.deepEqual(b.labels, ['aws_iam_role', 'r']);
  assert.equal(b.line, 2);
  assert.equal(b.body.attrs.get('name')!.line, 3);
  assert.equal(b.body.blocks[0]!.type, 'inline_policy');
  assert.equal(b.body.blocks[0]!.body.attrs.get('name')!.line, 6);
});

test('quoted strings unescape, template escapes are literal', async () => {
  const { body } = await parseHcl('a = "q\\"x\\n\\u00e9"\nb = "$${var.x} %%{y}"\n');
  const lit = (e: Expr) => (e.k === 'lit' ? e.v : e.k === 'tmpl' ? e.parts.join('') : undefined);
  assert.equal(lit(body.attrs.get('a')!.expr), 'q"x\né');
  assert.equal(lit(body.attrs.get('b')!.expr), '${var.x} %{y}');
});

test('a syntax error skips only its block and reports the line', async () => {
  const { body, errors } = await parseHcl('resource "a" "one" {\n  x = 1\n}\nresource "a" "two" {\n  y = = 2\n}\nresource "a" "three" {\n  z = 3\n}\n');
  assert.deepEqual(body.blocks.map((b) => b.labels[1]), ['one', 'three']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 5);
  assert.match(errors[0]!.message, /"two"/);
});

test('deeply nested input neither throws nor overflows', async () => {
  const deep = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
  const { body } = await parseHcl(`x = ${deep}\nresource "a" "b" {\n  y = 1\n}\n`);
  assert.equal(body.blocks[0]?.labels[1], 'b');
  const l = await locals(`locals {\n  x = ${deep}\n}\n`);
  assert.doesNotThrow(() => l.get('x'));
});

test('interpolation: static parts joined, unknown parts rendered as ${…}', async () => {
  const l = await locals('variable "env" {}\nvariable "p" {\n  default = "shop"\n}\nlocals {\n  a = "${var.p}-${var.env}"\n  b = "${var.p}-x"\n  c = aws_iam_role.r.arn\n}\n');
  const a = l.get('a');
  assert.ok(a instanceof Unknown);
  assert.equal(a.text, 'shop-${var.env}');
  assert.equal(l.get('b'), 'shop-x');
  const c = l.get('c');
  assert.ok(c instanceof Unknown);
  assert.equal(c.text, '${aws_iam_role.r.arn}');
  assert.deepEqual(c.refs.map((r) => `${r.addr}.${r.attr}`), ['aws_iam_role.r.arn']);
});

test('conditionals, operators and common functions', async () => {
  const l = await locals(
    [
      'variable "on" {',
      '  default = true',
      '}',
      'variable "unknown" {}',
      'locals {',
      '  cond   = var.on ? "yes" : "no"',
      '  cond2  = var.unknown ? "yes" : "no"',
      '  fmt    = format("%s-%03d-%%", "a", 7)',
      '  joined = join(",", concat(["a"], ["b", "c"]))',
      '  look   = lookup({ a = 1 }, "b", 42)',
      '  merged = merge({ a = 1, b = 2 }, { b = 3 })',
      '  set    = toset(["x", "x", "y"])',
      '  math   = (1 + 2) * 3 - -1',
      '  logic  = !false && 2 > 1',
      '  tried  = try(var.unknown.field, "fallback")',
      '  forx   = [for s in ["a"] : upper(s)]',
      '  idx    = count.index',
      '}',
    ].join('\n'),
  );
  assert.equal(l.get('cond'), 'yes');
  assert.ok(l.get('cond2') instanceof Unknown);
  assert.equal(l.get('fmt'), 'a-7-%');
  assert.equal(l.get('joined'), 'a,b,c');
  assert.equal(l.get('look'), 42);
  assert.deepEqual(l.get('merged'), { a: 1, b: 3 });
  assert.deepEqual(l.get('set'), ['x', 'y']);
  assert.equal(l.get('math'), 10);
  assert.equal(l.get('logic'), true);
  assert.equal(l.get('tried'), 'fallback');
  assert.ok(l.get('forx') instanceof Unknown);
  assert.ok(l.get('idx') instanceof Unknown);
});

test('jsonencode keeps the line of every object and key', async () => {
  const l = await locals('locals {\n  p = jsonencode({\n    Statement = [\n      {\n        Effect = "Allow"\n      },\n    ]\n  })\n}\n');
  const p = l.get('p');
  assert.ok(p instanceof JsonValue);
  const doc = p.value as { Statement: Array<Record<string, Val>> };
  assert.equal(lineOf(doc.Statement, 0), 4);
  assert.equal(lineOf(doc.Statement[0], 'Effect'), 5);
});

test('heredocs: <<- strips the common indentation, interpolation stays', async () => {
  const l = await locals('locals {\n  h = <<-EOT\n    {\n      "a": "${local.x}"\n    }\n    EOT\n  x = "v"\n}\n');
  assert.equal(l.get('h'), '{\n  "a": "v"\n}\n');
});

test('a locals cycle gives one warning and unknown values', async () => {
  const l = await locals('locals {\n  a = local.b\n  b = "${local.a}!"\n}\n');
  assert.ok(l.get('a') instanceof Unknown);
  assert.equal(l.warnings.length, 1);
  assert.match(l.warnings[0]!, /reference cycle/);
});

test('a "__proto__" key stays an ordinary key', async () => {
  const l = await locals('locals {\n  o = { "__proto__" = { polluted = true }, a = 1 }\n}\n');
  const o = l.get('o') as Record<string, Val>;
  assert.equal(Object.getPrototypeOf(o), Object.prototype);
  assert.deepEqual(Object.keys(o), ['__proto__', 'a']);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
