import { buildModel } from '/work/main/packages/fnguard/src/scan.js';
for (const d of ['sam', 'sls']) {
  const t = performance.now();
  const m = await buildModel(`/tmp/perf/${d}`);
  console.log(d, m.functions.length, (performance.now() - t).toFixed(0), 'ms', m.diagnostics.length);
}
