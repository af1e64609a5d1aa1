export { LineIndex } from '../../core/line-index.js';

/** Classify where a package comes from by its resolved URL / spec. */
export function sourceOf(resolvedOrSpec: string | undefined): import('./types.js').DepSource {
  if (!resolvedOrSpec) return 'registry';
  const s = resolvedOrSpec.trim();
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|gist:)|\.git(#|$)|^[\w.-]+\/[\w.-]+(#.*)?$/.test(s)) return 'git';
  if (/^(file:|link:|portal:|workspace:|\.{0,2}\/)/.test(s)) return s.startsWith('link:') || s.startsWith('portal:') || s.startsWith('workspace:') ? 'link' : 'file';
  if (/^https?:\/\//.test(s)) return /\/-\/[^/]+\.tgz(#.*)?$|\/(packages|simple)\//.test(s) || /registry\.(npmjs\.org|yarnpkg\.com)/.test(s) ? 'registry' : 'url';
  return 'registry';
}
