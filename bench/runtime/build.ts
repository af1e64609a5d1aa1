// Bundles @fnguard/runtime with esbuild the way a user's deployment would (minified, ESM, optional
// SDKs external) so benches measure shipped code, not the TypeScript loader.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = join(root, 'bench', 'runtime', '.out');
export const EXTERNAL = ['@aws-sdk/*', '@azure/*', '@google-cloud/*'];

/**
 * What is bundled: the whole package root; what an app that imports only `guard` from the root ships
 * after tree-shaking (every platform's adapter, no secrets providers); or only `guard` from the
 * `@fnguard/runtime/aws` entry point (a Lambda app).
 */
export type RuntimeEntry = 'package' | 'guard' | 'aws-guard';

/** Returns the bundle's path and its size in bytes. */
export async function bundleRuntime(minify = true, what: RuntimeEntry = 'package'): Promise<{ file: string; bytes: number }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `fnguard-runtime-${what}${minify ? '.min' : ''}.mjs`);
  const src = (name: string): string => join(root, 'packages', 'runtime', 'src', name);
  const entry = what === 'package'
    ? { entryPoints: [src('index.ts')] }
    : { stdin: { contents: `export { guard } from ${JSON.stringify(src(what === 'aws-guard' ? 'aws.ts' : 'index.ts'))};`, resolveDir: root, loader: 'ts' as const } };
  const r = await build({
    ...entry, bundle: true, minify, format: 'esm',
    platform: 'node', target: 'node20', outfile: file, external: EXTERNAL, metafile: true, logLevel: 'silent',
  });
  const bytes = Object.values(r.metafile.outputs)[0]?.bytes ?? 0;
  return { file, bytes };
}

const runtimeRequire = createRequire(join(root, 'packages', 'runtime', 'package.json'));
/** Path of a package as resolved from packages/runtime (where the comparison stacks are installed). */
export function depPath(name: string): string { return runtimeRequire.resolve(name); }
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bench-only loader for untyped comparison stacks
export async function dep(name: string): Promise<any> { return import(pathToFileURL(depPath(name)).href); }
