/**
 * boto3 calls in Python, from the tree-sitter-python syntax tree (web-tree-sitter, WASM grammar).
 *
 * Understood: `boto3.client('s3')`, `boto3.Session(...).client(...)`, `session.client(...)`,
 * `from boto3 import client`, clients held in variables (module level or in functions, also
 * imported from other project modules), inline chains `boto3.client('s3').get_object(...)`,
 * paginators `get_paginator('list_objects_v2').paginate(...)`, presigned URLs, the S3 transfer
 * methods (`upload_file`, `download_file`…), and boto3 resources for DynamoDB, S3, SQS and SNS
 * (`boto3.resource('dynamodb').Table(name).get_item(...)`, `Bucket(name).put_object(...)`,
 * `Object(b, k).get()`, `bucket.objects.filter(...)`, `Queue(url).send_message(...)`…).
 */
import { createRequire } from 'node:module';
import type { Node as TSNode, Parser as TSParser } from 'web-tree-sitter';
import type { DynamicUse, FileAnalysis, ParamValue, SdkCall } from './types.js';
import { RESOURCE_PARAMS, addParam, callsAwsItself, joinParts, shorten } from './values.js';
import { iamPrefixFor, operationName } from './services.js';

let parserPromise: Promise<TSParser> | undefined;

/** The Python parser, initialised once per process (loading the WASM grammar is async). */
export function pythonParser(): Promise<TSParser> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
    const lang = await Language.load(wasm);
    const p = new Parser();
    p.setLanguage(lang);
    return p;
  })();
  return parserPromise;
}

// ------------------------------------------------------------------ boto3 resource model (data)

interface ResourceType {
  /** Positional/keyword parameters of the constructor, in order (`Object(bucket_name, key)`). */
  ctorParams: string[];
  /** Resource method → API operation. */
  methods: Record<string, string>;
  /** Sub-resources reached by a method: `bucket.Object(key)` carries Bucket and adds Key. */
  subResources?: Record<string, { type: string; params: string[] }>;
  /** Collections: `bucket.objects.filter(...)` → collection method → operation. */
  collections?: Record<string, Record<string, string>>;
}

interface ServiceResourceModel {
  types: Record<string, ResourceType>;
  /** Methods on the service resource itself. */
  methods: Record<string, string>;
  /** Service resource methods that return a resource (`sqs.get_queue_by_name(QueueName=…)`). */
  returns?: Record<string, { op: string; type: string }>;
  collections?: Record<string, Record<string, string>>;
}

const LOAD = { load: '', reload: '' };
const S3_OBJECT_METHODS = { get: 'GetObject', put: 'PutObject', delete: 'DeleteObject', load: 'HeadObject', reload: 'HeadObject', upload_file: 'Upload', upload_fileobj: 'Upload', download_file: 'GetObject', download_fileobj: 'GetObject', copy_from: 'CopyObject', copy: 'CopyObject' };

/** The boto3 resource methods covered (the commonly used ones of the four services with resources in Lambda code). */
const RESOURCES: Record<string, ServiceResourceModel> = {
  dynamodb: {
    types: {
      Table: {
        ctorParams: ['TableName'],
        methods: { ...LOAD, get_item: 'GetItem', put_item: 'PutItem', update_item: 'UpdateItem', delete_item: 'DeleteItem', query: 'Query', scan: 'Scan', batch_writer: 'BatchWriteItem', update: 'UpdateTable', delete: 'DeleteTable' },
      },
    },
    methods: { batch_get_item: 'BatchGetItem', batch_write_item: 'BatchWriteItem', create_table: 'CreateTable' },
    collections: { tables: { all: 'ListTables', filter: 'ListTables', limit: 'ListTables', page_size: 'ListTables' } },
  },
  s3: {
    types: {
      Bucket: {
        ctorParams: ['Bucket'],
        methods: { ...LOAD, put_object: 'PutObject', upload_file: 'Upload', upload_fileobj: 'Upload', download_file: 'GetObject', download_fileobj: 'GetObject', delete_objects: 'DeleteObjects', copy: 'CopyObject', delete: 'DeleteBucket', create: 'CreateBucket' },
        subResources: { Object: { type: 'Object', params: ['Key'] } },
        collections: { objects: { all: 'ListObjects', filter: 'ListObjects', limit: 'ListObjects', page_size: 'ListObjects', delete: 'DeleteObjects' } },
      },
      Object: { ctorParams: ['Bucket', 'Key'], methods: S3_OBJECT_METHODS },
      ObjectSummary: { ctorParams: ['Bucket', 'Key'], methods: S3_OBJECT_METHODS },
    },
    methods: { create_bucket: 'CreateBucket' },
    collections: { buckets: { all: 'ListBuckets', filter: 'ListBuckets', limit: 'ListBuckets', page_size: 'ListBuckets' } },
  },
  sqs: {
    types: {
      Queue: {
        ctorParams: ['QueueUrl'],
        methods: { load: 'GetQueueAttributes', reload: 'GetQueueAttributes', send_message: 'SendMessage', send_messages: 'SendMessageBatch', receive_messages: 'ReceiveMessage', delete_messages: 'DeleteMessageBatch', change_message_visibility_batch: 'ChangeMessageVisibilityBatch', purge: 'PurgeQueue', delete: 'DeleteQueue' },
      },
    },
    methods: {},
    returns: { get_queue_by_name: { op: 'GetQueueUrl', type: 'Queue' }, create_queue: { op: 'CreateQueue', type: 'Queue' } },
  },
  sns: {
    types: {
      Topic: { ctorParams: ['TopicArn'], methods: { load: 'GetTopicAttributes', reload: 'GetTopicAttributes', publish: 'Publish', subscribe: 'Subscribe', delete: 'DeleteTopic' } },
    },
    methods: {},
    returns: { create_topic: { op: 'CreateTopic', type: 'Topic' } },
  },
};

/** S3 transfer methods on a client, with the position of Bucket and Key among their arguments. */
const TRANSFER: Record<string, { op: string; bucket: number; key: number }> = {
  upload_file: { op: 'Upload', bucket: 1, key: 2 },
  upload_fileobj: { op: 'Upload', bucket: 1, key: 2 },
  download_file: { op: 'GetObject', bucket: 0, key: 1 },
  download_fileobj: { op: 'GetObject', bucket: 0, key: 1 },
  copy: { op: 'CopyObject', bucket: 1, key: 2 },
};

const CLIENT_NOT_OPERATIONS = new Set(['can_paginate', 'close', 'get_waiter']);

// ------------------------------------------------------------------ bindings

interface Request {
  params: Record<string, ParamValue[]>;
  argKeys: string[];
}

/** What a Python name or expression stands for, as far as boto3 use is concerned. */
export type PyBinding =
  | { kind: 'boto3' }
  | { kind: 'boto3-session-module' }
  | { kind: 'client-factory' }
  | { kind: 'resource-factory' }
  | { kind: 'session-class' }
  | { kind: 'session' }
  | { kind: 'client'; service: string }
  | { kind: 'resource'; service: string }
  | { kind: 'resource-meta'; service: string }
  | { kind: 'sub-resource'; service: string; type: string; request: Request }
  | { kind: 'collection'; service: string; ops: Record<string, string>; request: Request; written: string }
  | { kind: 'paginator'; service: string; op: string }
  | { kind: 'os' }
  | { kind: 'environ' }
  | { kind: 'getenv' }
  | { kind: 'value'; value: ParamValue }
  | { kind: 'dict'; request: Request };

export type PyExports = Map<string, PyBinding>;

export interface PyOptions {
  /**
   * Top-level bindings of a project module (`from .clients import s3`, `from lib import aws`),
   * or undefined when the module is not part of the project (boto3, json…) or cannot be read.
   * `level` is the number of leading dots.
   */
  importModule(module: string, level: number): PyExports | undefined;
  /** Root-relative path of a project module, when it exists; `null` when it is not a project module. */
  resolveModule(module: string, level: number): string | null | undefined;
}

const emptyRequest = (): Request => ({ params: {}, argKeys: [] });
const cloneRequest = (r: Request): Request => ({ params: Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, [...v]])), argKeys: [...r.argKeys] });

export interface PyResult {
  analysis: FileAnalysis;
  exports: PyExports;
}

export function analyzePython(file: string, src: string, parser: TSParser, opts: PyOptions): PyResult {
  const analysis: FileAnalysis = { file, calls: [], dynamic: [], imports: [] };
  const bindings: PyExports = new Map();
  const tree = parser.parse(src);
  if (!tree) {
    analysis.parseError = 'the Python parser returned no tree';
    return { analysis, exports: bindings };
  }
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      analysis.parseErrorLine = (bad?.startPosition.row ?? 0) + 1;
      analysis.parseError = `line ${analysis.parseErrorLine}: syntax error`;
      return { analysis, exports: bindings };
    }
    run(root);
  } finally {
    tree.delete();
  }
  return { analysis, exports: bindings };

  function run(root: TSNode): void {
    const locOf = (n: TSNode) => ({ file, line: n.startPosition.row + 1, column: n.startPosition.column + 1 });
    const dynamicUse = (n: TSNode, reason: string) => analysis.dynamic.push({ loc: locOf(n), reason } satisfies DynamicUse);
    const bind = (name: string, b: PyBinding | undefined) => {
      if (b) bindings.set(name, b);
      else bindings.delete(name);
    };

    // -------------------------------------------------------------- values
    const stringParts = (n: TSNode): (string | null)[] => {
      const parts: (string | null)[] = [];
      for (const c of n.namedChildren) {
        if (!c) continue;
        if (c.type === 'string_content' || c.type === 'escape_sequence') parts.push(c.text);
        else if (c.type === 'interpolation') {
          const e = c.childForFieldName('expression');
          const v = e ? valueOf(e) : undefined;
          parts.push(v?.kind === 'literal' ? v.value : null);
        }
      }
      return parts.length ? parts : [''];
    };
    const concatParts = (n: TSNode): (string | null)[] => {
      if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+') {
        return [...concatParts(n.childForFieldName('left')!), ...concatParts(n.childForFieldName('right')!)];
      }
      if (n.type === 'string') return stringParts(n);
      const v = valueOf(n);
      return [v.kind === 'literal' ? v.value : null];
    };
    function valueOf(n: TSNode, depth = 0): ParamValue {
      if (depth > 8) return { kind: 'dynamic', expr: shorten(n.text) };
      if (n.type === 'string' || n.type === 'concatenated_string' || (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+')) {
        const parts = n.type === 'concatenated_string' ? n.namedChildren.flatMap((c) => (c ? stringParts(c) : [])) : concatParts(n);
        return joinParts(parts, n.text);
      }
      if (n.type === 'parenthesized_expression' && n.namedChildren[0]) return valueOf(n.namedChildren[0], depth + 1);
      if (n.type === 'boolean_operator') {
        const l = valueOf(n.childForFieldName('left')!, depth + 1);
        return l.kind === 'dynamic' ? valueOf(n.childForFieldName('right')!, depth + 1) : l;
      }
      const b = evalExpr(n);
      if (b?.kind === 'value') return b.value;
      return { kind: 'dynamic', expr: shorten(n.text) };
    }
    const literal = (n: TSNode | null | undefined): string | undefined => {
      if (!n) return undefined;
      const v = valueOf(n);
      return v.kind === 'literal' ? v.value : undefined;
    };

    /** Keyword and positional arguments of a call: `get_item(Key=…)`, `Table('t')`. */
    const args = (call: TSNode): { positional: TSNode[]; keywords: Map<string, TSNode>; splats: TSNode[] } => {
      const positional: TSNode[] = [];
      const keywords = new Map<string, TSNode>();
      const splats: TSNode[] = [];
      for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
        if (!a || a.type === 'comment') continue;
        if (a.type === 'keyword_argument') keywords.set(a.childForFieldName('name')!.text, a.childForFieldName('value')!);
        else if (a.type === 'dictionary_splat') splats.push(a.namedChildren[0]!);
        else if (a.type !== 'list_splat') positional.push(a);
      }
      return { positional, keywords, splats };
    };

    /** Resource parameters in a request given as keywords, a dict literal or `**params`. */
    const collectValue = (name: string, v: TSNode, req: Request, depth: number): void => {
      req.argKeys.push(name);
      if (name === 'RequestItems' && v.type === 'dictionary') {
        for (const pair of v.namedChildren) {
          if (pair?.type !== 'pair') continue;
          addParam(req, 'TableName', [valueOf(pair.childForFieldName('key')!)]);
          collectNested(pair.childForFieldName('value')!, req, depth + 1);
        }
      } else if (RESOURCE_PARAMS.has(name)) {
        addParam(req, name, v.type === 'list' ? v.namedChildren.filter((x): x is TSNode => !!x).map((x) => valueOf(x)) : [valueOf(v)]);
      } else collectNested(v, req, depth + 1);
    };
    const collectNested = (v: TSNode, req: Request, depth: number): void => {
      if (depth > 6) return;
      if (v.type === 'dictionary') {
        for (const pair of v.namedChildren) {
          if (pair?.type === 'pair') {
            const k = literal(pair.childForFieldName('key'));
            if (k !== undefined) collectValue(k, pair.childForFieldName('value')!, req, depth);
          } else if (pair?.type === 'dictionary_splat') collectNested(pair.namedChildren[0]!, req, depth + 1);
        }
      } else if (v.type === 'list' || v.type === 'tuple') {
        for (const x of v.namedChildren) if (x) collectNested(x, req, depth + 1);
      } else if (v.type === 'identifier') {
        const b = bindings.get(v.text);
        if (b?.kind === 'dict') mergeRequest(req, b.request);
      }
    };
    const mergeRequest = (into: Request, from: Request) => {
      for (const [k, vs] of Object.entries(from.params)) addParam(into, k, vs);
      into.argKeys.push(...from.argKeys);
    };
    const requestOf = (call: TSNode, positionalNames: string[] = [], base?: Request): Request => {
      const req = base ? cloneRequest(base) : emptyRequest();
      const a = args(call);
      a.positional.forEach((p, i) => {
        const name = positionalNames[i];
        if (name) collectValue(name, p, req, 0);
      });
      for (const [k, v] of a.keywords) collectValue(k, v, req, 0);
      for (const s of a.splats) collectNested(s, req, 0);
      return req;
    };

    // -------------------------------------------------------------- expressions
    function evalExpr(n: TSNode | null | undefined): PyBinding | undefined {
      if (!n) return undefined;
      switch (n.type) {
        case 'identifier':
          return bindings.get(n.text);
        case 'parenthesized_expression':
          return evalExpr(n.namedChildren[0]);
        case 'await':
          return evalExpr(n.namedChildren[0]);
        case 'string':
        case 'concatenated_string':
          return { kind: 'value', value: valueOf(n) };
        case 'dictionary': {
          const req = emptyRequest();
          collectNested(n, req, 0);
          return { kind: 'dict', request: req };
        }
        case 'attribute': {
          if (n.text.startsWith('self.') && bindings.has(n.text)) return bindings.get(n.text);
          const obj = evalExpr(n.childForFieldName('object'));
          const attr = n.childForFieldName('attribute')!.text;
          if (!obj) return undefined;
          if (obj.kind === 'boto3') {
            if (attr === 'client') return { kind: 'client-factory' };
            if (attr === 'resource') return { kind: 'resource-factory' };
            if (attr === 'Session') return { kind: 'session-class' };
            if (attr === 'session') return { kind: 'boto3-session-module' };
          }
          if (obj.kind === 'boto3-session-module' && attr === 'Session') return { kind: 'session-class' };
          if (obj.kind === 'session') {
            if (attr === 'client') return { kind: 'client-factory' };
            if (attr === 'resource') return { kind: 'resource-factory' };
          }
          if (obj.kind === 'os') {
            if (attr === 'environ') return { kind: 'environ' };
            if (attr === 'getenv') return { kind: 'getenv' };
          }
          if (obj.kind === 'environ' && attr === 'get') return { kind: 'getenv' };
          if (obj.kind === 'resource' && attr === 'meta') return { kind: 'resource-meta', service: obj.service };
          if (obj.kind === 'resource-meta' && attr === 'client') return { kind: 'client', service: obj.service };
          if (obj.kind === 'resource' || obj.kind === 'sub-resource') {
            const cols = obj.kind === 'resource' ? RESOURCES[obj.service]?.collections : RESOURCES[obj.service]?.types[obj.type]?.collections;
            const ops = cols?.[attr];
            if (ops) return { kind: 'collection', service: obj.service, ops, request: obj.kind === 'sub-resource' ? obj.request : emptyRequest(), written: n.text };
          }
          return undefined;
        }
        case 'subscript': {
          const obj = evalExpr(n.childForFieldName('value'));
          if (obj?.kind === 'environ') {
            const key = literal(n.childForFieldName('subscript'));
            return { kind: 'value', value: key !== undefined ? { kind: 'env', name: key } : { kind: 'dynamic', expr: shorten(n.text) } };
          }
          return undefined;
        }
        case 'call':
          return evalCall(n, false);
        default:
          return undefined;
      }
    }

    /** Evaluate a call; when `record` is set, an SDK operation it performs is recorded. */
    function evalCall(n: TSNode, record: boolean): PyBinding | undefined {
      const fnNode = n.childForFieldName('function')!;
      const fn = evalExpr(fnNode);
      if (fn?.kind === 'client-factory' || fn?.kind === 'resource-factory') {
        const a = args(n);
        const svcNode = a.positional[0] ?? a.keywords.get('service_name');
        const svc = literal(svcNode);
        if (svc === undefined) {
          if (record) dynamicUse(n, `boto3 ${fn.kind === 'client-factory' ? 'client' : 'resource'} for a service chosen at run time: ${shorten(n.text)}`);
          return undefined;
        }
        return fn.kind === 'client-factory' ? { kind: 'client', service: svc } : { kind: 'resource', service: svc };
      }
      if (fn?.kind === 'session-class') return { kind: 'session' };
      if (fn?.kind === 'getenv') {
        const key = literal(args(n).positional[0]);
        return { kind: 'value', value: key !== undefined ? { kind: 'env', name: key } : { kind: 'dynamic', expr: shorten(n.text) } };
      }
      if (fn?.kind === 'paginator') {
        if (fnNode.type === 'attribute' && fnNode.childForFieldName('attribute')!.text === 'paginate') return undefined;
      }
      if (fnNode.type === 'identifier' && fnNode.text === 'getattr') {
        const target = evalExpr(args(n).positional[0]);
        if (target && ['client', 'resource', 'sub-resource'].includes(target.kind) && record) dynamicUse(n, `SDK method chosen at run time: ${shorten(n.text)}`);
        return undefined;
      }
      if (fnNode.type !== 'attribute') return undefined;
      const target = evalExpr(fnNode.childForFieldName('object'));
      const method = fnNode.childForFieldName('attribute')!.text;
      if (!target) return undefined;
      const emit = (form: SdkCall['form'], sdkService: string, operation: string, req: Request) => {
        if (!record) return;
        const call: SdkCall = { language: 'python', form, sdkService, service: iamPrefixFor(sdkService), operation, written: shorten(fnNode.text), loc: locOf(n), params: req.params, argKeys: req.argKeys };
        analysis.calls.push(call);
      };
      switch (target.kind) {
        case 'client': {
          if (method === 'get_paginator') {
            const op = literal(args(n).positional[0] ?? args(n).keywords.get('operation_name'));
            if (op === undefined) {
              if (record) dynamicUse(n, `paginator for an operation chosen at run time: ${shorten(n.text)}`);
              return undefined;
            }
            return { kind: 'paginator', service: target.service, op: operationName(op) };
          }
          if (method === 'generate_presigned_url') {
            const a = args(n);
            const op = literal(a.positional[0] ?? a.keywords.get('ClientMethod'));
            const paramsNode = a.positional[1] ?? a.keywords.get('Params');
            const req = emptyRequest();
            if (paramsNode) collectNested(paramsNode, req, 0);
            if (op !== undefined) emit('py-boto3-client', target.service, operationName(op), req);
            else if (record) dynamicUse(n, `presigned URL for an operation chosen at run time: ${shorten(n.text)}`);
            return undefined;
          }
          if (method === 'get_waiter') {
            if (record) dynamicUse(n, `waiter ${shorten(args(n).positional[0]?.text ?? '')}: the operations it polls are not mapped`);
            return undefined;
          }
          if (CLIENT_NOT_OPERATIONS.has(method)) return undefined;
          const transfer = target.service === 's3' ? TRANSFER[method] : undefined;
          if (transfer) {
            const names: string[] = [];
            names[transfer.bucket] = 'Bucket';
            names[transfer.key] = 'Key';
            if (method === 'copy') names[0] = 'CopySource';
            emit('py-boto3-client', 's3', transfer.op, requestOf(n, names));
            return undefined;
          }
          emit('py-boto3-client', target.service, operationName(method), requestOf(n));
          return undefined;
        }
        case 'paginator':
          if (method === 'paginate') emit('py-boto3-paginator', target.service, target.op, requestOf(n));
          return undefined;
        case 'resource': {
          const model = RESOURCES[target.service];
          if (!model) {
            if (record) dynamicUse(n, `boto3 ${target.service} resource: its methods are not mapped`);
            return undefined;
          }
          const type = model.types[method];
          if (type) return { kind: 'sub-resource', service: target.service, type: method, request: requestOf(n, type.ctorParams) };
          const ret = model.returns?.[method];
          if (ret) {
            const req = requestOf(n);
            emit('py-boto3-resource', target.service, ret.op, req);
            return { kind: 'sub-resource', service: target.service, type: ret.type, request: req };
          }
          const op = model.methods[method];
          if (op) emit('py-boto3-resource', target.service, op, requestOf(n));
          else if (record) dynamicUse(n, `boto3 ${target.service} resource method ${method}() is not mapped`);
          return undefined;
        }
        case 'sub-resource': {
          const type = RESOURCES[target.service]!.types[target.type]!;
          const sub = type.subResources?.[method];
          if (sub) return { kind: 'sub-resource', service: target.service, type: sub.type, request: requestOf(n, sub.params, target.request) };
          const op = type.methods[method];
          if (op === undefined) {
            if (record) dynamicUse(n, `boto3 ${target.type} method ${method}() is not mapped`);
            return undefined;
          }
          if (op) {
            const transfer = TRANSFER[method];
            // Object.upload_file(Filename) / Bucket.upload_file(Filename, Key): the request keys come from the resource.
            const names = transfer && target.type === 'Bucket' ? [undefined, 'Key'] : [];
            emit('py-boto3-resource', target.service, op, requestOf(n, names as string[], target.request));
          }
          return undefined;
        }
        case 'collection': {
          const op = target.ops[method];
          if (op) {
            emit('py-boto3-resource', target.service, op, requestOf(n, [], target.request));
            // filter()/limit() return the collection again; the call is already recorded.
            return undefined;
          }
          if (record) dynamicUse(n, `boto3 collection method ${target.written}.${method}() is not mapped`);
          return undefined;
        }
        default:
          return undefined;
      }
    }

    // -------------------------------------------------------------- pass 1: imports and assignments
    const importBinding = (module: string, name: string, level: number, at: TSNode): PyBinding | undefined => {
      if (level === 0 && module === 'boto3') {
        if (name === '*') return { kind: 'boto3' };
        if (name === 'client') return { kind: 'client-factory' };
        if (name === 'resource') return { kind: 'resource-factory' };
        if (name === 'Session') return { kind: 'session-class' };
        if (name === 'session') return { kind: 'boto3-session-module' };
        return undefined;
      }
      if (level === 0 && module === 'boto3.session' && name === 'Session') return { kind: 'session-class' };
      if (level === 0 && module === 'os') {
        if (name === '*') return { kind: 'os' };
        if (name === 'environ') return { kind: 'environ' };
        if (name === 'getenv') return { kind: 'getenv' };
        return undefined;
      }
      const lib = level === 0 ? callsAwsItself('python', name === '*' ? module : `${module}.${name}`) : undefined;
      if (lib && !analysis.dynamic.some((d) => d.reason.startsWith(`uses ${lib}`))) {
        dynamicUse(at, `uses ${lib}, which calls AWS itself: its calls are not analysed`);
      }
      const resolved = opts.resolveModule(module, level);
      if (resolved === null) return undefined;
      const spec = `${'.'.repeat(level)}${module}`;
      if (!analysis.imports.some((i) => i.spec === spec)) analysis.imports.push({ spec, resolved, loc: locOf(at) });
      if (name === '*') return undefined;
      return opts.importModule(module, level)?.get(name);
    };

    const visit = (n: TSNode): void => {
      switch (n.type) {
        case 'import_statement':
          for (const c of n.namedChildren) {
            if (!c) continue;
            if (c.type === 'dotted_name') {
              // `import boto3.session` binds `boto3`.
              const b = importBinding(c.text, '*', 0, n);
              const top = c.text.split('.')[0]!;
              bind(top, c.text.includes('.') ? (importBinding(top, '*', 0, n) ?? bindings.get(top)) : b);
            } else if (c.type === 'aliased_import') {
              bind(c.childForFieldName('alias')!.text, importBinding(c.childForFieldName('name')!.text, '*', 0, n));
            }
          }
          return;
        case 'import_from_statement': {
          const modNode = n.childForFieldName('module_name')!;
          let level = 0;
          let module = modNode.text;
          if (modNode.type === 'relative_import') {
            const prefix = modNode.namedChildren.find((c) => c?.type === 'import_prefix');
            level = prefix?.text.length ?? 0;
            module = modNode.namedChildren.find((c) => c?.type === 'dotted_name')?.text ?? '';
          }
          const names = n.childrenForFieldName('name');
          if (names.length === 0) importBinding(module, '*', level, n);
          for (const c of names) {
            if (!c) continue;
            if (c.type === 'aliased_import') bind(c.childForFieldName('alias')!.text, importBinding(module, c.childForFieldName('name')!.text, level, n));
            else bind(c.text, importBinding(module, c.text, level, n) ?? submodule(module, c.text, level, n));
          }
          return;
        }
        case 'assignment': {
          const left = n.childForFieldName('left');
          const right = n.childForFieldName('right');
          if (left?.type === 'identifier' && right) bind(left.text, evalExpr(right));
          else if (left?.type === 'attribute' && right && left.childForFieldName('object')?.text === 'self') {
            const b = evalExpr(right);
            if (b) bindings.set(left.text, b);
          }
          break;
        }
      }
      for (const c of n.namedChildren) if (c) visit(c);
    };
    /** `from pkg import module` where `module` is itself a project file. */
    const submodule = (module: string, name: string, level: number, at: TSNode): PyBinding | undefined => {
      const full = module ? `${module}.${name}` : name;
      if (opts.resolveModule(full, level)) importBinding(full, '*', level, at);
      return undefined;
    };
    visit(root);

    /**
     * Is the value of this call followed: bound to a name or `self.x`, called on, passed (then
     * reported separately), or discarded? Otherwise (returned, put in a list…) its calls are lost.
     */
    const tracked = (c: TSNode): boolean => {
      const p = c.parent;
      if (!p) return true;
      if (p.type === 'attribute' || p.type === 'argument_list' || p.type === 'keyword_argument' || p.type === 'expression_statement' || p.type === 'await' || p.type === 'for_statement') return true;
      if (p.type === 'assignment') {
        const left = p.childForFieldName('left');
        return left?.type === 'identifier' || (left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self');
      }
      return false;
    };

    // -------------------------------------------------------------- pass 2: calls
    const calls = root.descendantsOfType('call');
    for (const c of calls) {
      if (!c) continue;
      const made = evalCall(c, true);
      if (made && ['client', 'resource', 'sub-resource', 'collection'].includes(made.kind) && !tracked(c)) {
        dynamicUse(c, `SDK ${made.kind === 'client' ? 'client' : 'resource'} created here is not tracked to its calls`);
      }
      // A client or resource handed to other code: what that code calls is not followed.
      const fnNode = c.childForFieldName('function')!;
      const fnB = evalExpr(fnNode);
      const receiver = fnNode.type === 'attribute' ? evalExpr(fnNode.childForFieldName('object')) : undefined;
      if (fnB || (receiver && ['client', 'resource', 'sub-resource', 'paginator', 'collection', 'session', 'boto3'].includes(receiver.kind))) continue;
      if (fnNode.text === 'getattr') continue;
      for (const a of [...args(c).positional, ...args(c).keywords.values()]) {
        const b = evalExpr(a);
        if (b && ['client', 'resource', 'sub-resource'].includes(b.kind)) dynamicUse(a, `SDK ${b.kind === 'client' ? 'client' : 'resource'} passed to ${shorten(fnNode.text)}(): calls made there are not followed`);
      }
    }
  }
}

function firstError(n: TSNode): TSNode | undefined {
  if (n.isError || n.isMissing) return n;
  for (const c of n.children) {
    if (c?.hasError || c?.isError || c?.isMissing) {
      const f = firstError(c);
      if (f) return f;
    }
  }
  return undefined;
}
