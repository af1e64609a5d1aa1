/**
 * YAML and JSON documents turned into plain JS values, with the line of every map key and
 * sequence item kept in a side table (so values stay plain and rules never see parser nodes).
 *
 * CloudFormation short-form tags (`!Ref`, `!Sub`, `!GetAtt`…) become their long form
 * (`{ Ref: … }`, `{ 'Fn::Sub': … }`). Alias expansion is bounded, so a "billion laughs"
 * document fails with a ParseError instead of exhausting memory.
 */
import { parseDocument, isAlias, isMap, isScalar, isSeq, isPair, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { parseTree, type Node as JsonNode, type ParseError as JsonParseError, printParseErrorCode } from 'jsonc-parser';
import { ParseError } from '../core/errors.js';
import type { Location } from '../model/types.js';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };
export type PlainObject = { [key: string]: Plain };

interface Position {
  line: number;
  column: number;
  /** Line of each key (objects) or item (arrays). */
  keys: Map<string | number, number>;
}

/** Upper bound on values produced from one document, aliases included. */
const MAX_NODES = 2_000_000;
/** Upper bound on alias dereferences in one document. */
const MAX_ALIASES = 5_000;

export class StructuredDoc {
  constructor(
    readonly file: string,
    readonly value: Plain,
    private readonly positions: WeakMap<object, Position>,
  ) {}

  /** Location of a container, or of one of its keys/items when `key` is given. */
  loc(container: unknown, key?: string | number): Location {
    if (container !== null && typeof container === 'object') {
      const pos = this.positions.get(container);
      if (pos) {
        const line = key === undefined ? pos.line : pos.keys.get(key) ?? pos.line;
        return { file: this.file, line, column: key === undefined ? pos.column : undefined };
      }
    }
    return { file: this.file, line: 1 };
  }

  /** Whether a container has a recorded position (i.e. it came from this document). */
  has(container: unknown): boolean {
    return container !== null && typeof container === 'object' && this.positions.has(container);
  }
}

const CFN_TAGS = new Set([
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue',
  'If', 'Equals', 'And', 'Or', 'Not', 'Base64', 'Cidr', 'Transform', 'Length', 'ToJsonString', 'ForEach',
]);

function cfnTag(tag: string, value: Plain): Plain {
  const name = tag.slice(1);
  if (!CFN_TAGS.has(name)) return value;
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

export function parseYaml(text: string, file: string): StructuredDoc {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'silent' });
  } catch (err) {
    throw new ParseError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new ParseError(`invalid YAML at line ${line}: ${e.message.split('\n')[0]}`, line);
  }
  const positions = new WeakMap<object, Position>();
  let nodes = 0;
  let aliases = 0;
  const resolved = new Map<object, unknown>();
  const lineOf = (n: { range?: [number, number, number] | null } | null | undefined): number =>
    n?.range ? lineCounter.linePos(n.range[0]).line : 1;
  const colOf = (n: { range?: [number, number, number] | null } | null | undefined): number =>
    n?.range ? lineCounter.linePos(n.range[0]).col : 1;

  const convert = (node: unknown, depth: number): Plain => {
    if (++nodes > MAX_NODES) throw new ParseError('document expands to too many values (alias bomb?)');
    if (depth > 500) throw new ParseError('document nested too deeply');
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) throw new ParseError('too many YAML alias references (alias bomb?)');
      let target = resolved.get(node);
      if (target === undefined) {
        target = node.resolve(doc) ?? null;
        resolved.set(node, target);
      }
      return target ? convert(target, depth + 1) : null;
    }
    const yn = node as YamlNode;
    let out: Plain;
    if (isScalar(yn)) {
      const v = yn.value;
      out = v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? Number(v) : (v as Plain);
      if (typeof out === 'object' && out !== null) out = String(out);
    } else if (isMap(yn)) {
      const obj: PlainObject = {};
      const pos: Position = { line: lineOf(yn), column: colOf(yn), keys: new Map() };
      for (const pair of yn.items) {
        if (!isPair(pair)) continue;
        const k = pair.key;
        // Merge keys (`<<: *base`) copy the referenced map's entries.
        if (isScalar(k) && k.value === '<<') {
          const merged = convert(pair.value, depth + 1);
          for (const src of Array.isArray(merged) ? merged : [merged]) {
            if (src && typeof src === 'object' && !Array.isArray(src)) {
              const srcPos = positions.get(src);
              for (const [mk, mv] of Object.entries(src)) {
                if (!(mk in obj)) {
                  obj[mk] = mv;
                  pos.keys.set(mk, srcPos?.keys.get(mk) ?? lineOf(pair.value as YamlNode));
                }
              }
            }
          }
          continue;
        }
        const keyVal = isScalar(k) ? String(k.value) : k === null ? '' : String(convert(k, depth + 1));
        obj[keyVal] = convert(pair.value, depth + 1);
        pos.keys.set(keyVal, lineOf(k as YamlNode));
      }
      positions.set(obj, pos);
      out = obj;
    } else if (isSeq(yn)) {
      const arr: Plain[] = [];
      const pos: Position = { line: lineOf(yn), column: colOf(yn), keys: new Map() };
      yn.items.forEach((item, i) => {
        arr.push(convert(item, depth + 1));
        pos.keys.set(i, lineOf(item as YamlNode));
      });
      positions.set(arr, pos);
      out = arr;
    } else {
      out = null;
    }
    const tag = (yn as { tag?: string }).tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const tagged = cfnTag(tag, out);
      if (tagged !== out && typeof tagged === 'object' && tagged !== null) {
        positions.set(tagged, { line: lineOf(yn), column: colOf(yn), keys: new Map() });
      }
      out = tagged;
    }
    return out;
  };

  return new StructuredDoc(file, convert(doc.contents, 0), positions);
}

export function parseJson(text: string, file: string): StructuredDoc {
  const errors: JsonParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // Line starts, to turn offsets into lines with a binary search.
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  if (errors.length > 0 || !root) {
    const e = errors[0];
    const line = e ? lineAt(e.offset) : 1;
    throw new ParseError(`invalid JSON at line ${line}: ${e ? printParseErrorCode(e.error) : 'empty document'}`, line);
  }
  const positions = new WeakMap<object, Position>();
  const convert = (n: JsonNode, depth: number): Plain => {
    if (depth > 500) throw new ParseError('document nested too deeply');
    if (n.type === 'object') {
      const obj: PlainObject = {};
      const pos: Position = { line: lineAt(n.offset), column: 1, keys: new Map() };
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = String(k.value);
        obj[key] = v ? convert(v, depth + 1) : null;
        pos.keys.set(key, lineAt(k.offset));
      }
      positions.set(obj, pos);
      return obj;
    }
    if (n.type === 'array') {
      const arr: Plain[] = [];
      const pos: Position = { line: lineAt(n.offset), column: 1, keys: new Map() };
      (n.children ?? []).forEach((c, i) => {
        arr.push(convert(c, depth + 1));
        pos.keys.set(i, lineAt(c.offset));
      });
      positions.set(arr, pos);
      return arr;
    }
    return (n.value ?? null) as Plain;
  };
  return new StructuredDoc(file, convert(root, 0), positions);
}

/** Parse by file extension: `.json` with the JSON parser, everything else as YAML. */
export function parseStructured(text: string, file: string): StructuredDoc {
  return /\.json$/i.test(file) ? parseJson(text, file) : parseYaml(text, file);
}

export function isObject(v: unknown): v is PlainObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
