/**
 * YAML and JSON documents turned into plain JS values, with the line of every map key and
 * sequence item kept in a side table (so values stay plain and rules never see parser nodes).
 *
 * CloudFormation short-form tags (`!Ref`, `!Sub`, `!GetAtt`…) become their long form
 * (`{ Ref: … }`, `{ 'Fn::Sub': … }`). A "billion laughs" document fails with a ParseError
 * instead of exhausting memory in whoever walks the values later.
 */
import jsyaml from 'js-yaml';
import { parseTree, type Node as JsonNode, type ParseError as JsonParseError, printParseErrorCode } from 'jsonc-parser';
import { ParseError } from '../core/errors.js';
import { LineIndex } from '../core/line-index.js';
import type { Location } from '../model/types.js';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };
export type PlainObject = { [key: string]: Plain };

interface Position {
  line: number;
  column: number;
  /** Line of each key (objects) or item (arrays). */
  keys: Map<string | number, number>;
}

/** Upper bound on values in one document with its aliases expanded. */
const MAX_NODES = 1_000_000;

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

const CFN_TAGS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue',
  'If', 'Equals', 'And', 'Or', 'Not', 'Base64', 'Cidr', 'Transform', 'Length', 'ToJsonString', 'ForEach',
] as const;

function cfnValue(name: string, value: Plain): PlainObject {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

/**
 * YAML 1.2 core schema (so `2010-09-09` stays a string and `yes` is not a boolean), merge keys,
 * and every CloudFormation short-form tag in its scalar, sequence and mapping forms.
 */
// The bundled typings predate `types`; the merge type is part of js-yaml 4's public API.
const MERGE = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types.merge;
const SCHEMA = jsyaml.CORE_SCHEMA.extend({
  implicit: [MERGE],
  explicit: CFN_TAGS.flatMap((name) =>
    (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) => new jsyaml.Type(`!${name}`, { kind, construct: (data: Plain) => cfnValue(name, data ?? (kind === 'scalar' ? '' : null)) }),
    ),
  ),
});

interface Frame {
  /** (line, value) of each direct child node, in document order. */
  children: { line: number; value: unknown }[];
}

/** Number of values a document would have with every alias expanded, stopping at `limit`. */
function expandedSize(root: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const size = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    if (depth > 500) throw new ParseError('document nested too deeply');
    memo.set(v, limit); // a cycle (only possible through aliases) counts as over the limit
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child, depth + 1);
      if (n >= limit) break;
    }
    memo.set(v, Math.min(n, limit));
    return Math.min(n, limit);
  };
  return size(root, 0);
}

/**
 * js-yaml builds the values (it is several times faster than the `yaml` package on the same
 * templates, see bench/scan); its parse listener gives the line of every node as it closes,
 * which is kept in the side table. Aliases stay shared references; a document whose aliases
 * would expand past MAX_NODES values is rejected as an alias bomb.
 */
export function parseYaml(text: string, file: string): StructuredDoc {
  const positions = new WeakMap<object, Position>();
  const stack: Frame[] = [];
  const listener = (event: 'open' | 'close', state: { line: number; result: unknown; kind: string | null; tag: string | null }) => {
    if (event === 'open') {
      stack.push({ children: [] });
      return;
    }
    const frame = stack.pop()!;
    const result = state.result;
    // A scalar closes on its own (last) line; a collection is placed at its first child.
    const line = frame.children.length ? frame.children[0]!.line : state.line + 1;
    if (result !== null && typeof result === 'object') {
      const keys = new Map<string | number, number>();
      if (state.kind === 'sequence') {
        frame.children.forEach((c, i) => keys.set(i, c.line));
      } else if (state.kind === 'mapping') {
        // Children alternate key, value; keys are matched by name so a missing value cannot shift lines.
        for (let i = 0; i < frame.children.length; i++) {
          const child = frame.children[i]!;
          if (child.value === '<<') {
            // Merged entries (`<<: *base`) keep the lines where the base map wrote them.
            const merged = frame.children[i + 1]?.value;
            for (const src of Array.isArray(merged) ? merged : [merged]) {
              const srcPos = src && typeof src === 'object' ? positions.get(src) : undefined;
              srcPos?.keys.forEach((l, k) => keys.has(k) || keys.set(k, l));
            }
            i++;
          } else if (Object.hasOwn(result, String(child.value)) && !keys.has(String(child.value))) {
            keys.set(String(child.value), child.line);
            i++;
          }
        }
      }
      const pos = { line, column: 1, keys };
      // A tagged collection (`!If [...]`) is wrapped by its tag: give the inner value the same lines.
      if (state.tag && state.tag.startsWith('!') && !state.tag.startsWith('!!')) {
        const inner = Object.values(result as object)[0];
        if (inner && typeof inner === 'object' && !positions.has(inner)) positions.set(inner, pos);
        positions.set(result, { line, column: 1, keys: new Map() });
      } else if (!positions.has(result)) {
        positions.set(result, pos);
      }
    }
    stack[stack.length - 1]?.children.push({ line, value: result });
  };
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: SCHEMA, json: true, listener, maxDepth: 500, filename: file } as unknown as jsyaml.LoadOptions);
  } catch (err) {
    if (err instanceof jsyaml.YAMLException) {
      const line = (err.mark?.line ?? 0) + 1;
      throw new ParseError(`invalid YAML at line ${line}: ${err.reason}`, line);
    }
    throw new ParseError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (value === undefined) value = null;
  if (expandedSize(value, MAX_NODES) >= MAX_NODES) throw new ParseError('document expands to too many values through YAML aliases (alias bomb?)');
  return new StructuredDoc(file, value as Plain, positions);
}

export function parseJson(text: string, file: string): StructuredDoc {
  const errors: JsonParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lines = new LineIndex(text);
  const lineAt = (offset: number): number => lines.line(offset);
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
