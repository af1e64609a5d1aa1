/** Secret allow-lists (`secretAllow` option): path globs and secret fingerprints. */

/** `**` any path, `*` anything but `/`, `?` one character; a pattern without `/` matches any folder. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(glob.includes('/') ? `^${re}$` : `(?:^|/)${re}$`);
}

export interface SecretAllowList {
  allowsPath(path: string): boolean;
  allowsHash(hash: string): boolean;
}

/** Entries of 16–64 hex chars are fingerprints (the `fingerprint` printed with each finding); others are globs. */
export function makeAllowList(entries: unknown): SecretAllowList {
  const list = Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : typeof entries === 'string' ? [entries] : [];
  const hashes = new Set(list.filter((e) => /^[0-9a-f]{16,64}$/i.test(e)).map((e) => e.toLowerCase().slice(0, 16)));
  const globs = list.filter((e) => !/^[0-9a-f]{16,64}$/i.test(e)).map(globToRegExp);
  return {
    allowsPath: (p) => globs.some((g) => g.test(p)),
    allowsHash: (h) => hashes.has(h.toLowerCase()),
  };
}
