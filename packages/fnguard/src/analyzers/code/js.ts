/**
 * AWS SDK calls in JavaScript/TypeScript, from the oxc-parser AST (ESTree shape).
 *
 * Understood: SDK v3 `client.send(new XCommand(args))` (the command's package names the service, so
 * the client need not be known), aggregated clients `new S3({}).getObject(args)`, paginators
 * `paginateX({ client }, args)`, `getSignedUrl(client, new XCommand(args))`, `@aws-sdk/lib-dynamodb`
 * (DynamoDBDocumentClient + commands, DynamoDBDocument methods), `@aws-sdk/lib-storage` `new Upload`,
 * SDK v2 `new AWS.S3().getObject(args).promise()`, `AWS.DynamoDB.DocumentClient`,
 * `require('aws-sdk/clients/s3')`, with imports as ESM or `require`, named, default or namespace.
 *
 * Bindings are tracked per file by name (not per scope): `const s3 = new S3Client()`,
 * `this.s3 = …`, `const TABLE = process.env.TABLE`, `const params = {…}`, and names imported from
 * other files of the project (resolved through the `importExports` callback).
 */
import { parseSync } from 'oxc-parser';
import type { DynamicUse, FileAnalysis, ParamValue, SdkCall } from './types.js';
import { LineIndex, RESOURCE_PARAMS, addParam, callsAwsItself, joinParts, shorten } from './values.js';
import { iamPrefixFor, operationName } from './services.js';

// Internal AST node: the oxc ESTree shape, read structurally.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type N = { type: string; start: number; end: number; [k: string]: any };

type ClientStyle = 'v3' | 'v3-agg' | 'v3-doc' | 'v3-doc-agg' | 'v2' | 'v2-doc';

/** What a name or expression stands for, as far as SDK use is concerned. */
export type JsBinding =
  | { kind: 'v3-module'; pkg: string }
  | { kind: 'v3-class'; pkg: string; name: string }
  | { kind: 'v3-command'; pkg: string; name: string }
  | { kind: 'v3-paginate'; pkg: string; name: string }
  | { kind: 'presign' }
  | { kind: 'upload-class' }
  | { kind: 'v2-root' }
  | { kind: 'v2-class'; service: string }
  | { kind: 'v2-doc-class' }
  | { kind: 'client'; style: ClientStyle; sdkService: string }
  | { kind: 'command'; pkg: string; name: string; arg?: N; ctx: FileCtx }
  | { kind: 'value'; value: ParamValue }
  | { kind: 'object'; node: N; ctx: FileCtx }
  | { kind: 'env-object' }
  /** `import * as clients from './clients.js'` / `require('./clients')`: that file's exports. */
  | { kind: 'project-module'; exports: JsExports };

export type JsExports = Map<string, JsBinding>;

interface FileCtx {
  src: string;
  bindings: Map<string, JsBinding>;
}

const LIB_DYNAMODB = '@aws-sdk/lib-dynamodb';
const LIB_STORAGE = '@aws-sdk/lib-storage';
const PRESIGNER = '@aws-sdk/s3-request-presigner';

/**
 * Document-client operations (lib-dynamodb commands without `Command`, DynamoDBDocument and v2
 * DocumentClient methods) → the DynamoDB API operation they send.
 */
const DOC_OPS: Record<string, string> = {
  get: 'GetItem', put: 'PutItem', update: 'UpdateItem', delete: 'DeleteItem',
  query: 'Query', scan: 'Scan', batchget: 'BatchGetItem', batchwrite: 'BatchWriteItem',
  transactget: 'TransactGetItems', transactwrite: 'TransactWriteItems',
  executestatement: 'ExecuteStatement', batchexecutestatement: 'BatchExecuteStatement',
  executetransaction: 'ExecuteTransaction',
};

/** aws-xray-sdk functions that return the client or SDK module they are given. */
const XRAY_WRAPPERS = new Set(['captureAWSv3Client', 'captureAWSClient', 'captureAWS']);

/** Client methods that are not API operations. */
const NOT_OPERATIONS = new Set(['send', 'destroy', 'config', 'middlewareStack', 'promise', 'on', 'then', 'catch', 'createSet', 'waitFor', 'setupRequestListeners', 'defineService']);

export interface JsOptions {
  /** Exports of a relative import (`./lib/clients.js`), or undefined when it cannot be read. */
  importExports(spec: string): JsExports | undefined;
  /** Root-relative path of a relative import, when it exists (for the import list). */
  resolveImport(spec: string): string | undefined;
}

function langOf(file: string): 'js' | 'jsx' | 'ts' | 'tsx' {
  if (/\.tsx$/i.test(file)) return 'tsx';
  if (/\.(c|m)?ts$/i.test(file)) return 'ts';
  if (/\.jsx$/i.test(file)) return 'jsx';
  return 'js';
}

function isNode(v: unknown): v is N {
  return typeof v === 'object' && v !== null && typeof (v as N).type === 'string';
}

/** Depth-first walk over every AST node. */
function walk(node: N, visit: (n: N) => void): void {
  const stack: N[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    visit(n);
    const kids: N[] = [];
    for (const k in n) {
      if (k === 'parent') continue;
      const v = n[k];
      if (Array.isArray(v)) {
        for (const x of v) if (isNode(x)) kids.push(x);
      } else if (isNode(v)) kids.push(v);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

function unwrap(n: N | null | undefined): N | undefined {
  let cur = n ?? undefined;
  while (cur && ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression', 'ChainExpression', 'AwaitExpression', 'TSTypeAssertion'].includes(cur.type)) {
    cur = cur.expression ?? cur.argument;
  }
  return cur;
}

function stringLiteral(n: N | undefined): string | undefined {
  const u = unwrap(n);
  if (u?.type === 'Literal' && typeof u.value === 'string') return u.value;
  if (u?.type === 'TemplateLiteral' && u.expressions.length === 0) return u.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function propName(p: N): string | undefined {
  if (!p.computed && p.key?.type === 'Identifier') return p.key.name as string;
  return stringLiteral(p.key);
}

/** What an imported name from a package stands for. */
function importedName(pkg: string, name: string): JsBinding | undefined {
  if (pkg === 'aws-sdk') return name === 'default' || name === '*' ? { kind: 'v2-root' } : { kind: 'v2-class', service: name };
  const v2client = /^aws-sdk\/clients\/([a-z0-9]+)(?:\.js)?$/.exec(pkg);
  if (v2client) return name === 'DocumentClient' ? { kind: 'v2-doc-class' } : { kind: 'v2-class', service: v2client[1]! };
  if (pkg === PRESIGNER) return name === 'getSignedUrl' ? { kind: 'presign' } : undefined;
  if (pkg === LIB_STORAGE) return name === 'Upload' ? { kind: 'upload-class' } : undefined;
  if (pkg === LIB_DYNAMODB || pkg.startsWith('@aws-sdk/client-')) {
    if (name === '*' || name === 'default') return { kind: 'v3-module', pkg };
    if (name.endsWith('Command')) return { kind: 'v3-command', pkg, name };
    if (name.startsWith('paginate')) return { kind: 'v3-paginate', pkg, name };
    if (/^[A-Z]/.test(name) && !/(Exception|Error)$/.test(name)) return { kind: 'v3-class', pkg, name };
  }
  return undefined;
}

function isSdkPackage(pkg: string): boolean {
  return pkg === 'aws-sdk' || pkg.startsWith('aws-sdk/clients/') || pkg.startsWith('@aws-sdk/client-') || pkg === LIB_DYNAMODB || pkg === LIB_STORAGE || pkg === PRESIGNER;
}

/** Service and API operation for an SDK v3 command class. */
function commandOperation(pkg: string, name: string): { sdkService: string; operation: string; form: SdkCall['form'] } {
  const base = name.replace(/Command$/, '');
  if (pkg === LIB_DYNAMODB) return { sdkService: 'dynamodb', operation: DOC_OPS[base.toLowerCase()] ?? base, form: 'js-lib-dynamodb' };
  return { sdkService: pkg.replace(/^@aws-sdk\/client-/, ''), operation: base, form: 'js-v3-command' };
}

export interface JsResult {
  analysis: FileAnalysis;
  exports: JsExports;
}

export function analyzeJs(file: string, src: string, opts: JsOptions): JsResult {
  const analysis: FileAnalysis = { file, calls: [], dynamic: [], imports: [] };
  const exports: JsExports = new Map();
  let program: N;
  try {
    const res = parseSync(file, src, { lang: langOf(file), sourceType: 'unambiguous' });
    const fatal = res.errors.find((e) => e.severity === 'Error');
    if (fatal) {
      const line = fatal.labels[0] ? new LineIndex(src).line(fatal.labels[0].start) : undefined;
      analysis.parseError = `${line ? `line ${line}: ` : ''}${fatal.message.split('\n')[0]}`;
      analysis.parseErrorLine = line;
      return { analysis, exports };
    }
    program = res.program as unknown as N;
  } catch (err) {
    analysis.parseError = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { analysis, exports };
  }
  const lines = new LineIndex(src);
  const ctx: FileCtx = { src, bindings: new Map() };
  /** `new X()` expressions whose value was tracked (bound, called on, passed). */
  const followed = new Set<number>();
  const text = (n: N): string => src.slice(n.start, n.end);
  const locOf = (n: N) => ({ file, line: lines.line(n.start), column: lines.column(n.start) });

  const importFrom = (spec: string, name: string, at: N): JsBinding | undefined => {
    if (spec.startsWith('.')) {
      if (!analysis.imports.some((i) => i.spec === spec)) analysis.imports.push({ spec, resolved: opts.resolveImport(spec), loc: locOf(at) });
      const ex = opts.importExports(spec);
      if (!ex) return undefined;
      if (name === '*') return { kind: 'project-module', exports: ex };
      return ex.get(name);
    }
    // Absolute paths: Lambda layers (/opt/nodejs/…), code this scan cannot see.
    if (spec.startsWith('/') && !analysis.dynamic.some((d) => d.reason.includes(spec))) {
      analysis.dynamic.push({ loc: locOf(at), reason: `imports ${spec} from outside the project (a layer?): its calls are not analysed` });
    }
    const lib = callsAwsItself('js', spec);
    if (lib && !analysis.dynamic.some((d) => d.reason.startsWith(`uses ${lib}`))) {
      analysis.dynamic.push({ loc: locOf(at), reason: `uses ${lib}, which calls AWS itself: its calls are not analysed` });
    }
    return isSdkPackage(spec) ? importedName(spec, name) : undefined;
  };

  const requireSpec = (n: N | undefined): string | undefined => {
    const u = unwrap(n);
    if (u?.type === 'CallExpression' && u.callee.type === 'Identifier' && u.callee.name === 'require') return stringLiteral(u.arguments[0]);
    if (u?.type === 'ImportExpression') return stringLiteral(u.source);
    return undefined;
  };

  // ------------------------------------------------------------------ expression evaluation
  const evalExpr = (node: N | null | undefined, depth = 0): JsBinding | undefined => {
    const n = unwrap(node);
    if (!n || depth > 8) return undefined;
    switch (n.type) {
      case 'Identifier':
        return ctx.bindings.get(n.name);
      case 'ThisExpression':
        return undefined;
      case 'Literal':
        return typeof n.value === 'string' ? { kind: 'value', value: { kind: 'literal', value: n.value } } : undefined;
      case 'TemplateLiteral':
      case 'BinaryExpression':
        return { kind: 'value', value: valueOf(n) };
      case 'ObjectExpression':
        return { kind: 'object', node: n, ctx };
      case 'LogicalExpression':
        return evalExpr(n.left, depth + 1) ?? evalExpr(n.right, depth + 1);
      case 'MemberExpression': {
        const key = memberKey(n);
        if (key && ctx.bindings.has(key)) return ctx.bindings.get(key);
        const obj = unwrap(n.object);
        if (obj?.type === 'MemberExpression' && !obj.computed && obj.object.type === 'Identifier' && obj.object.name === 'process' && obj.property.name === 'env') {
          const name = n.computed ? stringLiteral(n.property) : n.property.name;
          return name ? { kind: 'value', value: { kind: 'env', name } } : { kind: 'value', value: { kind: 'dynamic', expr: shorten(text(n)) } };
        }
        if (obj?.type === 'Identifier' && obj.name === 'process' && !n.computed && n.property.name === 'env') return { kind: 'env-object' };
        const base = evalExpr(obj, depth + 1);
        const prop = n.computed ? stringLiteral(n.property) : (n.property.name as string);
        if (!base || !prop) return undefined;
        if (base.kind === 'v2-root') return prop === 'DynamoDB' ? { kind: 'v2-class', service: 'DynamoDB' } : { kind: 'v2-class', service: prop };
        if (base.kind === 'v2-class' && prop === 'DocumentClient') return { kind: 'v2-doc-class' };
        if (base.kind === 'v3-module') return importedName(base.pkg, prop);
        if (base.kind === 'project-module') return base.exports.get(prop);
        return undefined;
      }
      case 'NewExpression': {
        followed.add(n.start);
        const callee = evalExpr(n.callee, depth + 1);
        if (!callee) return undefined;
        if (callee.kind === 'v3-class') {
          const doc = callee.pkg === LIB_DYNAMODB;
          const style: ClientStyle = callee.name.endsWith('Client') ? (doc ? 'v3-doc' : 'v3') : doc ? 'v3-doc-agg' : 'v3-agg';
          return { kind: 'client', style, sdkService: doc ? 'dynamodb' : callee.pkg.replace(/^@aws-sdk\/client-/, '') };
        }
        if (callee.kind === 'v3-command') return { kind: 'command', pkg: callee.pkg, name: callee.name, arg: n.arguments[0], ctx };
        if (callee.kind === 'v2-class') return { kind: 'client', style: 'v2', sdkService: callee.service };
        if (callee.kind === 'v2-doc-class') return { kind: 'client', style: 'v2-doc', sdkService: 'dynamodb' };
        return undefined;
      }
      case 'CallExpression': {
        const spec = requireSpec(n);
        if (spec) return importFrom(spec, '*', n) ?? (isSdkPackage(spec) ? importedName(spec, 'default') : undefined);
        const callee = unwrap(n.callee);
        const calleeName = callee?.type === 'Identifier' ? callee.name : callee?.type === 'MemberExpression' && !callee.computed ? callee.property.name : undefined;
        // AWS X-Ray instrumentation returns the client (or SDK module) it wraps.
        if (calleeName && XRAY_WRAPPERS.has(calleeName)) return evalExpr(n.arguments[0], depth + 1);
        if (callee?.type === 'MemberExpression' && !callee.computed && callee.property.name === 'from') {
          const cls = evalExpr(callee.object, depth + 1);
          if (cls?.kind === 'v3-class' && cls.pkg === LIB_DYNAMODB) return { kind: 'client', style: cls.name.endsWith('Client') ? 'v3-doc' : 'v3-doc-agg', sdkService: 'dynamodb' };
        }
        return undefined;
      }
      case 'ImportExpression': {
        const spec = stringLiteral(n.source);
        return spec ? importFrom(spec, '*', n) ?? (isSdkPackage(spec) ? importedName(spec, '*') : undefined) : undefined;
      }
      default:
        return undefined;
    }
  };

  /** `this.s3` / `obj.client` as a binding key. */
  const memberKey = (n: N): string | undefined => {
    if (n.type !== 'MemberExpression' || n.computed) return undefined;
    const o = unwrap(n.object);
    if (o?.type === 'ThisExpression') return `this.${n.property.name}`;
    if (o?.type === 'Identifier') return `${o.name}.${n.property.name}`;
    return undefined;
  };

  /** A value passed to a request parameter. */
  const valueOf = (node: N | undefined, depth = 0): ParamValue => {
    const n = unwrap(node);
    if (!n) return { kind: 'dynamic', expr: '' };
    if (depth > 8) return { kind: 'dynamic', expr: shorten(text(n)) };
    if (n.type === 'TemplateLiteral') {
      const parts: (string | null)[] = [];
      n.quasis.forEach((q: N, i: number) => {
        parts.push(q.value.cooked ?? '');
        if (i < n.expressions.length) parts.push(partOf(n.expressions[i], depth));
      });
      return joinParts(parts, text(n));
    }
    if (n.type === 'BinaryExpression' && n.operator === '+') {
      const parts = [...concatParts(n.left, depth), ...concatParts(n.right, depth)];
      return joinParts(parts, text(n));
    }
    const b = evalExpr(n, depth + 1);
    if (b?.kind === 'value') return b.value;
    return { kind: 'dynamic', expr: shorten(text(n)) };
  };
  const partOf = (e: N, depth: number): string | null => {
    const v = valueOf(e, depth + 1);
    return v.kind === 'literal' ? v.value : null;
  };
  const concatParts = (e: N, depth: number): (string | null)[] => {
    const u = unwrap(e);
    if (u?.type === 'BinaryExpression' && u.operator === '+') return [...concatParts(u.left, depth), ...concatParts(u.right, depth)];
    return [u ? partOf(u, depth) : null];
  };
  const valuesOf = (node: N | undefined): ParamValue[] => {
    const n = unwrap(node);
    if (n?.type === 'ArrayExpression') return n.elements.filter(isNode).map((e: N) => valueOf(e));
    return [valueOf(n)];
  };

  /** Resource parameters and property names of a request object (nested, spreads and bound objects followed). */
  const collectParams = (node: N | undefined, call: Pick<SdkCall, 'params' | 'argKeys'>, fctx: FileCtx, depth = 0): void => {
    let n = unwrap(node);
    if (!n || depth > 6) return;
    if (n.type === 'Identifier') {
      const b = fctx.bindings.get(n.name);
      if (b?.kind === 'object') return collectParams(b.node, call, b.ctx, depth + 1);
      return;
    }
    if (n.type === 'ArrayExpression') {
      for (const e of n.elements) if (isNode(e)) collectParams(e, call, fctx, depth + 1);
      return;
    }
    if (n.type !== 'ObjectExpression') return;
    for (const p of n.properties as N[]) {
      if (p.type === 'SpreadElement') {
        collectParams(p.argument, call, fctx, depth + 1);
        continue;
      }
      const key = propName(p);
      if (key === 'RequestItems' && unwrap(p.value)?.type === 'ObjectExpression') {
        call.argKeys.push(key);
        for (const item of unwrap(p.value)!.properties as N[]) {
          if (item.type === 'SpreadElement') continue;
          const tableName = propName(item);
          addParam(call, 'TableName', [tableName !== undefined ? { kind: 'literal', value: tableName } : valueOf(item.key)]);
          collectParams(item.value, call, fctx, depth + 1);
        }
        continue;
      }
      if (!key) continue;
      call.argKeys.push(key);
      n = unwrap(p.value);
      if (RESOURCE_PARAMS.has(key)) addParam(call, key, fctx === ctx ? valuesOf(p.value) : [{ kind: 'dynamic', expr: 'imported object' }]);
      else if (n && (n.type === 'ObjectExpression' || n.type === 'ArrayExpression' || n.type === 'Identifier')) collectParams(n, call, fctx, depth + 1);
    }
  };

  const bind = (name: string, b: JsBinding | undefined) => {
    if (b) ctx.bindings.set(name, b);
  };

  // ------------------------------------------------------------------ pass 1: imports and bindings
  const bindPattern = (id: N, init: N | undefined) => {
    if (id.type === 'Identifier') return bind(id.name, evalExpr(init));
    if (id.type !== 'ObjectPattern') return;
    const spec = requireSpec(init);
    const from = evalExpr(init);
    for (const p of id.properties as N[]) {
      if (p.type !== 'Property') continue;
      const key = propName(p);
      const local = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
      if (!key || local.type !== 'Identifier') continue;
      if (spec) bind(local.name, importFrom(spec, key, p));
      else if (from?.kind === 'env-object') bind(local.name, { kind: 'value', value: { kind: 'env', name: key } });
      else if (from?.kind === 'v3-module') bind(local.name, importedName(from.pkg, key));
      else if (from?.kind === 'v2-root') bind(local.name, { kind: 'v2-class', service: key });
      else if (from?.kind === 'project-module') bind(local.name, from.exports.get(key));
    }
  };

  walk(program, (n) => {
    if (n.type === 'ImportDeclaration') {
      const spec = n.source.value as string;
      for (const s of n.specifiers as N[]) {
        const name = s.type === 'ImportSpecifier' ? (s.imported.name ?? s.imported.value) : s.type === 'ImportDefaultSpecifier' ? 'default' : '*';
        bind(s.local.name, importFrom(spec, name, n));
      }
      if (n.specifiers.length === 0 && spec.startsWith('.')) importFrom(spec, '*', n);
    } else if (n.type === 'VariableDeclarator' && n.init) {
      bindPattern(n.id, n.init);
    } else if (n.type === 'AssignmentExpression' && n.operator === '=') {
      const left = unwrap(n.left);
      if (left?.type === 'Identifier') bind(left.name, evalExpr(n.right));
      else if (left?.type === 'MemberExpression') {
        const key = memberKey(left);
        const b = evalExpr(n.right);
        if (key && b) bind(key, b);
        // CommonJS exports: module.exports.x = …, exports.x = …
        const o = unwrap(left.object);
        const prop = left.computed ? undefined : (left.property.name as string);
        if (b && prop && ((o?.type === 'Identifier' && o.name === 'exports') || (o?.type === 'MemberExpression' && o.object.name === 'module' && o.property.name === 'exports'))) exports.set(prop, b);
        if (o?.type === 'Identifier' && o.name === 'module' && prop === 'exports') {
          const r = unwrap(n.right);
          if (r?.type === 'ObjectExpression') {
            for (const p of r.properties as N[]) {
              const k = p.type === 'Property' ? propName(p) : undefined;
              const v = k ? evalExpr(p.value) : undefined;
              if (k && v) exports.set(k, v);
            }
          } else if (b) exports.set('default', b);
        }
      }
    } else if (n.type === 'ImportExpression' || (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require')) {
      const spec = n.type === 'ImportExpression' ? stringLiteral(n.source) : stringLiteral(n.arguments[0]);
      if (spec?.startsWith('.')) importFrom(spec, '*', n);
    }
  });

  // ESM exports (after bindings, so `export { s3 }` finds them).
  for (const st of program.body as N[]) {
    if (st.type === 'ExportNamedDeclaration') {
      const d = st.declaration;
      if (d?.type === 'VariableDeclaration') for (const dec of d.declarations) if (dec.id.type === 'Identifier' && ctx.bindings.has(dec.id.name)) exports.set(dec.id.name, ctx.bindings.get(dec.id.name)!);
      for (const s of (st.specifiers ?? []) as N[]) {
        const local = s.local.name ?? s.local.value;
        const exported = s.exported.name ?? s.exported.value;
        const b = st.source ? importFrom(st.source.value, local, st) : ctx.bindings.get(local);
        if (b) exports.set(exported, b);
      }
    } else if (st.type === 'ExportDefaultDeclaration') {
      const b = evalExpr(st.declaration);
      if (b) exports.set('default', b);
    } else if (st.type === 'ExportAllDeclaration' && st.source?.value?.startsWith('.')) {
      const ex = opts.importExports(st.source.value);
      if (ex) for (const [k, v] of ex) if (k !== 'default' && !exports.has(k)) exports.set(k, v);
    }
  }

  // ------------------------------------------------------------------ pass 2: calls
  const record = (at: N, form: SdkCall['form'], sdkService: string, operation: string, written: string, arg: N | undefined, argCtx: FileCtx): SdkCall => {
    const call: SdkCall = { language: 'js', form, sdkService, service: iamPrefixFor(sdkService), operation, written, loc: locOf(at), params: {}, argKeys: [] };
    collectParams(arg, call, argCtx);
    analysis.calls.push(call);
    return call;
  };
  const dynamicUse = (at: N, reason: string) => analysis.dynamic.push({ loc: locOf(at), reason } satisfies DynamicUse);
  const recordCommand = (at: N, cmd: Extract<JsBinding, { kind: 'command' }>, form?: SdkCall['form']) => {
    const op = commandOperation(cmd.pkg, cmd.name);
    record(at, form ?? op.form, op.sdkService, op.operation, cmd.name, cmd.arg, cmd.ctx);
  };

  walk(program, (n) => {
    if (n.type === 'NewExpression') {
      const callee = evalExpr(n.callee);
      if (callee?.kind === 'upload-class') {
        const arg = unwrap(n.arguments[0]);
        const paramsProp = arg?.type === 'ObjectExpression' ? (arg.properties as N[]).find((p) => p.type === 'Property' && propName(p) === 'params') : undefined;
        record(n, 'js-lib-storage', 's3', 'Upload', 'new Upload', paramsProp?.value, ctx);
      }
      const calleeNode = unwrap(n.callee);
      if (calleeNode?.type === 'MemberExpression' && calleeNode.computed && stringLiteral(calleeNode.property) === undefined) {
        const base = evalExpr(calleeNode.object);
        if (base?.kind === 'v2-root' || base?.kind === 'v3-module') dynamicUse(n, `SDK class chosen at run time: ${shorten(text(calleeNode))}`);
      }
      return;
    }
    if (n.type !== 'CallExpression') return;
    const callee = unwrap(n.callee);
    if (!callee) return;
    if (callee.type === 'Identifier') {
      const b = ctx.bindings.get(callee.name);
      if (b?.kind === 'v3-paginate') {
        const base = b.name.replace(/^paginate/, '');
        const doc = b.pkg === LIB_DYNAMODB;
        record(n, 'js-v3-paginator', doc ? 'dynamodb' : b.pkg.replace(/^@aws-sdk\/client-/, ''), doc ? DOC_OPS[base.toLowerCase()] ?? base : base, b.name, n.arguments[1], ctx);
      } else if (b?.kind === 'presign') {
        const cmd = evalExpr(n.arguments[1]);
        if (cmd?.kind === 'command') recordCommand(n, cmd, 'js-v3-presign');
        else dynamicUse(n, 'getSignedUrl with a command that cannot be resolved');
      }
      return;
    }
    if (callee.type !== 'MemberExpression') return;
    const target = evalExpr(callee.object);
    if (target?.kind !== 'client') {
      // `x.send(new GetObjectCommand())` on a client we could not follow: the command names the service.
      if (!callee.computed && callee.property.name === 'send') {
        const cmd = evalExpr(n.arguments[0]);
        if (cmd?.kind === 'command') recordCommand(n, cmd);
      }
      return;
    }
    if (callee.computed) {
      const m = stringLiteral(callee.property);
      if (m === undefined) {
        dynamicUse(n, `SDK method chosen at run time: ${shorten(text(callee))}`);
        return;
      }
    }
    const method = callee.computed ? stringLiteral(callee.property)! : (callee.property.name as string);
    if (method === 'send') {
      const cmd = evalExpr(n.arguments[0]);
      if (cmd?.kind === 'command') recordCommand(n, cmd);
      else dynamicUse(n, `${shorten(text(callee))}() with a command that cannot be resolved`);
      return;
    }
    if (NOT_OPERATIONS.has(method) || target.style === 'v3' || target.style === 'v3-doc') return;
    const written = `${shorten(text(callee.object))}.${method}`;
    if (target.style === 'v2-doc' || target.style === 'v3-doc-agg') {
      const op = DOC_OPS[method.toLowerCase()];
      if (op) record(n, target.style === 'v2-doc' ? 'js-v2-document-client' : 'js-lib-dynamodb', 'dynamodb', op, written, n.arguments[0], ctx);
      return;
    }
    const form = target.style === 'v2' ? 'js-v2' : 'js-v3-aggregated';
    if (target.style === 'v2' && (method === 'getSignedUrl' || method === 'getSignedUrlPromise')) {
      const op = stringLiteral(n.arguments[0]);
      if (op) record(n, form, target.sdkService, operationName(op), written, n.arguments[1], ctx);
      else dynamicUse(n, `${written}() with an operation chosen at run time`);
      return;
    }
    if (target.style === 'v2' && method === 'makeRequest') {
      const op = stringLiteral(n.arguments[0]);
      if (op) record(n, form, target.sdkService, operationName(op), written, n.arguments[1], ctx);
      else dynamicUse(n, `${written}() with an operation chosen at run time`);
      return;
    }
    record(n, form, target.sdkService, method === 'upload' && target.style === 'v2' ? 'Upload' : operationName(method), written, n.arguments[0], ctx);
  });

  // Aggregated / v2 clients handed to other code: their calls there cannot be followed.
  walk(program, (n) => {
    if (n.type !== 'CallExpression') return;
    const callee = unwrap(n.callee);
    if (callee?.type === 'MemberExpression' && !callee.computed && XRAY_WRAPPERS.has(callee.property.name)) return;
    if (callee?.type === 'Identifier' && XRAY_WRAPPERS.has(callee.name)) return;
    const calleeB = callee ? evalExpr(callee.type === 'MemberExpression' ? callee.object : callee) : undefined;
    if (calleeB?.kind === 'client' || calleeB?.kind === 'v3-class' || calleeB?.kind === 'presign' || calleeB?.kind === 'v3-paginate') return;
    for (const a of n.arguments as N[]) {
      const b = evalExpr(a);
      if (b?.kind === 'client' && b.style !== 'v3' && b.style !== 'v3-doc') dynamicUse(a, `SDK client passed to ${shorten(text(n.callee))}(): calls made there are not followed`);
    }
  });

  // Aggregated / v2 clients created where their value is not followed (returned by a factory, put in
  // an object or array…): their method calls cannot be found. (v3 `XClient`s are fine: `send` names its command.)
  walk(program, (n) => {
    if (n.type !== 'NewExpression' || followed.has(n.start)) return;
    const cls = evalExpr(n.callee);
    const untracked = (cls?.kind === 'v3-class' && !cls.name.endsWith('Client')) || cls?.kind === 'v2-class' || cls?.kind === 'v2-doc-class';
    if (untracked) dynamicUse(n, `SDK client ${shorten(text(n.callee))} created here is not tracked to its calls`);
  });
  analysis.dynamic.sort((a, b) => a.loc.line - b.loc.line || (a.loc.column ?? 0) - (b.loc.column ?? 0));
  return { analysis, exports };
}
