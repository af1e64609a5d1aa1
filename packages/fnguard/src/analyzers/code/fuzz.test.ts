/**
 * Malformed code must never throw: every fixture handler cut at many offsets, with bytes
 * replaced, is analysed; the result is either calls or a one-line parse error.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeJs } from './js.js';
import { analyzePython, pythonParser } from './python.js';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function variants(text: string, seed: number): string[] {
  const rand = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    const cut = Math.floor(rand() * text.length);
    out.push(text.slice(0, cut));
    const at = Math.floor(rand() * text.length);
    const junk = ['(', ')', '{', '"', "'", '`', '\\', '\u0000', ':', '\n    ', '${', 'f"{'][Math.floor(rand() * 12)]!;
    out.push(text.slice(0, at) + junk + text.slice(at + 1));
  }
  return out;
}

const noImports = { importExports: () => undefined, resolveImport: () => undefined };
const noModules = { importModule: () => undefined, resolveModule: () => null };

describe('code analyzer never throws on malformed input', () => {
  it('JavaScript / TypeScript', () => {
    for (const f of files(root).filter((p) => /\.(m?js|ts)$/.test(p))) {
      const rel = relative(root, f);
      variants(readFileSync(f, 'utf8'), rel.length).forEach((v, i) => {
        const r = analyzeJs(rel, v, noImports);
        if (r.analysis.parseError !== undefined) assert.ok(!r.analysis.parseError.includes('\n'), `${rel} #${i}`);
      });
    }
  });
  it('Python', async () => {
    const parser = await pythonParser();
    for (const f of files(root).filter((p) => p.endsWith('.py'))) {
      const rel = relative(root, f);
      variants(readFileSync(f, 'utf8'), rel.length).forEach((v, i) => {
        const r = analyzePython(rel, v, parser, noModules);
        if (r.analysis.parseError !== undefined) assert.match(r.analysis.parseError, /^line \d+: syntax error$/, `${rel} #${i}`);
      });
    }
  });
});
