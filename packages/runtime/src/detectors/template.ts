// Server-side template injection and expression-language injection: {{…}}, ${…}, #{…}, *{…}, <%…%>,
// {%…%}, Freemarker/Velocity directives, and Log4j-style ${jndi:…} lookups. A placeholder that is only a
// (dotted) name — {{name}}, ${HOME} — is ordinary text; an expression inside one is not.

import { AT, BRACE, BRACKET, DASH, DOLLAR, HASH, LP, LT, P, PCT, QM, classes, isAlnum, list } from './chars.js';

const SUSPICIOUS_WORDS = list('constructor config self request __class__ class lipsum cycler joiner namespace range settings _self process global require runtime getclass forname exec popen system env this app attr');
/** Objects SSTI payloads walk through, besides any __dunder__ name. */
const WALKED = list('_self constructor config self settings');
const STATEMENTS = list('import include set for if macro raw debug load extends block call filter with print php exec');

function isIdent(c: number): boolean { return isAlnum(c) || c === 95 || c === 46 || c === 32 || c === 9 || c === 45 || c === 58; }

/** Is the placeholder body more than a plain (dotted) name? */
function expression(body: string, lookups: boolean): string | null {
  const l = body.toLowerCase();
  if (lookups) {
    if (l.includes('jndi:') || /^\s*(?:env|sys|java|lower|upper|date|base64|ctx|main|marker|bundle|sd|web|docker|k8s|spring|log4j|event|map|jvmrunargs|::-|\$\{)/.test(l)) return 'template.lookup';
  }
  let plain = true;
  for (let i = 0; i < l.length; i++) if (!isIdent(l.charCodeAt(i))) { plain = false; break; }
  if (plain) {
    // a name alone, unless it is one of the objects SSTI payloads walk through
    for (const w of l.split(/[.\s]+/)) if (w.startsWith('__') || WALKED.includes(w)) return 'template.expression';
    return null;
  }
  for (const w of SUSPICIOUS_WORDS) if (l.includes(w)) return 'template.expression';
  // operators or calls inside a placeholder
  if (/[()[\]*+'"|/%<>~^!`]/.test(l)) return 'template.expression';
  return null;
}

// <#assign <#import <#include ?new( #set( #foreach( {php} {$smarty {system( — literal alternatives
// (linear). An ASCII-only /i match on the input is a match in its lower-cased form and back: the
// only non-ASCII characters that lower-case to ASCII letters are U+212A (k, in none of these) and
// U+0130 (i, but followed by U+0307, which none of these contain).
const DIRECTIVE = /<#(?:assign|import|include)|\?new\(|#(?:set|foreach)\(|\{(?:php\}|\$smarty|system\()/i;

/** Opener, closer, whether ${…} lookups apply, and the classes of the opener's characters. */
const PAIRS: ReadonlyArray<[string, string, boolean, number]> = [['{{', '}}', false, BRACE], ['${', '}', true, DOLLAR | BRACE], ['#{', '}', false, HASH | BRACE],
  ['*{', '}', false, DASH | BRACE], ['@{', '}', false, AT | BRACE], ['~{', '}', false, BRACE], ['<%', '%>', false, LT | PCT], ['[[', ']]', false, BRACKET]];

export function detectTemplate(s: string, _raw?: string, m = classes(s)): string | null {
  // every opener has a { [ or <
  for (let p = (m & (BRACE | BRACKET | LT)) !== 0 ? 0 : PAIRS.length; p < PAIRS.length; p++) {
    const [open, close, lookups, need] = PAIRS[p] as (typeof PAIRS)[number];
    // an opener whose characters are missing is not there (indexOf would say -1)
    let i = (m & need) === need ? s.indexOf(open) : -1;
    while (i >= 0) {
      const c = s.indexOf(close, i + open.length);
      if (c < 0) break; // no later opener can close either: stay linear
      const body = s.slice(i + open.length, Math.min(c, i + open.length + 512));
      if (open === '<%') { if (/[a-z0-9]/i.test(body)) return 'template.erb'; }
      else if (open === '[[') { if (body.includes('${') || body.includes('*{')) return 'template.expression'; }
      else {
        const r = expression(body, lookups);
        if (r !== null) return r;
      }
      i = s.indexOf(open, c + close.length);
    }
  }
  let i = (m & (BRACE | PCT)) === (BRACE | PCT) ? s.indexOf('{%') : -1;
  while (i >= 0) {
    const c = s.indexOf('%}', i + 2);
    if (c < 0) break;
    const word = /^[\s-]*([a-z]+)/i.exec(s.slice(i + 2, Math.min(c, i + 40)))?.[1]?.toLowerCase();
    if (word !== undefined && STATEMENTS.includes(word)) return 'template.statement';
    i = s.indexOf('{%', c + 2);
  }
  // the characters of each directive: <# ?( #( {p} {$ {(
  const directive = ((m & (LT | HASH)) === (LT | HASH)) || ((m & LP) !== 0 && (m & (QM | HASH)) !== 0) || ((m & BRACE) !== 0 && (m & (P | DOLLAR | LP)) !== 0);
  return directive && DIRECTIVE.test(s) ? 'template.directive' : null;
}
