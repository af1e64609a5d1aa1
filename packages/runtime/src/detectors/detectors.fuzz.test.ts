// Random and adversarial strings: no detector may throw, and time must grow linearly with input size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DETECTOR_NAMES, DETECTORS, scanString } from './index.js';
import { percentDecode } from './decode.js';
import { rng } from './detectors.testkit.js';

const ALPHABET = ['a', 'Z', '0', '9', ' ', "'", '"', '`', ';', '|', '&', '$', '(', ')', '{', '}', '[', ']', '<', '>', '/', '\\', '.', '%', '#', ':', '=', '*', '@', '-', '+', '\r', '\n', '\0', '\u2028', 'é', '😀', '\ud800', 'select', 'union', ' or ', '../', 'http://', '%2e', '%0a', '{{', '${', '<script', ' on', 'x=', '127.0.0.1', '$ne', 'sleep', 'cat'];

test('fuzz: 10,000 random strings through every detector and the decoder never throw', () => {
  const r = rng(42);
  for (let i = 0; i < 10_000; i++) {
    let s = '';
    const len = Math.floor(r() * 40);
    for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
    for (const d of DETECTOR_NAMES) DETECTORS[d](s, s);
    scanString(s, DETECTOR_NAMES);
    percentDecode(s);
  }
});

/** Best of a few runs, so one scheduler hiccup does not decide the outcome. */
function bestTime(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - t));
  }
  return best;
}

// Inputs shaped to defeat naive scanners: many openers without closers, long runs of trigger chars.
const ADVERSARIAL: Record<string, (n: number) => string> = {
  quotes: (n) => "a'".repeat(n / 2), openers: (n) => '{{'.repeat(n / 2), dollar: (n) => '${'.repeat(n / 2), tags: (n) => '<a b=c '.repeat(n / 7),
  percents: (n) => '%2'.repeat(n / 2), schemes: (n) => 'http:'.repeat(n / 5), seps: (n) => ';x|'.repeat(n / 3), dots: (n) => '..'.repeat(n / 2),
  newlines: (n) => '\nx'.repeat(n / 2), comments: (n) => '/*'.repeat(n / 2), words: (n) => 'union or '.repeat(n / 9), backticks: (n) => '`a'.repeat(n / 2),
  substitution: (n) => '$('.repeat(n / 2), erb: (n) => '<%'.repeat(n / 2), brackets: (n) => '[$'.repeat(n / 2), entities: (n) => '<a href="&#'.repeat(n / 11),
};

test('linear time: t(8n) < 30·t(n) for adversarial inputs (complexity, not speed)', () => {
  const n = 4096;
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    const small = make(n), big = make(8 * n);
    const run = (s: string) => () => { scanString(s, DETECTOR_NAMES); };
    bestTime(run(small)); // warm-up / JIT
    bestTime(run(big));
    // interleaved best-of runs; a 1 ms floor keeps scheduler noise on a busy machine from deciding
    const t1 = Math.min(bestTime(run(small)), bestTime(run(small))), t8 = Math.min(bestTime(run(big)), bestTime(run(big)));
    assert.ok(t8 < 30 * Math.max(t1, 1_000_000), `${name}: t(n)=${t1}ns t(8n)=${t8}ns`);
  }
});
