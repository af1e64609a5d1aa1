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
 * Returns the bundle's path and its size in bytes: the whole package, or (`guardOnly`) what an app
 * that imports only `guard` ships after tree-shaking (no secrets providers).
 */
export async function bundleRuntime(minify = true, guardOnly = false): Promise<{ file: string; bytes: number }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `fnguard-runtime${guardOnly ? '-guard' : ''}${minify ? '.min' : ''}.mjs`);
  const index = join(root, 'packages', 'runtime', 'src', 'index.ts');
  const entry = guardOnly
    ? { stdin: { contents: `export { guard } from ${JSON.stringify(index)};`, resolveDir: root, loader: 'ts' as const } }
    : { entryPoints: [index] };
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
