// Detection quality on the hand-written labelled corpus (packages/runtime/corpus): recall per
// category and false-positive rate. Prints a table.
import { pathToFileURL } from 'node:url';
import { measureQuality, type Quality } from '../../packages/runtime/corpus/quality.js';

export function printQuality(q: Quality): void {
  console.log(`\nDetection quality: ${q.attacks} attack strings, ${q.benign} benign strings`);
  console.table(Object.entries(q.recall).map(([cat, r]) => ({ category: cat, caught: r.caught, total: r.total, recall: `${((100 * r.caught) / r.total).toFixed(1)}%` })));
  console.log(`false positives: ${q.falsePositives.length}/${q.benign} = ${((100 * q.falsePositives.length) / q.benign).toFixed(2)}% (target ≤ 0.5%)`);
  for (const f of q.falsePositives.slice(0, 10)) console.log(`  FP ${JSON.stringify(f.value).slice(0, 80)} → ${f.rules.join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printQuality(measureQuality());
