// Tolerant percent-decoding (incl. IIS-style %uXXXX and overlong UTF-8 dots/slashes), one pass, linear.
// Attackers double-encode to slip past a single decode, so callers apply it at most twice.

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 32;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Returns `s` itself (same reference) when there is nothing to decode. */
export function percentDecode(s: string): string {
  let i = s.indexOf('%');
  if (i < 0) return s;
  let out = s.slice(0, i);
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      // %uXXXX
      if ((s.charCodeAt(i + 1) | 32) === 117 && i + 5 < n) {
        const a = hex(s.charCodeAt(i + 2)), b = hex(s.charCodeAt(i + 3));
        const d = hex(s.charCodeAt(i + 4)), e = hex(s.charCodeAt(i + 5));
        if ((a | b | d | e) >= 0) {
          out += String.fromCharCode((a << 12) | (b << 8) | (d << 4) | e);
          i += 6;
          continue;
        }
      }
      const h = i + 2 < n ? hex(s.charCodeAt(i + 1)) : -1;
      const l = h >= 0 ? hex(s.charCodeAt(i + 2)) : -1;
      if (l >= 0) {
        const v = (h << 4) | l;
        // Overlong two-byte forms %c0%ae ('.') and %c0%af ('/') decode to ASCII in old parsers.
        if ((v === 0xc0 || v === 0xc1) && s.charCodeAt(i + 3) === 37 && i + 5 < n) {
          const h2 = hex(s.charCodeAt(i + 4)), l2 = hex(s.charCodeAt(i + 5));
          if (h2 >= 0 && l2 >= 0) {
            out += String.fromCharCode(((v & 1) << 6) | (((h2 << 4) | l2) & 0x3f));
            i += 6;
            continue;
          }
        }
        // Bytes ≥ 0x80 are kept as Latin-1 code units: detectors only care about ASCII syntax.
        out += String.fromCharCode(v);
        i += 3;
        continue;
      }
    }
    out += s[i];
    i++;
  }
  return out;
}

/** True when the string contains a `%XX` or `%uXXXX` escape worth decoding. */
export function hasEscape(s: string): boolean {
  let i = s.indexOf('%');
  while (i >= 0 && i + 2 < s.length) {
    const a = s.charCodeAt(i + 1);
    if ((a | 32) === 117 || (hex(a) >= 0 && hex(s.charCodeAt(i + 2)) >= 0)) return true;
    i = s.indexOf('%', i + 1);
  }
  return false;
}
