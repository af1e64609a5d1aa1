// Shared table-driven assertions for the detector unit tests (test-only helper, not exported by the package).
import assert from 'node:assert/strict';
import type { Detector } from './index.js';

/** Each attack must produce the expected rule prefix; each benign value must produce nothing. */
export function expectDetector(det: Detector, attacks: ReadonlyArray<[string, string]>, benign: readonly string[]): void {
  for (const [input, rule] of attacks) {
    const got = det(input, input);
    assert.ok(got !== null && got.startsWith(rule), `${JSON.stringify(input)}: expected ${rule}, got ${got}`);
  }
  for (const input of benign) assert.equal(det(input, input), null, `${JSON.stringify(input)} should pass`);
}

/** Deterministic PRNG (xorshift32) so a fuzz failure reproduces. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 0x100000000; };
}
