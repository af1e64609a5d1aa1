/**
 * Typosquatting: a package name one or two edits (Damerau-Levenshtein, optimal string alignment)
 * away from a popular package name. Popular lists ship in `data/popular-{npm,pypi}.txt`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeName, type Ecosystem } from './types.js';

const DATA_FILES: Record<Ecosystem, string> = { npm: 'popular-npm.txt', PyPI: 'popular-pypi.txt' };

export function readPopularList(text: string, eco: Ecosystem): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((n) => normalizeName(eco, n));
}

const cache = new Map<Ecosystem, string[]>();
export function popularNames(eco: Ecosystem): string[] {
  let names = cache.get(eco);
  if (!names) {
    const path = fileURLToPath(new URL(`../../../data/${DATA_FILES[eco]}`, import.meta.url));
    names = readPopularList(readFileSync(path, 'utf8'), eco);
    cache.set(eco, names);
  }
  return names;
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function damerauLevenshtein(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

export interface TyposquatHit { popular: string; distance: number }

/** Every string made by deleting up to `max` characters (SymSpell's candidate keys). */
function deletes(s: string, max: number, out = new Set<string>()): Set<string> {
  out.add(s);
  if (max === 0 || s.length <= 1) return out;
  for (let i = 0; i < s.length; i++) {
    const d = s.slice(0, i) + s.slice(i + 1);
    if (!out.has(d)) deletes(d, max - 1, out);
  }
  return out;
}

/**
 * Popular names indexed by their ≤2-deletion variants (symmetric delete): two names within edit
 * distance 2 share a variant, so each check costs O(len²) map look-ups instead of a scan of the
 * whole list; candidates are then confirmed with the real distance.
 */
export class TyposquatChecker {
  private readonly exact: Set<string>;
  private readonly byVariant = new Map<string, string[]>();
  private readonly memo = new Map<string, TyposquatHit | null>();

  constructor(private readonly eco: Ecosystem, names: string[] = popularNames(eco)) {
    this.exact = new Set(names);
    for (const n of names) {
      if (n.length < 4) continue;
      for (const v of deletes(n, 2)) {
        const list = this.byVariant.get(v);
        if (list) list.push(n);
        else this.byVariant.set(v, [n]);
      }
    }
  }

  check(rawName: string): TyposquatHit | undefined {
    const name = normalizeName(this.eco, rawName).toLowerCase();
    const known = this.memo.get(name);
    if (known !== undefined) return known ?? undefined;
    const hit = this.compute(name);
    this.memo.set(name, hit ?? null);
    return hit;
  }

  private compute(name: string): TyposquatHit | undefined {
    if (this.exact.has(name) || name.length < 4 || name.length > 214) return undefined;
    const scoped = name.startsWith('@');
    const candidates = new Set<string>();
    for (const v of deletes(name, 2)) for (const p of this.byVariant.get(v) ?? []) candidates.add(p);
    let best: TyposquatHit | undefined;
    for (const p of candidates) {
      if (p.startsWith('@') !== scoped) continue;
      const d = damerauLevenshtein(name, p, 2);
      if (d === 0 || d > 2) continue;
      // two edits on short names match too much (e.g. "koa" ~ "ky"): need length >= 5 on both
      if (d === 2 && (name.length < 5 || p.length < 5)) continue;
      // a scope belongs to one owner, so a near name inside the same scope (e.g. @aws-sdk/client-ses
      // vs client-sns) is the owner's own package; only a look-alike scope with the same name counts
      if (scoped && (p.split('/')[1] !== name.split('/')[1] || p.split('/')[0] === name.split('/')[0])) continue;
      if (!best || d < best.distance || (d === best.distance && p < best.popular)) best = { popular: p, distance: d };
    }
    return best;
  }
}
