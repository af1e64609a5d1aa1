/**
 * AWS CloudFormation and SAM templates (YAML or JSON). A file is claimed when a cheap look at
 * its text finds a template marker; it is then parsed with positions (short-form tags expanded)
 * and loaded as one stack. Files that fail to parse are reported and skipped.
 */
import { posix } from 'node:path';
import { isolated, parseOrWarn } from '../aws-common/isolate.js';
import { isObject } from '../structured.js';
import type { Source, SourceContext, SourceFile } from '../types.js';
import { loadFragments } from './template.js';

export { loadFragments } from './template.js';
export { Stack, type StackOptions } from './stack.js';

const STRUCTURED = /\.(ya?ml|json|template)$/i;

/** Template markers: a format version, the SAM transform, or resources with AWS types. */
export function looksLikeTemplate(text: string): boolean {
  if (text.includes('AWSTemplateFormatVersion') || text.includes('AWS::Serverless')) return true;
  return /(^|[{,]\s*)["']?Resources["']?\s*:/m.test(text) && /["']?Type["']?\s*:\s*["']?AWS::/.test(text);
}

export const cloudFormationSource: Source = {
  format: 'cloudformation',
  claims: (file) => STRUCTURED.test(file.path) && looksLikeTemplate(file.text),
  load(files, ctx) {
    for (const file of files) isolated(file.path, ctx, () => loadTemplate(file, ctx));
  },
};

export function loadTemplate(file: SourceFile, ctx: SourceContext): void {
  ctx.keep(file, 'cloudformation');
  const doc = parseOrWarn(file, ctx);
  if (doc === undefined) return;
  if (!isObject(doc.value)) {
    ctx.warn(file.path, 'not loaded: the template is not a map');
    return;
  }
  const dir = posix.dirname(file.path);
  loadFragments([doc.value], ctx, { format: 'cloudformation', stackFile: file.path, baseDir: dir === '.' ? '' : dir, at: doc });
}
