/**
 * One measured phase of the scan benchmark, run in its own process so its peak memory is its own:
 *   parse <root>  – discover + read + parse every template (YAML/JSON/HCL), no model, no rules
 *   scan  <root>  – the full `fnguard scan` pipeline (sources → model → all rules → SARIF text)
 * Prints one JSON line: { phase, ms, files, functions, findings, maxRssMb }.
 * Parser initialisation (the Terraform grammar's wasm) happens before the clock starts in both.
 */
import { discover } from '../../packages/fnguard/src/sources/discover.js';
import { parseStructured } from '../../packages/fnguard/src/sources/structured.js';
import { parseHcl } from '../../packages/fnguard/src/sources/terraform/hcl.js';
import { scan } from '../../packages/fnguard/src/scan.js';
import { renderReport } from '../../packages/fnguard/src/report/index.js';

const [phase, root, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg ?? 3);
if (!phase || !root) throw new Error('usage: phase.ts parse|scan <root> [repeat]');

await parseHcl('variable "warm" {}\n');

async function parseOnly() {
  const found = discover(root!);
  for (const f of found.iacFiles) {
    try {
      if (f.path.endsWith('.tf')) await parseHcl(f.text);
      else parseStructured(f.text, f.path);
    } catch {
      // Broken files count as parsed: the scan skips them too.
    }
  }
  return { files: found.iacFiles.length, functions: 0, findings: 0 };
}

async function fullScan() {
  const res = await scan(root!);
  renderReport(res, 'sarif', { color: false });
  return { files: res.stats.files, functions: res.stats.functions, findings: res.findings.length };
}

const times: number[] = [];
let counts = { files: 0, functions: 0, findings: 0 };
for (let i = 0; i < repeat; i++) {
  const t = performance.now();
  counts = phase === 'parse' ? await parseOnly() : await fullScan();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ phase, ms: times[Math.floor(times.length / 2)], ...counts, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
