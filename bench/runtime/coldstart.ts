// Cold start: bundle size (esbuild, minified, optional SDKs external) and import time in fresh Node
// processes, fnguard runtime vs the Middy stack (core + validator with its Ajv transpiler +
// http-security-headers) and the Powertools parser (+ zod), each bundled the same way.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleRuntime, EXTERNAL, OUT_DIR } from './build.js';

const RUNTIME_DIR = join(OUT_DIR, '..', '..', '..', 'packages', 'runtime');

async function bundleStack(name: string, contents: string): Promise<{ file: string; bytes: number }> {
  const file = join(OUT_DIR, `${name}.min.mjs`);
  const r = await build({
    stdin: { contents, resolveDir: RUNTIME_DIR, loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node20',
    outfile: file, external: EXTERNAL, metafile: true, logLevel: 'silent',
    // CommonJS dependencies bundled into ESM need a require for Node built-ins
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return { file, bytes: Object.values(r.metafile.outputs)[0]?.bytes ?? 0 };
}

/** Median wall time (ms) of `import(file)` in a fresh process, over `runs` processes. */
function importTime(file: string, runs: number): number {
  const code = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t));`;
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    xs.push(Number(r.stdout));
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)] ?? NaN;
}

export interface ColdRow { stack: string; bytes: number; gzip: number; importMs: number }

export async function runColdStart(runs = Number(process.env.BENCH_RUNS ?? 15)): Promise<ColdRow[]> {
  const stacks: Array<[string, { file: string; bytes: number }]> = [
    ['fnguard runtime (whole package)', await bundleRuntime(true)],
    ['fnguard runtime (import { guard } only)', await bundleRuntime(true, 'guard')],
    ["fnguard runtime ({ guard } from '/aws')", await bundleRuntime(true, 'aws-guard')],
    ['Middy (core+validator+headers)', await bundleStack('middy-stack', "export { default as middy } from '@middy/core'; export { default as validator } from '@middy/validator'; export { transpileSchema } from '@middy/validator/transpile'; export { default as headers } from '@middy/http-security-headers';")],
    ['Powertools parser + zod', await bundleStack('powertools-stack', "export { parse } from '@aws-lambda-powertools/parser'; export { ApiGatewayV2Envelope, SqsEnvelope } from '@aws-lambda-powertools/parser/envelopes'; export { z } from 'zod';")],
  ];
  return stacks.map(([stack, b]) => ({ stack, bytes: b.bytes, gzip: gzipSync(readFileSync(b.file)).length, importMs: importTime(b.file, runs) }));
}

export function printColdStart(rows: ColdRow[]): void {
  console.log('\nCold start (esbuild bundle, minified, SDKs external; import time = median over fresh processes)');
  console.table(rows.map((r) => ({ stack: r.stack, 'min KB': (r.bytes / 1024).toFixed(1), 'gzip KB': (r.gzip / 1024).toFixed(1), 'import ms': r.importMs.toFixed(2) })));
  const g = rows[2] as ColdRow, m = rows[3] as ColdRow;
  console.log(`fnguard Lambda bundle (guard from /aws) ${(g.bytes / 1024).toFixed(1)} KB (target ≤ 30 KB); import time guard/Middy ${(g.importMs / m.importMs).toFixed(2)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printColdStart(await runColdStart());
