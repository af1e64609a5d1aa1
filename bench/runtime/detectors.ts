// Per-detector throughput (MB/s of input) on benign corpus strings and on adversarial inputs (long runs
// of each detector's trigger characters), from the esbuild bundle. Shows the cost of each module.
import { pathToFileURL } from 'node:url';
import { bundleRuntime } from './build.js';
import { benignStrings } from '../../packages/runtime/corpus/benign.js';

const ADVERSARIAL = ["a'".repeat(4096), '{{'.repeat(4096), '<a b=c '.repeat(1170), ';x|'.repeat(2730), '../'.repeat(2730), 'http://'.repeat(1170), '%2'.repeat(4096), '\nx'.repeat(4096)];

export async function runDetectors(): Promise<Array<{ detector: string; benignMBs: number; adversarialMBs: number }>> {
  const { file } = await bundleRuntime(true);
  const mod = (await import(pathToFileURL(file).href)) as typeof import('../../packages/runtime/src/index.js');
  const benign = benignStrings();
  const bytes = (xs: string[]) => xs.reduce((n, s) => n + s.length, 0);
  const rate = (xs: string[], names: Parameters<typeof mod.scanString>[1]): number => {
    for (const s of xs) mod.scanString(s, names); // warm-up
    let reps = 0;
    const t = process.hrtime.bigint();
    let el = 0;
    while (el < 3e8) { for (const s of xs) mod.scanString(s, names); reps++; el = Number(process.hrtime.bigint() - t); }
    return (bytes(xs) * reps) / (el / 1e9) / 1e6;
  };
  const rows = [];
  for (const d of [...mod.DETECTOR_NAMES, 'all'] as const) {
    const names = d === 'all' ? mod.DETECTOR_NAMES : [d];
    rows.push({ detector: d, benignMBs: rate(benign, names), adversarialMBs: rate(ADVERSARIAL, names) });
  }
  return rows;
}

export function printDetectors(rows: Awaited<ReturnType<typeof runDetectors>>): void {
  console.log('\nDetector throughput (MB/s of input through scanString, incl. URL-decoding passes)');
  console.table(rows.map((r) => ({ detector: r.detector, 'benign corpus MB/s': r.benignMBs.toFixed(1), 'adversarial MB/s': r.adversarialMBs.toFixed(1) })));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printDetectors(await runDetectors());
