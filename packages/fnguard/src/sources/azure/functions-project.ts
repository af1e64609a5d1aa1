/**
 * Azure Functions project files → functions.
 *
 * `host.json` marks a project folder; each `<name>/function.json` below it is one function
 * (named after its folder) whose bindings become triggers; `local.settings.json` of the project
 * gives the environment (`Values`, `ConnectionStrings`) and the local host CORS (`Host.CORS`).
 * local.settings.json is not published to Azure, but a committed one still leaks whatever it holds.
 *
 * Out of scope: the Node.js v4 and Python v2 programming models, which declare functions in code
 * (`app.http(...)`, decorators) and have no function.json – such projects are reported as info.
 */
import { posix } from 'node:path';
import type { EnvVar, FunctionNode, Location } from '../../model/types.js';
import { describeError, ParseError } from '../../core/errors.js';
import { isObject, parseJson, type StructuredDoc } from '../structured.js';
import type { Source, SourceContext, SourceFile } from '../types.js';
import { runtimeFromSettings, settingEnv } from './app-settings.js';
import { triggersFromBindings } from './bindings.js';

const NAMES = /(^|\/)(host|function|local\.settings)\.json$/i;

function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Parse or warn: a malformed file is skipped, never fatal. */
function parse(f: SourceFile, ctx: SourceContext): StructuredDoc | undefined {
  try {
    const doc = parseJson(f.text, f.path);
    if (!isObject(doc.value)) {
      ctx.warn(f.path, 'skipped: not a JSON object', 1);
      return undefined;
    }
    return doc;
  } catch (err) {
    ctx.warn(f.path, `skipped: ${describeError(err)}`, err instanceof ParseError ? err.line : undefined);
    return undefined;
  }
}

interface LocalSettings {
  env: EnvVar[];
  cors?: { value: string[]; loc: Location };
}

function localSettings(doc: StructuredDoc, ctx: SourceContext): LocalSettings {
  const root = doc.value as Record<string, unknown>;
  const out: LocalSettings = { env: [] };
  // Encrypted values (func settings encrypt) are ciphertext, not the secret itself.
  const encrypted = root.IsEncrypted === true;
  const add = (section: unknown, read: (v: unknown) => unknown) => {
    if (section === undefined) return;
    if (!isObject(section)) {
      ctx.warn(doc.file, 'section is not an object', doc.loc(section).line);
      return;
    }
    for (const [name, raw] of Object.entries(section)) {
      const v = read(raw);
      const loc = doc.loc(section, name);
      out.env.push(encrypted ? { name, expr: '(encrypted)', loc } : settingEnv(name, v, typeof v === 'string' ? undefined : JSON.stringify(raw), loc));
    }
  };
  add(root.Values, (v) => v);
  // ConnectionStrings entries are plain strings or { ConnectionString, ProviderName }.
  add(root.ConnectionStrings, (v) => (isObject(v) ? v.ConnectionString : v));
  const host = root.Host;
  if (isObject(host) && typeof host.CORS === 'string') {
    out.cors = { value: host.CORS.split(',').map((o) => o.trim()).filter(Boolean), loc: doc.loc(host, 'CORS') };
  }
  return out;
}

export const azureFunctionsSource: Source = {
  format: 'azure-functions',
  claims(file: SourceFile): boolean {
    if (!NAMES.test(file.path)) return false;
    // function.json is a common name: only Functions metadata has bindings.
    return base(file.path) !== 'function.json' || /"bindings"/.test(file.text);
  },
  load(files: SourceFile[], ctx: SourceContext): void {
    const hosts = new Set<string>();
    const settings = new Map<string, SourceFile>();
    const functionFiles: SourceFile[] = [];
    for (const f of files) {
      ctx.keep(f, 'azure-functions');
      const b = base(f.path);
      if (b === 'host.json') {
        if (parse(f, ctx)) hosts.add(dirOf(f.path));
      } else if (b === 'local.settings.json') settings.set(dirOf(f.path), f);
      else functionFiles.push(f);
    }
    const projectOf = (fnDir: string): string | undefined => {
      for (let d = dirOf(fnDir); ; d = dirOf(d)) {
        if (hosts.has(d)) return d;
        if (d === '') return undefined;
      }
    };
    const settingsCache = new Map<string, LocalSettings>();
    const settingsOf = (project: string): LocalSettings => {
      let s = settingsCache.get(project);
      if (!s) {
        const f = settings.get(project);
        const doc = f && parse(f, ctx);
        s = doc ? localSettings(doc, ctx) : { env: [] };
        settingsCache.set(project, s);
      }
      return s;
    };
    const withFunctions = new Set<string>();
    for (const f of functionFiles) {
      const doc = parse(f, ctx);
      if (!doc) continue;
      const root = doc.value as Record<string, unknown>;
      const fnDir = dirOf(f.path);
      const name = fnDir.slice(fnDir.lastIndexOf('/') + 1) || 'function';
      let project = projectOf(fnDir);
      if (project === undefined) {
        ctx.info(f.path, 'no host.json above this function.json: treated as a Functions project of its own');
        project = dirOf(fnDir);
      }
      withFunctions.add(project);
      const local = settingsOf(project);
      const fn: FunctionNode = {
        id: `${f.path}#${name}`,
        name,
        cloud: 'azure',
        format: 'azure-functions',
        loc: doc.loc(root),
        triggers: [],
        env: local.env.map((e) => ({ ...e })),
        layers: [],
        permissions: [],
      };
      const script = root.scriptFile;
      if (typeof script === 'string') {
        const p = posix.normalize(posix.join(fnDir, script));
        if (p.startsWith('..')) ctx.info(f.path, `scriptFile ${script} is outside the scanned root`, doc.loc(root, 'scriptFile').line);
        else fn.codePath = p;
        fn.handler = { value: typeof root.entryPoint === 'string' ? `${script}:${root.entryPoint}` : script, loc: doc.loc(root, 'scriptFile') };
      } else {
        fn.codePath = fnDir;
      }
      const runtime = runtimeFromSettings(fn.env);
      if (runtime) fn.runtime = runtime;
      const { triggers, problems } = triggersFromBindings(root.bindings, doc, doc.loc(root, 'bindings'));
      for (const p of problems) ctx.warn(f.path, p.message, p.loc.line);
      for (const t of triggers) {
        if (t.kind === 'http') {
          t.path ??= name;
          if (local.cors) t.cors = { ...local.cors };
        }
      }
      fn.triggers = triggers;
      ctx.model.functions.push(fn);
    }
    for (const h of hosts) {
      if (!withFunctions.has(h)) {
        ctx.info(posix.join(h, 'host.json'), 'Functions project without function.json files (Node.js v4 / Python v2 programming model declares functions in code): not analysed');
      }
    }
  },
};
