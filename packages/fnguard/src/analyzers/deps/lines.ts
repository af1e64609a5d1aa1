/** Offset → 1-based line lookups for parsers that report offsets (jsonc-parser, yaml). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** Classify where a package comes from by its resolved URL / spec. */
export function sourceOf(resolvedOrSpec: string | undefined): import('./types.js').DepSource {
  if (!resolvedOrSpec) return 'registry';
  const s = resolvedOrSpec.trim();
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|gist:)|\.git(#|$)|^[\w.-]+\/[\w.-]+(#.*)?$/.test(s)) return 'git';
  if (/^(file:|link:|portal:|workspace:|\.{0,2}\/)/.test(s)) return s.startsWith('link:') || s.startsWith('portal:') || s.startsWith('workspace:') ? 'link' : 'file';
  if (/^https?:\/\//.test(s)) return /\/-\/[^/]+\.tgz(#.*)?$|\/(packages|simple)\//.test(s) || /registry\.(npmjs\.org|yarnpkg\.com)/.test(s) ? 'registry' : 'url';
  return 'registry';
}
