/**
 * IAM wildcard matching: `*` matches any run of characters, `?` exactly one, everything else
 * literally. Actions compare case-insensitively, resource ARNs case-sensitively.
 * Compiled patterns are cached, since the same few patterns are matched many times.
 */

const caseSensitive = new Map<string, RegExp>();
const caseInsensitive = new Map<string, RegExp>();

function compile(pattern: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? caseInsensitive : caseSensitive;
  let re = cache.get(pattern);
  if (!re) {
    let src = '';
    for (const ch of pattern) {
      if (ch === '*') src += '.*';
      else if (ch === '?') src += '.';
      else src += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    re = new RegExp(`^${src}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 50_000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Whether `value` matches the IAM wildcard `pattern`. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!hasWildcard(pattern)) return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  return compile(pattern, ignoreCase).test(value);
}

/**
 * Whether every string `inner` can match is also matched by `outer` (pattern subsumption).
 * Checked by matching `inner`'s text, wildcards included, against `outer`: exact when `outer`
 * is a prefix/suffix/infix wildcard, and conservative (answers false) otherwise.
 */
export function patternCovers(outer: string, inner: string, ignoreCase = false): boolean {
  if (outer === '*') return true;
  if (inner === '*') return false;
  return wildcardMatch(outer, inner, ignoreCase);
}

/** Whether two wildcard patterns can match at least one common string. */
export function patternsOverlap(a: string, b: string, ignoreCase = false): boolean {
  if (a === '*' || b === '*') return true;
  if (!hasWildcard(a)) return wildcardMatch(b, a, ignoreCase);
  if (!hasWildcard(b)) return wildcardMatch(a, b, ignoreCase);
  // Both have wildcards: compare the literal prefixes and suffixes before the first/after the last wildcard.
  const norm = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  const pre = (s: string): string => norm(s.slice(0, s.search(/[*?]/)));
  const suf = (s: string): string => {
    const i = Math.max(s.lastIndexOf('*'), s.lastIndexOf('?'));
    return norm(s.slice(i + 1));
  };
  const [pa, pb, sa, sb] = [pre(a), pre(b), suf(a), suf(b)];
  const prefixOk = pa.startsWith(pb) || pb.startsWith(pa);
  const suffixOk = sa.endsWith(sb) || sb.endsWith(sa);
  return prefixOk && suffixOk;
}
