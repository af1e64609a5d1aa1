/**
 * OSV advisories: loading (directory of OSV JSON, OSV's per-ecosystem all.zip, or fnguard's
 * compact cache), an index keyed by ecosystem + package name (lookups cost the advisories of that
 * one package, never the whole database), and OSV range semantics with semver (npm) and PEP 440 (PyPI).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { compare as pepCompare, valid as pepValid } from '@renovatebot/pep440';
import type { Severity } from '../../rules/define.js';
import { cvss3BaseScore } from './cvss.js';
import { normalizeName, type Ecosystem } from './types.js';
import { forEachZipEntry } from './zip.js';

export interface OsvEvent { introduced?: string; fixed?: string; last_affected?: string; limit?: string }
export interface OsvRange { type: string; events: OsvEvent[] }
export interface OsvAffected {
  package?: { ecosystem?: string; name?: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
}
export interface OsvRecord {
  id: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  modified?: string;
  withdrawn?: string;
  severity?: { type: string; score: string }[];
  affected?: OsvAffected[];
  database_specific?: { severity?: string } & Record<string, unknown>;
}

/** What a finding needs to say about an advisory. */
export interface Advisory {
  id: string;
  aliases: string[];
  summary: string;
  severity: Severity;
  /** e.g. `CVSS:3.1/AV:N/… (9.8)` or the database's own label. */
  severityText?: string;
  malicious: boolean;
}

export interface VulnMatch {
  advisory: Advisory;
  /** Lowest fixed version above the installed one, when the advisory names one. */
  fixed?: string;
}

/** Shared by every package entry of one record; the Advisory is computed on the first match. */
interface RecordRef { rec: OsvRecord; advisory?: Advisory }
interface IndexEntry { ref: RecordRef; affected: OsvAffected[] }
const advisoryOfRef = (r: RecordRef): Advisory => (r.advisory ??= advisoryOf(r.rec));

export const SUPPORTED_ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'PyPI'];

export function scoreToSeverity(score: number): Severity {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'info';
}

function labelToSeverity(label: string | undefined): Severity | undefined {
  switch ((label ?? '').toUpperCase()) {
    case 'CRITICAL': return 'critical';
    case 'HIGH': return 'high';
    case 'MODERATE': case 'MEDIUM': return 'medium';
    case 'LOW': return 'low';
    default: return undefined;
  }
}

export function advisoryOf(rec: OsvRecord): Advisory {
  const malicious = rec.id.startsWith('MAL-');
  let severity: Severity | undefined;
  let severityText: string | undefined;
  for (const s of rec.severity ?? []) {
    const score = /^\d+(\.\d+)?$/.test(s.score) ? Number(s.score) : cvss3BaseScore(s.score);
    if (score !== undefined) {
      severity = scoreToSeverity(score);
      severityText = /^CVSS:/.test(s.score) ? `${s.score} (${score.toFixed(1)})` : `${s.type} ${score.toFixed(1)}`;
      break;
    }
    severityText ??= s.score;
  }
  const label = rec.database_specific?.severity;
  if (!severity) {
    severity = labelToSeverity(label);
    if (severity && label) severityText = severityText ? `${severityText}; ${label}` : label;
  }
  return {
    id: rec.id,
    aliases: rec.aliases ?? [],
    summary: (rec.summary ?? rec.details ?? '').split('\n')[0]!.slice(0, 200),
    severity: malicious ? 'critical' : severity ?? 'medium',
    severityText,
    malicious,
  };
}

// ------------------------------------------------------------------ version semantics

type Cmp = (a: string, b: string) => number | undefined;

const parsedNpm = new Map<string, semver.SemVer | null>();
function parseNpm(v: string): semver.SemVer | null {
  let p = parsedNpm.get(v);
  if (p === undefined) {
    if (parsedNpm.size > 200_000) parsedNpm.clear();
    p = semver.parse(v, { loose: true });
    parsedNpm.set(v, p);
  }
  return p;
}
const npmCmp: Cmp = (a, b) => {
  const pa = parseNpm(a);
  const pb = parseNpm(b);
  return pa && pb ? pa.compare(pb) : undefined;
};
const pyCmp: Cmp = (a, b) => (pepValid(a) && pepValid(b) ? pepCompare(a, b) : undefined);
const comparers: Record<Ecosystem, Cmp> = { npm: npmCmp, PyPI: pyCmp };

/**
 * OSV range evaluation (osv.dev schema, "evaluation"): events sorted by version; `introduced`
 * at or below the version opens, `fixed` at or below closes, `last_affected` below closes.
 * Returns undefined when not affected, else the fixed version closing the open interval (if any).
 */
function inRange(range: OsvRange, version: string, cmp: Cmp): { hit: boolean; fixed?: string } {
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') return { hit: false };
  const evs: { kind: 'i' | 'f' | 'l'; v: string }[] = [];
  for (const e of range.events) {
    if (e.introduced !== undefined) evs.push({ kind: 'i', v: e.introduced });
    else if (e.fixed !== undefined) evs.push({ kind: 'f', v: e.fixed });
    else if (e.last_affected !== undefined) evs.push({ kind: 'l', v: e.last_affected });
  }
  const order = (v: string) => (v === '0' ? undefined : v);
  const sorted = evs
    .filter((e) => order(e.v) === undefined || cmp(e.v, e.v) !== undefined)
    .sort((a, b) => (a.v === '0' ? -1 : b.v === '0' ? 1 : cmp(a.v, b.v)!));
  let hit = false;
  for (const e of sorted) {
    const c = e.v === '0' ? 1 : cmp(version, e.v);
    if (c === undefined) return { hit: false };
    if (e.kind === 'i' && c >= 0) hit = true;
    else if (e.kind === 'f' && c >= 0) hit = false;
    else if (e.kind === 'l' && c > 0) hit = false;
  }
  if (!hit) return { hit };
  const fixed = sorted.find((e) => e.kind === 'f' && e.v !== '0' && cmp(e.v, version)! > 0)?.v;
  return { hit, fixed };
}

function affectedMatch(a: OsvAffected, eco: Ecosystem, version: string): { hit: boolean; fixed?: string } {
  const cmp = comparers[eco];
  let fixed: string | undefined;
  let hit = false;
  for (const r of a.ranges ?? []) {
    const m = inRange(r, version, cmp);
    if (m.hit) {
      hit = true;
      if (m.fixed && (!fixed || cmp(m.fixed, fixed)! < 0)) fixed = m.fixed;
    }
  }
  if (!hit && a.versions?.length) hit = a.versions.includes(version) || (eco === 'PyPI' && a.versions.some((v) => pyCmp(v, version) === 0));
  return { hit, fixed };
}

// ------------------------------------------------------------------ index

const ECO_ALIASES: Record<string, Ecosystem> = { npm: 'npm', pypi: 'PyPI' };

export class VulnIndex {
  private readonly byPkg = new Map<string, IndexEntry[]>();
  private readonly ids = new Set<string>();
  /** Records skipped as unreadable (reported once by the caller). */
  skipped = 0;

  get size(): number {
    return this.ids.size;
  }
  get packageCount(): number {
    return this.byPkg.size;
  }

  add(rec: OsvRecord): void {
    if (!rec || typeof rec.id !== 'string' || !Array.isArray(rec.affected) || rec.withdrawn) {
      this.skipped++;
      return;
    }
    const perPkg = new Map<string, OsvAffected[]>();
    for (const a of rec.affected) {
      const eco = ECO_ALIASES[(a.package?.ecosystem ?? '').toLowerCase()];
      const name = a.package?.name;
      if (!eco || !name) continue;
      const key = `${eco}:${normalizeName(eco, name)}`;
      perPkg.set(key, [...(perPkg.get(key) ?? []), { ranges: a.ranges, versions: a.versions }]);
    }
    // the same advisory from two sources (a zip and a JSON copy): keep the first
    if (perPkg.size === 0 || this.ids.has(rec.id)) return;
    this.ids.add(rec.id);
    // keep only what matching and messages need
    const ref: RecordRef = { rec: { id: rec.id, aliases: rec.aliases, summary: rec.summary ?? rec.details?.slice(0, 300), severity: rec.severity, database_specific: rec.database_specific?.severity ? { severity: rec.database_specific.severity } : undefined } };
    for (const [key, affected] of perPkg) {
      const list = this.byPkg.get(key);
      if (list) list.push({ ref, affected });
      else this.byPkg.set(key, [{ ref, affected }]);
    }
  }

  lookup(eco: Ecosystem, name: string, version: string): VulnMatch[] {
    const list = this.byPkg.get(`${eco}:${normalizeName(eco, name)}`);
    if (!list) return [];
    const out: VulnMatch[] = [];
    for (const e of list) {
      let hit = false;
      let fixed: string | undefined;
      for (const a of e.affected) {
        const m = affectedMatch(a, eco, version);
        if (m.hit) {
          hit = true;
          fixed ??= m.fixed;
        }
      }
      if (hit) out.push({ advisory: advisoryOfRef(e.ref), fixed });
    }
    return out;
  }

  /** Compact form for the cache written by `fnguard db update`. */
  toJSON(): { format: string; records: OsvRecord[] } {
    const records = new Map<RecordRef, OsvRecord>();
    for (const [key, list] of this.byPkg) {
      const [eco, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      for (const e of list) {
        const rec = records.get(e.ref) ?? { ...e.ref.rec, affected: [] };
        for (const a of e.affected) rec.affected!.push({ package: { ecosystem: eco, name }, ranges: a.ranges, versions: a.versions });
        records.set(e.ref, rec);
      }
    }
    return { format: INDEX_FORMAT, records: [...records.values()] };
  }
}

export const INDEX_FORMAT = 'fnguard-osv-index-1';
export const INDEX_FILE = 'fnguard-osv-index.json';

/** Parse one JSON text holding an OSV record, an array of records, or fnguard's compact index. */
export function addJsonText(index: VulnIndex, text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    index.skipped++;
    return;
  }
  if (Array.isArray(data)) for (const r of data) index.add(r as OsvRecord);
  else if (data && typeof data === 'object' && (data as { format?: string }).format === INDEX_FORMAT) {
    for (const r of (data as { records: OsvRecord[] }).records) index.add(r);
  } else index.add(data as OsvRecord);
}

/** Index every JSON entry of an OSV zip, one record in memory at a time. */
export function addZip(index: VulnIndex, buf: Buffer): void {
  forEachZipEntry(buf, (name, data) => {
    if (name.endsWith('.json')) addJsonText(index, data.toString('utf8'));
  });
}

/** Load a vulnerability database: an OSV zip, a directory (JSON files, zips, fnguard cache), or one JSON file. */
export function loadVulnDb(path: string): VulnIndex {
  const index = new VulnIndex();
  const st = statSync(path);
  const visit = (p: string, depth: number) => {
    const s = statSync(p);
    if (s.isDirectory()) {
      if (depth > 6) return;
      const names = readdirSync(p).sort();
      // a cache written by `db update` supersedes the raw zips beside it
      if (names.includes(INDEX_FILE)) {
        addJsonText(index, readFileSync(join(p, INDEX_FILE), 'utf8'));
        return;
      }
      for (const n of names) visit(join(p, n), depth + 1);
    } else if (p.endsWith('.zip')) addZip(index, readFileSync(p));
    else if (p.endsWith('.json')) addJsonText(index, readFileSync(p, 'utf8'));
  };
  visit(path, st.isDirectory() ? 0 : 0);
  return index;
}
