/**
 * Finds secrets in one text: the secretlint recommended preset (provider formats with their own
 * validation) plus fnguard's line scanner (provider formats from `findSecret`, and entropy for
 * values assigned to secret-like names). Notebooks are scanned cell by cell with real file lines.
 */
import { createHash } from 'node:crypto';
import { lintSource } from '@secretlint/core';
import { creator as recommendPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { secretLintProfiler } from '@secretlint/profiler';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { LineIndex } from '../deps/lines.js';
import { findSecret, isExampleSecret, isPlaceholder } from './detect.js';

export interface FoundSecret {
  line: number;
  column?: number;
  kind: string;
  description: string;
  confidence: 'high' | 'medium';
  /** The raw secret. Never print it: show `redact(secret)`. */
  secret: string;
  /** sha256 of the secret, 16 hex chars: stable id for allow-lists across files and commits. */
  hash: string;
}

export const secretHash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

// secretlint's profiler keeps a performance mark per rule and file forever and searches all earlier
// marks on every new one: quadratic in the files scanned (13 s of a 36 s scan of 720 templates).
// fnguard never reads that profile, so marking is switched off.
secretLintProfiler.mark = () => {};

const SECRETLINT_CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendPreset }] };

/** `KEY = "value"`, `key: 'value'`, `"key": "value"`, `key := "v"`, `key => "v"` (quoted values). */
const QUOTED_ASSIGN = /([A-Za-z_][\w.-]*)["']?\s*(?::=|=>|==?|:)\s*(?:[rbuf]?)(["'`])((?:\\.|(?!\2).){6,500})\2/g;
/** `KEY=value` / `key: value` lines (.env, YAML, INI, properties). */
const BARE_ASSIGN = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*[:=]\s*([^\s"'`#][^\s#]*)\s*(?:#.*)?$/;
/** Quoted tokens and bare tokens that a provider pattern may match without a name. */
const TOKEN = /["'`]([^"'`\s]{16,})["'`]|([A-Za-z0-9_+/=:.@-]{20,})/g;

/** Files where `key: value` / `KEY=value` without quotes is an assignment (not code, where it is a type or a label). */
const CONFIG_FILE = /(^|\/)(\.env[^/]*|[^/]*\.(env|ya?ml|ini|cfg|conf|properties|toml|tfvars)|\.npmrc|\.pypirc|\.netrc|Dockerfile[^/]*|credentials)$/i;

function scanLine(text: string, lineNo: number, out: FoundSecret[], config: boolean): void {
  if (text.length > 4000) text = text.slice(0, 4000);
  const push = (name: string, value: string, col: number) => {
    const f = findSecret(name, value);
    if (!f || isExampleSecret(f.secret)) return;
    out.push({ line: lineNo, column: col + 1, kind: f.match.kind, description: f.match.description, confidence: f.match.confidence, secret: f.secret, hash: secretHash(f.secret) });
  };
  if (/-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----/.test(text)) {
    push('', text, text.indexOf('-----BEGIN'));
    return;
  }
  for (const m of text.matchAll(QUOTED_ASSIGN)) push(m[1]!, m[3]!, m.index! + m[0].indexOf(m[3]!));
  const bare = config ? BARE_ASSIGN.exec(text) : null;
  if (bare && !isPlaceholder(bare[2]!)) push(bare[1]!, bare[2]!, text.indexOf(bare[2]!));
  for (const m of text.matchAll(TOKEN)) {
    const tok = m[1] ?? m[2]!;
    push('', tok, m.index! + (m[1] ? 1 : 0));
  }
}

interface Virtual { text: string; lineMap?: number[] }

/** Cells' source lines of a notebook as one text, with the file line of every virtual line. */
export function notebookText(json: string): Virtual | undefined {
  const tree = parseTree(json);
  if (!tree) return undefined;
  const cells = findNodeAtLocation(tree, ['cells']);
  if (!cells?.children) return undefined;
  const li = new LineIndex(json);
  const lines: string[] = [];
  const map: number[] = [];
  for (const cell of cells.children) {
    const src: Node | undefined = findNodeAtLocation(cell, ['source']);
    const parts = src?.type === 'array' ? src.children ?? [] : src ? [src] : [];
    for (const part of parts) {
      if (typeof part.value !== 'string') continue;
      const baseLine = li.line(part.offset);
      for (const l of part.value.replace(/\n$/, '').split('\n')) {
        lines.push(l);
        map.push(baseLine);
      }
    }
  }
  return { text: lines.join('\n'), lineMap: map };
}

/** All secrets of one file's text, one per (line, secret), secretlint's first. */
export async function scanText(path: string, content: string): Promise<FoundSecret[]> {
  let v: Virtual = { text: content };
  if (path.endsWith('.ipynb')) {
    const nb = notebookText(content);
    if (!nb) return [];
    v = nb;
  }
  const found: FoundSecret[] = [];
  const res = await lintSource({ source: { content: v.text, filePath: `/${path}`, contentType: 'text' }, options: { config: SECRETLINT_CONFIG, noPhysicFilePath: true } });
  for (const m of res.messages) {
    const secret = v.text.slice(m.range[0], m.range[1]);
    if (!secret || isExampleSecret(secret)) continue;
    found.push({
      line: m.loc.start.line,
      column: m.loc.start.column + 1,
      kind: m.ruleId.replace(/^@secretlint\/secretlint-rule-/, ''),
      // only the rule's type name: secretlint's message text quotes the secret itself
      description: typeof (m.data as { typeName?: unknown } | undefined)?.typeName === 'string' ? String((m.data as { typeName: string }).typeName) : m.messageId.replace(/_/g, ' ').toLowerCase(),
      confidence: 'high',
      secret,
      hash: secretHash(secret),
    });
  }
  const lines = v.text.split('\n');
  const config = CONFIG_FILE.test(path);
  for (let i = 0; i < lines.length; i++) {
    const before = found.length;
    scanLine(lines[i]!, i + 1, found, config);
    // a PEM block: the secret is the whole block, so two keys never share a fingerprint
    const pem = found.slice(before).find((f) => f.kind === 'private-key');
    if (pem && !/-----END /.test(lines[i]!)) {
      let j = i + 1;
      while (j < lines.length && j - i < 200 && !/-----END /.test(lines[j]!)) j++;
      pem.secret = lines.slice(i, j + 1).join('\n');
      pem.hash = secretHash(pem.secret);
    }
  }
  // one finding per secret per line: drop later matches that overlap an earlier one
  const kept: FoundSecret[] = [];
  for (const f of found) {
    if (kept.some((k) => k.line === f.line && (k.secret.includes(f.secret) || f.secret.includes(k.secret)))) continue;
    kept.push(f);
  }
  if (v.lineMap) for (const k of kept) k.line = v.lineMap[k.line - 1] ?? k.line;
  return kept.sort((a, b) => a.line - b.line);
}
