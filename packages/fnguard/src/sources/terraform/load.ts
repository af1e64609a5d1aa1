/**
 * Terraform is folder-scoped: every folder of .tf files is a module. This file parses the claimed
 * files, instantiates root modules (with their tfvars) and the local modules they call (with the
 * inputs passed), and lists every resource with the instance it lives in.
 *
 * A folder called by another folder is loaded only as called (once per call), never a second time
 * as a root module; folders nobody calls (or only calls that form a cycle) are root modules.
 */
import { posix } from 'node:path';
import type { SourceContext, SourceFile } from '../types.js';
import { parseJson } from '../structured.js';
import { describeError } from '../../core/errors.js';
import { parseHcl, type Block } from './hcl.js';
import type { Evaluator, FolderDecls, Instance, Val } from './eval.js';

export interface Resource {
  /** `aws_lambda_function` (for data sources the type without `data.`). */
  type: string;
  name: string;
  /** Address inside its module: `aws_iam_role.r`, `data.archive_file.x`. */
  addr: string;
  /** Address including the module path: `module.api.aws_iam_role.r`. */
  fullAddr: string;
  data: boolean;
  block: Block;
  file: string;
  inst: Instance;
  /** Stable model id: `<file>#<full address>`. */
  id: string;
}

export interface Config {
  instances: Instance[];
  resources: Resource[];
  /** `${instance scope}|${addr}` → resource. */
  byRef: Map<string, Resource>;
}

/** Bounds so a module graph that fans out (or a bad file) cannot take the scan down. */
const MAX_MODULE_DEPTH = 12;
const MAX_INSTANCES = 500;

const TF = /\.tf$/i;
const TFVARS = /(^|\/)(terraform\.tfvars|[^/]*\.auto\.tfvars)(\.json)?$/i;

function dirOf(p: string): string {
  const d = posix.dirname(p);
  return d === '' ? '.' : d;
}

function emptyDecls(dir: string): FolderDecls {
  return { dir, variables: new Map(), locals: new Map(), outputs: new Map(), resources: new Map(), modules: new Map() };
}

/** Remote module sources (registry, git, http, s3…) are not fetched. */
function isLocalSource(s: string): boolean {
  return s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';
}

export async function loadConfig(files: SourceFile[], ctx: SourceContext, ev: Evaluator): Promise<Config> {
  const folders = new Map<string, FolderDecls>();
  const tfvarFiles = new Map<string, SourceFile[]>();
  const parsedFiles = new Set<string>();

  const addTf = async (f: SourceFile): Promise<void> => {
    if (parsedFiles.has(f.path)) return;
    parsedFiles.add(f.path);
    const dir = dirOf(f.path);
    let decls = folders.get(dir);
    if (!decls) folders.set(dir, (decls = emptyDecls(dir)));
    ctx.keep(f, 'terraform');
    let parsed;
    try {
      parsed = await parseHcl(f.text);
    } catch (err) {
      ctx.warn(f.path, `Terraform file not parsed: ${describeError(err)}`);
      return;
    }
    for (const e of parsed.errors) ctx.warn(f.path, `HCL ${e.message}`, e.line);
    collect(parsed.body.blocks, f.path, decls, ctx);
  };

  for (const f of files) {
    if (TF.test(f.path)) await addTf(f);
    else if (TFVARS.test(f.path)) {
      const dir = dirOf(f.path);
      tfvarFiles.set(dir, [...(tfvarFiles.get(dir) ?? []), f]);
    } else {
      // Other .tfvars (per-environment files) are chosen with -var-file at plan time: not applied.
      ctx.keep(f, 'terraform');
      ctx.info(f.path, 'tfvars file not applied automatically (only terraform.tfvars and *.auto.tfvars are)');
    }
  }

  // Folders called by a local module block (resolved before instantiating anything).
  const calledDirs = new Set<string>();
  for (const decls of [...folders.values()]) {
    for (const [, m] of decls.modules) {
      const target = localTarget(m.block, decls.dir);
      if (target && target !== decls.dir && folders.has(target)) calledDirs.add(target);
    }
  }

  const instances: Instance[] = [];
  const instantiated = new Set<string>();

  const instantiate = async (inst: Instance, chain: string[]): Promise<void> => {
    instances.push(inst);
    instantiated.add(inst.dir);
    for (const [name, m] of inst.decl.modules) {
      const srcAttr = m.block.body.attrs.get('source');
      const from = { file: m.file, line: srcAttr?.line ?? m.block.line };
      const src = srcAttr ? ev.eval(srcAttr.expr, inst, m.file) : undefined;
      if (typeof src !== 'string') {
        ctx.warn(m.file, `module "${name}": source is not a static string; not followed`, from.line);
        continue;
      }
      if (!isLocalSource(src)) {
        ctx.warn(m.file, `module "${name}": remote source ${src} is not scanned`, from.line);
        continue;
      }
      const target = joinDir(inst.dir, src);
      if (target.startsWith('..') || posix.isAbsolute(target)) {
        ctx.warn(m.file, `module "${name}": source ${src} is outside the scanned root; not read`, from.line);
        continue;
      }
      if (chain.includes(target)) {
        ctx.warn(m.file, `module "${name}": source ${src} calls itself (module cycle); not followed`, from.line);
        continue;
      }
      if (chain.length >= MAX_MODULE_DEPTH || instances.length >= MAX_INSTANCES) {
        ctx.warn(m.file, `module "${name}": module nesting or count limit reached; not followed`, from.line);
        continue;
      }
      if (!folders.has(target)) await readFolder(target, from);
      const decl = folders.get(target);
      if (!decl) {
        ctx.warn(m.file, `module "${name}": no .tf files in ${target}`, from.line);
        continue;
      }
      const child: Instance = {
        key: inst.key ? `${inst.key}.module.${name}` : `module.${name}`,
        scope: `${inst.scope}.module.${name}`,
        dir: target,
        cwd: inst.cwd,
        decl,
        inputs: { attrs: m.block.body.attrs, parent: inst, file: m.file },
        tfvars: new Map(),
        children: new Map(),
      };
      inst.children.set(name, child);
      await instantiate(child, [...chain, target]);
    }
  };

  /** A module folder that was not among the discovered files (e.g. an ignored folder): read it through ctx. */
  const readFolder = async (dir: string, from: { file: string; line: number }): Promise<void> => {
    const names = ctx.listDir(dir, from);
    if (!names) return;
    for (const n of names.filter((x) => TF.test(x))) {
      const f = ctx.readFile(posix.join(dir, n), from);
      if (f) {
        ctx.consume(f.path);
        await addTf(f);
      }
    }
  };

  const rootDirs = [...folders.keys()].sort();
  const startRoot = async (dir: string) => {
    const decl = folders.get(dir)!;
    const inst: Instance = { key: '', scope: dir, dir, cwd: dir, decl, tfvars: new Map(), children: new Map() };
    await readTfvars(inst, tfvarFiles.get(dir) ?? [], ctx, ev);
    await instantiate(inst, [dir]);
  };
  for (const dir of rootDirs) if (!calledDirs.has(dir)) await startRoot(dir);
  // Folders only reachable through a cycle of module calls: load them on their own.
  for (const dir of rootDirs) if (!instantiated.has(dir)) await startRoot(dir);

  const resources: Resource[] = [];
  const byRef = new Map<string, Resource>();
  for (const inst of instances) {
    for (const [addr, d] of inst.decl.resources) {
      const data = addr.startsWith('data.');
      const [type, name] = data ? addr.slice(5).split('.') : addr.split('.');
      const fullAddr = inst.key ? `${inst.key}.${addr}` : addr;
      const r: Resource = { type: type!, name: name!, addr, fullAddr, data, block: d.block, file: d.file, inst, id: `${d.file}#${fullAddr}` };
      resources.push(r);
      byRef.set(`${inst.scope}|${addr}`, r);
    }
  }
  return { instances, resources, byRef };
}

function localTarget(block: Block, dir: string): string | undefined {
  const src = block.body.attrs.get('source')?.expr;
  if (src?.k !== 'lit' || typeof src.v !== 'string' || !isLocalSource(src.v)) return undefined;
  return joinDir(dir, src.v);
}

/** Folder path relative to the root, without a trailing slash ('.' for the root). */
function joinDir(dir: string, rel: string): string {
  return posix.normalize(posix.join(dir, rel)).replace(/\/+$/, '') || '.';
}

/** Sort the top-level blocks of one file into the folder's declarations. */
function collect(blocks: Block[], file: string, d: FolderDecls, ctx: SourceContext): void {
  const dup = (what: string, line: number) => ctx.warn(file, `duplicate ${what}; the later one is used`, line);
  for (const b of blocks) {
    const [l0, l1] = b.labels;
    switch (b.type) {
      case 'resource':
      case 'data': {
        if (!l0 || !l1) break;
        const addr = b.type === 'data' ? `data.${l0}.${l1}` : `${l0}.${l1}`;
        if (d.resources.has(addr)) dup(addr, b.line);
        d.resources.set(addr, { block: b, file });
        break;
      }
      case 'variable':
        if (l0) d.variables.set(l0, { block: b, file });
        break;
      case 'locals':
        for (const [k, attr] of b.body.attrs) {
          if (d.locals.has(k)) dup(`local.${k}`, attr.line);
          d.locals.set(k, { attr, file });
        }
        break;
      case 'output': {
        const v = b.body.attrs.get('value');
        if (l0 && v) d.outputs.set(l0, { attr: v, file });
        break;
      }
      case 'module':
        if (l0) d.modules.set(l0, { block: b, file });
        break;
      default:
        break;
    }
  }
}

/** terraform.tfvars then *.auto.tfvars in name order (later files win, as in Terraform). */
async function readTfvars(inst: Instance, files: SourceFile[], ctx: SourceContext, ev: Evaluator): Promise<void> {
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1));
  for (const f of ordered) {
    ctx.keep(f, 'terraform');
    try {
      if (/\.json$/i.test(f.path)) {
        const doc = parseJson(f.text, f.path);
        if (doc.value && typeof doc.value === 'object' && !Array.isArray(doc.value)) {
          for (const [k, v] of Object.entries(doc.value)) inst.tfvars.set(k, v as Val);
        }
        continue;
      }
      const parsed = await parseHcl(f.text);
      for (const e of parsed.errors) ctx.warn(f.path, `HCL ${e.message}`, e.line);
      for (const [k, attr] of parsed.body.attrs) inst.tfvars.set(k, ev.eval(attr.expr, inst, f.path));
    } catch (err) {
      ctx.warn(f.path, `tfvars not read: ${describeError(err)}`);
    }
  }
}

function rank(p: string): number {
  return /terraform\.tfvars(\.json)?$/i.test(p) ? 0 : 1;
}
