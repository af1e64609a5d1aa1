// Cross-site scripting: a light HTML tag scan (no regex over the whole input). Flags script-capable
// tags, any on* event-handler attribute, javascript:/vbscript:/data:text/html URLs (after entity and
// whitespace de-obfuscation), CSS expression(), and quote breakouts into a JS sink call.
// Harmless markup (<b>, <p>, <a href="https://…">, <img src="x.png">) passes.

import { BT, COLON, DOT, DQ, EQ, LP, LT, NL, P, PA, S, SQ, classes, isAlnum, list } from './chars.js';

const DANGEROUS_TAGS = new Set(list('script iframe frame frameset object embed applet meta base link portal xss xml import isindex svg math template noscript style marquee handler'));
const URL_ATTRS = new Set(list('href src action formaction data background poster xlink:href dynsrc lowsrc codebase to values from'));
const NAMED: Record<string, string> = { colon: ':', tab: '', newline: '', lpar: '(', rpar: ')', quot: '"', apos: "'", lt: '<', gt: '>', amp: '&', sol: '/' };

/** Decode HTML character references and drop whitespace/control chars, as browsers do in URL attributes. */
export function deobfuscate(v: string): string {
  let out = '';
  const n = Math.min(v.length, 512);
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c <= 32) continue;
    if (c === 38) {
      let j = i + 1;
      let num = -1;
      if (v.charCodeAt(j) === 35) {
        j++;
        const hexForm = (v.charCodeAt(j) | 32) === 120;
        if (hexForm) j++;
        const st = j;
        while (j < n && j - st < 8 && /[0-9a-f]/i.test(v[j] as string) && (hexForm || /\d/.test(v[j] as string))) j++;
        if (j > st) num = parseInt(v.slice(st, j), hexForm ? 16 : 10);
        if (num >= 0) {
          if (v.charCodeAt(j) === 59) j++;
          if (num > 32 && num < 0x110000) out += String.fromCodePoint(num);
          i = j - 1;
          continue;
        }
      } else {
        const st = j;
        while (j < n && j - st < 10 && /[a-z]/i.test(v[j] as string)) j++;
        const name = v.slice(st, j).toLowerCase();
        const rep = NAMED[name];
        if (rep !== undefined) {
          if (v.charCodeAt(j) === 59) j++;
          out += rep;
          i = j - 1;
          continue;
        }
      }
    }
    out += v[i];
  }
  return out.toLowerCase();
}

const SCRIPT_URLS = list('javascript: vbscript: data:text/html livescript: data:image/svg+xml data:application/x-javascript');
const CSS_SCRIPT = list('expression( javascript: -moz-binding behavior:');

function scriptUrl(v: string): boolean {
  // every scheme below starts with j, v, d or l, or an entity for one, after characters deobfuscate drops
  let i = 0;
  while (i < v.length && v.charCodeAt(i) <= 32) i++;
  const c = v.charCodeAt(i) | 32;
  if (c !== 38 && c !== 106 && c !== 118 && c !== 100 && c !== 108) return false;
  const d = deobfuscate(v);
  return SCRIPT_URLS.some((p) => d.startsWith(p));
}

function isNameChar(c: number): boolean { return isAlnum(c) || c === 45 || c === 58 || c === 95; }
function isTagWs(c: number): boolean { return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 47; }

/** The first index from j on that is not a space, tab or LF (around an attribute's '='). */
function skipSpaces(s: string, j: number): number {
  while (j < s.length && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9 || s.charCodeAt(j) === 10)) j++;
  return j;
}

/** Scans one tag starting at `<` (index i); returns a rule or null, plus the index where scanning resumes. */
function tagAt(s: string, i: number): [string | null, number] {
  const n = s.length;
  let j = i + 1;
  const st = j;
  while (j < n && isNameChar(s.charCodeAt(j))) j++;
  if (j === st) return [null, i + 1];
  const name = s.slice(st, Math.min(j, st + 16)).toLowerCase();
  const after = s.charCodeAt(j);
  if (j < n && !isTagWs(after) && after !== 62) return [null, j];
  if (DANGEROUS_TAGS.has(name)) return ['xss.tag', j];
  // attributes until '>' (or end: browsers and sanitizer-bypasses tolerate unclosed tags)
  while (j < n) {
    let c = s.charCodeAt(j);
    if (c === 62 || c === 60) return [null, j];
    if (isTagWs(c) || c === 34 || c === 39) { j++; continue; }
    const an = j;
    while (j < n && !isTagWs(s.charCodeAt(j)) && s.charCodeAt(j) !== 61 && s.charCodeAt(j) !== 62) j++;
    const attr = s.slice(an, Math.min(j, an + 24)).toLowerCase();
    j = skipSpaces(s, j);
    if (s.charCodeAt(j) !== 61) {
      if (j === an) j++;
      continue;
    }
    j = skipSpaces(s, j + 1);
    if (attr.length > 2 && attr.startsWith('on')) return ['xss.event-handler', j];
    c = s.charCodeAt(j);
    let vs = j, ve: number;
    if (c === 34 || c === 39) {
      vs = j + 1;
      ve = s.indexOf(c === 34 ? '"' : "'", vs);
      if (ve < 0) ve = n;
      j = ve + 1;
    } else {
      while (j < n && !isTagWs(s.charCodeAt(j)) && s.charCodeAt(j) !== 62) j++;
      ve = j;
    }
    const value = s.slice(vs, Math.min(ve, vs + 512));
    if (URL_ATTRS.has(attr) && scriptUrl(value)) return ['xss.script-url', j];
    if (attr === 'srcdoc') return ['xss.srcdoc', j];
    if (attr === 'style') {
      const d = deobfuscate(value);
      if (CSS_SCRIPT.some((p) => d.includes(p))) return ['xss.css', j];
    }
  }
  return [null, j];
}

const SCRIPT_SCHEMES = list('javascript vbscript livescript');
const SCHEMES = new RegExp(SCRIPT_SCHEMES.join('|'), 'i');
const SINKS = list('alert( prompt( confirm( eval( document.cookie document.domain document.write( window.location settimeout( setinterval( fromcharcode( atob( fetch( import( constructor( location.href location= top[ self[');

/** What a breakout may put between the quote and the sink. */
const BREAKOUT = ';+-*/|&)}, \t';
/** The letters sinks start with. */
const SINK_FIRST = SINKS.map((k) => k[0]).join('');

/**
 * Is some quote followed by 1–6 breakout characters and a letter a sink starts with (or any non-ASCII
 * character)? Necessary for the sink loop below, which works on the lower-cased input: lower-casing
 * changes letters only (U+0130 grows into 'i' and U+0307), so the quote and the run are the same here.
 */
export function quoteBreakout(s: string, m: number): boolean {
  for (let t = 0; t < 3; t++) {
    if ((m & (t === 0 ? SQ : t === 1 ? DQ : BT)) === 0) continue;
    const q = `'"\``[t] as string;
    for (let p = s.indexOf(q); p >= 0; p = s.indexOf(q, p + 1)) {
      // a quote followed by a letter (O'Neill, John's) has no breakout run: skip it without the loop
      if (!isBreakout(s.charCodeAt(p + 1))) continue;
      let k = p + 2;
      while (k < s.length && k - p <= 7 && isBreakout(s.charCodeAt(k))) k++;
      const c = s.charCodeAt(k);
      if (k - p <= 7 && (c >= 128 || (isAlnum(c) && SINK_FIRST.includes(String.fromCharCode(c | 32))))) return true;
    }
  }
  return false;
}
const BREAKOUT_CHAR = new Uint8Array(128);
for (const ch of BREAKOUT) BREAKOUT_CHAR[ch.charCodeAt(0)] = 1;
function isBreakout(c: number): boolean {
  return c < 128 && BREAKOUT_CHAR[c] === 1;
}

export function detectXss(s: string, _raw?: string, m = classes(s)): string | null {
  const n = s.length;
  let lt = (m & LT) !== 0 ? s.indexOf('<') : -1;
  while (lt >= 0 && lt < n - 1) {
    const [rule, next] = tagAt(s, lt);
    if (rule !== null) return rule;
    lt = s.indexOf('<', Math.max(next, lt + 1));
  }
  if ((m & COLON) !== 0) {
    let l: string | null = null;
    // a scheme found below at k < 64 of the lower-cased text is in `s` before 64 too (lower-casing only
    // ever lengthens, and no other character turns into these ASCII letters)
    const k0 = (m & (S | P)) === (S | P) ? s.search(SCHEMES) : -1;
    if (k0 >= 0 && k0 < 64) {
      l = s.toLowerCase();
      for (const scheme of SCRIPT_SCHEMES) {
        const k = l.indexOf(scheme);
        if (k >= 0 && k < 64 && scriptUrl(l.slice(k))) {
          const p = k === 0 ? 32 : l.charCodeAt(k - 1);
          if (!((p | 32) >= 97 && (p | 32) <= 122)) return 'xss.script-url';
        }
      }
    }
    // entity/whitespace-obfuscated scheme at the start: java&#x09;script:, &#106;avascript:
    if ((((m & PA) !== 0 && s.indexOf('&') >= 0) || ((m & NL) !== 0 && s.indexOf('\t') >= 0)) && scriptUrl(s.trimStart())) return 'xss.script-url';
    if ((m & LP) !== 0 && (l ??= s.toLowerCase()).indexOf('expression(') >= 0 && l.indexOf('style') >= 0) return 'xss.css';
  }
  // "  onmouseover="…: breaking out of a quoted attribute into a new event-handler attribute
  if ((m & EQ) !== 0 && (m & (SQ | DQ)) !== 0 && /["'][^<>"']{0,64}?[\s/]on[a-z]{3,24}\s{0,4}=/i.test(s)) return 'xss.attribute-breakout';
  // "-alert(1)-" / ';alert(1)// : a quote breakout straight into a JS sink
  if ((m & (SQ | DQ | BT)) !== 0 && (m & (LP | DOT | EQ)) !== 0 && quoteBreakout(s, m)) {
    const l = s.toLowerCase();
    for (const sink of SINKS) {
      let k = l.indexOf(sink);
      while (k > 0) {
        // walk back over breakout punctuation and whitespace to find the quote
        let p = k - 1, steps = 0;
        while (p >= 0 && steps < 6 && BREAKOUT.indexOf(l[p] as string) >= 0) { p--; steps++; }
        const q = l[p];
        if (steps > 0 && (q === "'" || q === '"' || q === '`')) return 'xss.js-breakout';
        k = l.indexOf(sink, k + 1);
      }
    }
  }
  return null;
}
