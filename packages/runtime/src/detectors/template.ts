// Server-side template injection and expression-language injection: {{…}}, ${…}, #{…}, *{…}, <%…%>,
// {%…%}, Freemarker/Velocity directives, and Log4j-style ${jndi:…} lookups. A placeholder that is only a
// (dotted) name — {{name}}, ${HOME} — is ordinary text; an expression inside one is not.

const SUSPICIOUS_WORDS = ['constructor', 'config', 'self', 'request', '__class__', 'class', 'lipsum', 'cycler', 'joiner', 'namespace', 'range', 'settings', '_self', 'process', 'global', 'require', 'runtime', 'getclass', 'forname', 'exec', 'popen', 'system', 'env', 'this', 'app', 'attr'];
const STATEMENTS = ['import', 'include', 'set', 'for', 'if', 'macro', 'raw', 'debug', 'load', 'extends', 'block', 'call', 'filter', 'with', 'print', 'php', 'exec'];

function isIdent(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 32 || c === 9 || c === 45 || c === 58;
}

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
    for (const w of l.split(/[.\s]+/)) if (w === '__class__' || w === '_self' || w === 'constructor' || w === 'config' || w === 'self' || w === 'settings' || w.startsWith('__')) return 'template.expression';
    return null;
  }
  for (const w of SUSPICIOUS_WORDS) if (l.includes(w)) return 'template.expression';
  // operators or calls inside a placeholder
  if (/[()[\]*+'"|/%<>~^!`]/.test(l)) return 'template.expression';
  return null;
}

const PAIRS: ReadonlyArray<[string, string, boolean]> = [['{{', '}}', false], ['${', '}', true], ['#{', '}', false], ['*{', '}', false], ['@{', '}', false], ['~{', '}', false], ['<%', '%>', false], ['[[', ']]', false]];

export function detectTemplate(s: string): string | null {
  for (const [open, close, lookups] of PAIRS) {
    let i = s.indexOf(open);
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
  let i = s.indexOf('{%');
  while (i >= 0) {
    const c = s.indexOf('%}', i + 2);
    if (c < 0) break;
    const word = /^[\s-]*([a-z]+)/i.exec(s.slice(i + 2, Math.min(c, i + 40)))?.[1]?.toLowerCase();
    if (word !== undefined && STATEMENTS.includes(word)) return 'template.statement';
    i = s.indexOf('{%', c + 2);
  }
  const l = s.toLowerCase();
  if (l.includes('<#assign') || l.includes('<#import') || l.includes('<#include') || l.includes('?new(') || l.includes('#set(') || l.includes('#foreach(') || l.includes('{php}') || l.includes('{$smarty') || l.includes('{system(')) return 'template.directive';
  return null;
}
