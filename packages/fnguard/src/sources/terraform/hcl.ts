/**
 * HCL2 (Terraform dialect) → a small plain AST with 1-based lines.
 *
 * Parsing uses web-tree-sitter with the `tree-sitter-terraform.wasm` grammar. The wasm runtime is
 * initialised once per process (the promise is shared) and one Parser is reused. The tree is turned
 * into plain objects and deleted right away: tree-sitter trees live in wasm memory that the JS
 * garbage collector does not free.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

export type Expr =
  | { k: 'lit'; v: string | number | boolean | null; line: number; text: string }
  /** Quoted string or heredoc; parts are literal text or interpolated expressions. */
  | { k: 'tmpl'; parts: Array<string | Expr>; line: number; text: string; heredoc?: boolean }
  | { k: 'tuple'; items: Expr[]; line: number; text: string }
  | { k: 'object'; elems: ObjElem[]; line: number; text: string }
  | { k: 'var'; name: string; line: number; text: string }
  | { k: 'trav'; base: Expr; steps: Step[]; line: number; text: string }
  | { k: 'call'; name: string; args: Expr[]; expand: boolean; line: number; text: string }
  | { k: 'cond'; cond: Expr; then: Expr; else: Expr; line: number; text: string }
  | { k: 'op'; op: string; args: Expr[]; line: number; text: string }
  /** For-expressions, template directives and anything else we do not evaluate. */
  | { k: 'other'; line: number; text: string };

export type Step = { attr: string } | { index: Expr } | { splat: true };

export interface ObjElem {
  /** Bare identifier keys (`Effect = …`) are names, not variable references. */
  keyName?: string;
  key: Expr;
  val: Expr;
  line: number;
}

export interface Attr {
  name: string;
  expr: Expr;
  line: number;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  line: number;
  endLine: number;
}

export interface Body {
  attrs: Map<string, Attr>;
  blocks: Block[];
}

export interface ParsedHcl {
  body: Body;
  /** Syntax errors: the block (or stray text) they were in was skipped. */
  errors: Array<{ line: number; message: string }>;
}

/** Expressions nested deeper than this are kept as text (a pathological file cannot blow the stack). */
const MAX_DEPTH = 120;
const MAX_TEXT = 300;

let parserPromise: Promise<Parser> | undefined;
/** Milliseconds the one-time wasm initialisation took (for the bench and the report). */
export let parserInitMs = 0;

/** The shared parser; the wasm runtime and grammar are loaded on first use only. */
export function getParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const started = performance.now();
    const require = createRequire(import.meta.url);
    await Parser.init();
    const lang = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const parser = new Parser();
    parser.setLanguage(lang);
    parserInitMs = performance.now() - started;
    return parser;
  })();
  return parserPromise;
}

/** Parse one file. Never throws for bad input: syntax errors are returned with their line. */
export async function parseHcl(text: string): Promise<ParsedHcl> {
  const parser = await getParser();
  const whole = parseText(parser, text, 0);
  if (whole.errors.length === 0) return whole;
  // Tree-sitter's recovery can swallow everything after an error (a stray `=` starts a heredoc),
  // so a broken file is parsed again block by block: only the broken blocks are lost.
  const out: ParsedHcl = { body: emptyBody(), errors: [] };
  for (const chunk of topLevelChunks(text)) {
    const part = parseText(parser, chunk.text, chunk.row);
    for (const [k, v] of part.body.attrs) out.body.attrs.set(k, v);
    out.body.blocks.push(...part.body.blocks);
    out.errors.push(...part.errors);
  }
  return out;
}

/** Wall-clock bound for parsing one text, so a pathological file cannot stall the scan. */
const PARSE_BUDGET_MS = 30_000;

function parseText(parser: Parser, text: string, lineOffset: number): ParsedHcl {
  const deadline = performance.now() + PARSE_BUDGET_MS;
  // Returning true from the progress callback cancels the parse (parse() then returns null).
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
  if (!tree) return { body: emptyBody(), errors: [{ line: lineOffset + 1, message: `not parsed within ${PARSE_BUDGET_MS / 1000} s; skipped` }] };
  try {
    return new Converter(text, lineOffset).file(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** Lines that start a top-level block or attribute in conventionally formatted HCL (column 0). */
const TOP_LEVEL_START = /^[A-Za-z_][\w-]*(\s+("[^"\n]*"|[A-Za-z_][\w-]*))*\s*(\{|=)/;

/** Split a file at its column-0 block/attribute starts; each piece keeps its first row. */
function topLevelChunks(text: string): Array<{ text: string; row: number }> {
  const lines = text.split('\n');
  const chunks: Array<{ text: string; row: number }> = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || TOP_LEVEL_START.test(lines[i]!)) {
      chunks.push({ text: lines.slice(start, i).join('\n'), row: start });
      start = i;
    }
  }
  return chunks;
}

export function emptyBody(): Body {
  return { attrs: new Map(), blocks: [] };
}

function firstErrorLine(n: Node): number {
  const stack: Node[] = [n];
  let seen = 0;
  while (stack.length > 0 && seen++ < 100_000) {
    const c = stack.pop()!;
    if (c.isError || c.isMissing) return c.startPosition.row + 1;
    if (!c.hasError) continue;
    for (let i = c.childCount - 1; i >= 0; i--) {
      const ch = c.child(i);
      if (ch) stack.push(ch);
    }
  }
  return n.startPosition.row + 1;
}

const QUOTED_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Quoted-string escapes (`\n`, `\"`, `\uXXXX`) and the template escapes `$${` / `%%{`. */
function unescapeQuoted(s: string): string {
  if (!s.includes('\\') && !s.includes('$${') && !s.includes('%%{')) return s;
  return s
    .replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g, (m, u4?: string, u8?: string, c?: string) => {
      if (u4 || u8) {
        const cp = parseInt((u4 ?? u8)!, 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return QUOTED_ESCAPES[c!] ?? m;
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

function unescapeHeredoc(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

class Converter {
  /** `lineOffset`: rows before this text in the file (when a broken file is parsed block by block). */
  constructor(
    private readonly src: string,
    private readonly lineOffset = 0,
  ) {}

  private ln(n: { startPosition: { row: number } }): number {
    return n.startPosition.row + 1 + this.lineOffset;
  }

  private errLine(n: Node): number {
    return firstErrorLine(n) + this.lineOffset;
  }

  private text(n: Node): string {
    return clip(this.src.slice(n.startIndex, n.endIndex));
  }

  file(root: Node): ParsedHcl {
    const errors: ParsedHcl['errors'] = [];
    const body = emptyBody();
    // Nothing could be recovered (e.g. an unclosed block): the whole file is one error.
    if (root.isError) return { body, errors: [{ line: this.ln(root), message: 'syntax error (unclosed block or brace?); file skipped' }] };
    for (const child of root.namedChildren) {
      if (!child) continue;
      if (child.type === 'body') this.bodyInto(child, body, errors);
      else if (child.type === 'ERROR' || child.isError) errors.push({ line: this.errLine(child), message: 'syntax error' });
      else if (child.type === 'object') errors.push({ line: this.ln(child), message: 'JSON-style Terraform (.tf.json) is not read' });
    }
    return { body, errors };
  }

  /** Top level: a block or attribute with a syntax error inside is skipped as a whole. */
  private bodyInto(n: Node, body: Body, errors: ParsedHcl['errors']): void {
    for (const c of n.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.hasError || c.isError || c.isMissing) {
        const what = c.type === 'block' ? `block ${this.blockHeader(c)}` : c.type === 'attribute' ? 'attribute' : 'text';
        errors.push({ line: this.errLine(c), message: `syntax error in ${what} starting at line ${this.ln(c)}; skipped` });
        continue;
      }
      if (c.type === 'attribute') this.attrInto(c, body);
      else if (c.type === 'block') body.blocks.push(this.block(c));
    }
  }

  private blockHeader(n: Node): string {
    const parts: string[] = [];
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'identifier') parts.push(c.text);
      else if (c.type === 'string_lit') parts.push(`"${unescapeQuoted(this.stringLitRaw(c))}"`);
      else break;
    }
    return parts.join(' ');
  }

  private body(n: Node | undefined): Body {
    const body = emptyBody();
    if (!n) return body;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'attribute') this.attrInto(c, body);
      else if (c.type === 'block') body.blocks.push(this.block(c));
    }
    return body;
  }

  private attrInto(n: Node, body: Body): void {
    const kids = n.namedChildren;
    const id = kids.find((c) => c?.type === 'identifier');
    const ex = kids.find((c) => c?.type === 'expression');
    if (!id || !ex) return;
    body.attrs.set(id.text, { name: id.text, expr: this.expr(ex, 0), line: this.ln(n) });
  }

  private block(n: Node): Block {
    let type = '';
    const labels: string[] = [];
    let bodyNode: Node | undefined;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'identifier') {
        if (!type) type = c.text;
        else labels.push(c.text);
      } else if (c.type === 'string_lit') labels.push(unescapeQuoted(this.stringLitRaw(c)));
      else if (c.type === 'body') bodyNode = c;
    }
    return { type, labels, body: this.body(bodyNode), line: this.ln(n), endLine: n.endPosition.row + 1 + this.lineOffset };
  }

  private stringLitRaw(n: Node): string {
    const start = n.firstChild;
    const end = n.lastChild;
    if (!start || !end || start === end) return '';
    return this.src.slice(start.endIndex, end.startIndex);
  }

  /** An `expression` node: a primary followed by postfix attribute/index/splat steps. */
  private expr(n: Node, depth: number): Expr {
    return this.seq(n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment'), n, depth);
  }

  private seq(nodes: Node[], whole: Node | { startPosition: Node['startPosition']; text: string }, depth: number): Expr {
    const line = this.ln(whole);
    const text = 'startIndex' in whole ? this.text(whole as Node) : clip(whole.text);
    if (nodes.length === 0 || depth > MAX_DEPTH) return { k: 'other', line, text };
    const base = this.primary(nodes[0]!, depth + 1);
    if (nodes.length === 1) return base;
    const steps: Step[] = [];
    for (const s of nodes.slice(1)) {
      const step = this.step(s, depth + 1);
      if (!step) return { k: 'other', line, text };
      steps.push(...step);
    }
    return { k: 'trav', base, steps, line, text };
  }

  private step(n: Node, depth: number): Step[] | undefined {
    switch (n.type) {
      case 'get_attr': {
        const id = n.namedChildren.find((c) => c?.type === 'identifier');
        return id ? [{ attr: id.text }] : undefined;
      }
      case 'index': {
        const inner = n.firstNamedChild;
        if (!inner) return undefined;
        if (inner.type === 'legacy_index') return [{ index: { k: 'lit', v: Number(inner.text.replace(/^\./, '')), line: this.ln(inner), text: inner.text } }];
        const e = inner.namedChildren.find((c) => c?.type === 'expression');
        return e ? [{ index: this.expr(e, depth) }] : undefined;
      }
      case 'splat': {
        const inner = n.firstNamedChild;
        const rest: Step[] = [{ splat: true }];
        for (const c of inner?.namedChildren ?? []) {
          if (!c) continue;
          const s = this.step(c, depth);
          if (s) rest.push(...s);
        }
        return rest;
      }
      default:
        return undefined;
    }
  }

  private primary(n: Node, depth: number): Expr {
    const line = this.ln(n);
    const text = this.text(n);
    if (depth > MAX_DEPTH) return { k: 'other', line, text };
    switch (n.type) {
      case 'expression':
        return this.expr(n, depth);
      case 'literal_value':
        return this.literal(n.firstNamedChild ?? n, line, text);
      case 'collection_value':
        return this.collection(n.firstNamedChild ?? n, depth);
      case 'template_expr':
        return this.template(n.firstNamedChild ?? n, depth);
      case 'variable_expr':
        return { k: 'var', name: n.text, line, text };
      case 'function_call': {
        const kids = n.namedChildren;
        const name = kids.find((c) => c?.type === 'identifier')?.text ?? '';
        const argKids = kids.find((c) => c?.type === 'function_arguments')?.namedChildren ?? [];
        const args = argKids.filter((c): c is Node => c?.type === 'expression').map((c) => this.expr(c, depth + 1));
        const expand = argKids.some((c) => c?.type === 'ellipsis');
        return { k: 'call', name, args, expand, line, text };
      }
      case 'conditional': {
        const [c, t, f] = n.namedChildren.filter((x): x is Node => x?.type === 'expression').map((x) => this.expr(x, depth + 1));
        if (!c || !t || !f) return { k: 'other', line, text };
        return { k: 'cond', cond: c, then: t, else: f, line, text };
      }
      case 'operation':
        return this.operation(n.firstNamedChild ?? n, depth);
      default:
        return { k: 'other', line, text };
    }
  }

  private literal(n: Node, line: number, text: string): Expr {
    switch (n.type) {
      case 'numeric_lit':
        return { k: 'lit', v: Number(n.text), line, text };
      case 'bool_lit':
        return { k: 'lit', v: n.text === 'true', line, text };
      case 'null_lit':
        return { k: 'lit', v: null, line, text };
      case 'string_lit':
        return { k: 'lit', v: unescapeQuoted(this.stringLitRaw(n)), line, text };
      default:
        return { k: 'other', line, text };
    }
  }

  private collection(n: Node, depth: number): Expr {
    const line = this.ln(n);
    const text = this.text(n);
    if (n.type === 'tuple') {
      const items = n.namedChildren.filter((c): c is Node => c?.type === 'expression').map((c) => this.expr(c, depth + 1));
      return { k: 'tuple', items, line, text };
    }
    if (n.type === 'object') {
      const elems: ObjElem[] = [];
      for (const el of n.namedChildren) {
        if (el?.type !== 'object_elem') continue;
        const k = el.childForFieldName('key');
        const v = el.childForFieldName('val');
        if (!k || !v) continue;
        const key = this.expr(k, depth + 1);
        const keyName = key.k === 'var' ? key.name : undefined;
        elems.push({ keyName, key, val: this.expr(v, depth + 1), line: this.ln(el) });
      }
      return { k: 'object', elems, line, text };
    }
    return { k: 'other', line, text };
  }

  private template(n: Node, depth: number): Expr {
    const line = this.ln(n);
    const text = this.text(n);
    const heredoc = n.type === 'heredoc_template';
    let from: number;
    let to: number;
    const kids = n.namedChildren;
    if (heredoc) {
      const ids = kids.filter((c): c is Node => c?.type === 'heredoc_identifier');
      if (ids.length < 2) return { k: 'other', line, text };
      const nl = this.src.indexOf('\n', ids[0]!.endIndex);
      from = nl < 0 ? ids[0]!.endIndex : nl + 1;
      to = this.src.lastIndexOf('\n', ids[ids.length - 1]!.startIndex - 1) + 1;
      if (to < from) to = from;
    } else {
      const first = n.firstChild;
      const last = n.lastChild;
      if (!first || !last) return { k: 'other', line, text };
      from = first.endIndex;
      to = last.type === 'quoted_template_end' ? last.startIndex : last.endIndex;
    }
    const unesc = heredoc ? unescapeHeredoc : unescapeQuoted;
    const parts: Array<string | Expr> = [];
    let at = from;
    for (const c of kids) {
      if (!c || (c.type !== 'template_interpolation' && c.type !== 'template_directive')) continue;
      if (c.startIndex > at) parts.push(unesc(this.src.slice(at, c.startIndex)));
      const inner = c.namedChildren.find((x) => x?.type === 'expression');
      parts.push(c.type === 'template_interpolation' && inner ? this.expr(inner, depth + 1) : { k: 'other', line: this.ln(c), text: this.text(c) });
      at = c.endIndex;
    }
    if (to > at) parts.push(unesc(this.src.slice(at, to)));
    const isIndented = heredoc && kids.some((c) => c?.type === 'heredoc_start' && c.text === '<<-');
    return { k: 'tmpl', parts: isIndented ? dedent(parts) : parts, line, text, heredoc: heredoc || undefined };
  }

  private operation(n: Node, depth: number): Expr {
    const line = this.ln(n);
    const text = this.text(n);
    const kids = n.children.filter((c): c is Node => !!c && c.type !== 'comment');
    const isParen = (c: Node) => !c.isNamed && (c.type === '(' || c.type === ')');
    const opIdx = kids.findIndex((c) => !c.isNamed && !isParen(c));
    if (opIdx < 0) return { k: 'other', line, text };
    const op = kids[opIdx]!.type;
    const side = (nodes: Node[]): Expr | undefined => {
      const named = nodes.filter((c) => c.isNamed);
      if (named.length === 0) return undefined;
      return this.seq(named, { startPosition: named[0]!.startPosition, text: named.map((x) => x.text).join('') }, depth + 1);
    };
    if (n.type === 'unary_operation') {
      const arg = side(kids.slice(opIdx + 1));
      return arg ? { k: 'op', op: op === '-' ? 'neg' : op, args: [arg], line, text } : { k: 'other', line, text };
    }
    const lhs = side(kids.slice(0, opIdx));
    const rhs = side(kids.slice(opIdx + 1));
    return lhs && rhs ? { k: 'op', op, args: [lhs, rhs], line, text } : { k: 'other', line, text };
  }
}

/** `<<-EOT` heredocs: remove the smallest common indentation of the literal lines. */
function dedent(parts: Array<string | Expr>): Array<string | Expr> {
  let joined = '';
  for (const p of parts) joined += typeof p === 'string' ? p : 'x';
  const indents = joined
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => /^[ \t]*/.exec(l)![0].length);
  const n = indents.length ? Math.min(...indents) : 0;
  if (n === 0) return parts;
  const re = new RegExp(`(^|\\n)[ \\t]{0,${n}}`, 'g');
  let atLineStart = true;
  return parts.map((p) => {
    if (typeof p !== 'string') {
      atLineStart = false;
      return p;
    }
    // Only strip at real line starts: text right after an interpolation is mid-line.
    const out = atLineStart ? p.replace(re, '$1') : p.replace(/\n[ \t]*/g, (m) => `\n${m.slice(1 + Math.min(n, m.length - 1))}`);
    atLineStart = p.endsWith('\n');
    return out;
  });
}
