/**
 * One measured phase of the scan benchmark, in a fresh process as a user's CLI run would be, on the
 * built package (dist/, compiled by `npm run build`):
 *   parse <root>  – discover + read + parse every template (YAML/JSON/HCL), no model, no rules
 *   scan  <root>  – the full `fnguard scan` pipeline (sources → model → all rules → SARIF text)
 * Prints one JSON line: { phase, ms, files, functions, findings, maxRssMb }.
 * The Terraform grammar's wasm is initialised before the clock starts in both phases.
 */
import { discover } from '../../packages/fnguard/dist/sources/discover.js';
import { parseStructured } from '../../packages/fnguard/dist/sources/structured.js';
import { parseHcl } from '../../packages/fnguard/dist/sources/terraform/hcl.js';
import { scan } from '../../packages/fnguard/dist/scan.js';
import { renderReport } from '../../packages/fnguard/dist/report/index.js';

const [phase, root, workersArg] = process.argv.slice(2);
if (!phase || !root) throw new Error('usage: phase.mjs parse|scan <root> [workers]');
await parseHcl('variable "warm" {}\n');

async function parseOnly() {
  const found = discover(root);
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
  const res = await scan(root, { workers: workersArg ? Number(workersArg) : undefined });
  renderReport(res, 'sarif', { color: false });
  return { files: res.stats.files, functions: res.stats.functions, findings: res.findings.length };
}

const t = performance.now();
const counts = phase === 'parse' ? await parseOnly() : await fullScan();
const ms = performance.now() - t;
console.log(JSON.stringify({ phase, ms, ...counts, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
