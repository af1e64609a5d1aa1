import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DETECTOR_NAMES } from '../src/detectors/index.js';
import { measureQuality } from './quality.js';

test('corpus is large enough to mean something', () => {
  const q = measureQuality();
  assert.ok(q.attacks >= 500, `attacks: ${q.attacks}`);
  assert.ok(q.benign >= 2000, `benign: ${q.benign}`);
});

test('recall ≥ 95% in every category and false positives ≤ 0.5%', () => {
  const q = measureQuality();
  for (const cat of DETECTOR_NAMES) {
    const r = q.recall[cat];
    assert.ok(r.caught / r.total >= 0.95, `${cat}: ${r.caught}/${r.total}, missed ${JSON.stringify(r.missed.slice(0, 5))}`);
  }
  const rate = q.falsePositives.length / q.benign;
  assert.ok(rate <= 0.005, `FP ${q.falsePositives.length}/${q.benign}: ${JSON.stringify(q.falsePositives.slice(0, 5))}`);
});
