/** CVSS v3.0/v3.1 base score from a vector string (FIRST specification, section 7). */
const W: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
};

/** CVSS 3.1 Roundup: smallest number, to one decimal, >= input (robust to float error). */
function roundUp(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

export function cvss3BaseScore(vector: string): number | undefined {
  if (!/^CVSS:3\.[01]\//.test(vector)) return undefined;
  const m = new Map(vector.split('/').slice(1).map((p) => p.split(':') as [string, string]));
  const av = W.AV![m.get('AV') ?? ''];
  const ac = W.AC![m.get('AC') ?? ''];
  const ui = W.UI![m.get('UI') ?? ''];
  const s = m.get('S');
  const c = W.CIA![m.get('C') ?? ''];
  const i = W.CIA![m.get('I') ?? ''];
  const a = W.CIA![m.get('A') ?? ''];
  const prRaw = m.get('PR');
  if (av === undefined || ac === undefined || ui === undefined || c === undefined || i === undefined || a === undefined || (s !== 'U' && s !== 'C')) return undefined;
  const changed = s === 'C';
  const pr = prRaw === 'N' ? 0.85 : prRaw === 'L' ? (changed ? 0.68 : 0.62) : prRaw === 'H' ? (changed ? 0.5 : 0.27) : undefined;
  if (pr === undefined) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  return roundUp(Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
}
