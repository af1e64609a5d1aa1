/**
 * Serverless Framework (v3 and v4) services: `serverless.yml|yaml|json` and stage variants
 * (`serverless.prod.yml`). The file is parsed with positions, its variables resolved statically
 * (see variables.ts) and the service turned into model nodes (see service.ts). Files pulled in
 * through `${file(…)}` are consumed so the CloudFormation source does not load them again.
 */
import { posix } from 'node:path';
import { isolated, parseOrWarn } from '../aws-common/isolate.js';
import { isObject } from '../structured.js';
import type { Source, SourceContext, SourceFile } from '../types.js';
import { DocSet, Variables } from './variables.js';
import { loadService } from './service.js';
import { looksLikeTemplate } from '../cloudformation/index.js';

const SERVERLESS_FILE = /(^|\/)serverless(\.[\w-]+)?\.(ya?ml|json)$/i;
const HAS_SERVICE = /(^|[{,]\s*)["']?service["']?\s*:/m;

export const serverlessSource: Source = {
  format: 'serverless',
  // `serverless.template.json` style SAM templates (AWS .NET tooling) are CloudFormation's.
  claims: (file) => SERVERLESS_FILE.test(file.path) && (HAS_SERVICE.test(file.text) || !looksLikeTemplate(file.text)),
  load(files, ctx) {
    // Main files first; a stage variant or fragment already included by one is not a service of its own.
    const ordered = [...files].sort((a, b) => Number(!MAIN_FILE.test(a.path)) - Number(!MAIN_FILE.test(b.path)) || a.path.localeCompare(b.path));
    const included = new Set<string>();
    const tracking: SourceContext = {
      ...ctx,
      consume: (rel) => {
        included.add(rel);
        ctx.consume(rel);
      },
    };
    for (const file of ordered) {
      if (included.has(file.path)) continue;
      isolated(file.path, ctx, () => loadServerlessFile(file, tracking));
    }
  },
};

const MAIN_FILE = /(^|\/)serverless\.(ya?ml|json)$/i;

export function loadServerlessFile(file: SourceFile, ctx: SourceContext): void {
  ctx.keep(file, 'serverless');
  const doc = parseOrWarn(file, ctx);
  if (doc === undefined) return;
  const root = doc.value;
  if (!isObject(root)) {
    ctx.warn(file.path, 'not loaded: serverless config is not a map');
    return;
  }
  if (!('service' in root) && !('provider' in root) && !('functions' in root)) {
    ctx.info(file.path, 'not loaded: no service, provider or functions (a fragment of another config?)');
    return;
  }
  const dir = posix.dirname(file.path);
  const serviceDir = dir === '.' ? '' : dir;
  const docs = new DocSet(doc);
  const vars = new Variables(root, docs, serviceDir, ctx, file.path);
  vars.resolveAll();
  loadService({ ctx, file: file.path, serviceDir, root, docs, stage: vars.stage() });
}
