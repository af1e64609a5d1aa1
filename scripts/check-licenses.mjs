#!/usr/bin/env node
// Licence gate: every package installed in node_modules (runtime and dev) must carry a licence
// that is compatible with shipping fnguard under Apache-2.0. GPL-family licences fail the check.
// Usage: node scripts/check-licenses.mjs [--json]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const COPYLEFT = /\b(A?GPL|LGPL|SSPL|EUPL|OSL|CC-BY-SA|CC-BY-NC)/i;

function licenseOf(pkg) {
  const l = pkg.license ?? pkg.licenses;
  if (typeof l === 'string') return l;
  if (Array.isArray(l)) return l.map((x) => (typeof x === 'string' ? x : x.type)).join(' OR ');
  if (l && typeof l === 'object') return l.type ?? 'UNKNOWN';
  return 'UNKNOWN';
}

/** `(MIT OR GPL-3.0)` is fine: we may choose MIT. Only an expression with no permissive choice fails. */
function acceptable(expr) {
  if (!COPYLEFT.test(expr)) return true;
  return expr.split(/\s+OR\s+/i).some((alt) => !COPYLEFT.test(alt) && !/UNKNOWN/.test(alt));
}

function* packages(dir) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.name.startsWith('@')) {
      yield* packages(p);
      continue;
    }
    const manifest = join(p, 'package.json');
    if (existsSync(manifest)) yield manifest;
    yield* packages(join(p, 'node_modules'));
  }
}

const rows = [];
for (const root of ['node_modules', 'packages/fnguard/node_modules', 'packages/runtime/node_modules']) {
  for (const manifest of packages(root)) {
    let pkg;
    try { pkg = JSON.parse(readFileSync(manifest, 'utf8')); } catch { continue; }
    if (!pkg.name || !pkg.version) continue;
    rows.push({ name: pkg.name, version: pkg.version, license: licenseOf(pkg) });
  }
}
const bad = rows.filter((r) => !acceptable(r.license));
if (process.argv.includes('--json')) console.log(JSON.stringify({ checked: rows.length, bad }, null, 2));
else {
  for (const r of bad) console.log(`not allowed: ${r.name}@${r.version} (${r.license})`);
  console.log(`${rows.length} packages checked, ${bad.length} with a copyleft-only licence`);
}
process.exit(bad.length ? 1 : 0);
