// SQL injection: a one-pass tokenizer and rules over the token stream, in the spirit of libinjection
// (own implementation). The input is tokenized as if pasted into a query in three places — bare
// (numeric context), inside '…' and inside "…". An input is an attack only when, in some context, it
// breaks out and what follows is syntactically plausible SQL. That is what keeps "O'Brien" or "select a
// date from the list" quiet while `' OR 1=1--` is caught. Every step is O(1) per character or token.

import { AT, DASH, DQ, EQ, HASH, LP, LT, PA, PCT, SEMI as SEMI_C, SL, SQ, classes, edgeIn, isAlnum, isWord, list, words, wordsIn, type Words } from './chars.js';

// Token kinds.
const STR = 1, NUM = 2, WORD = 3, KW = 4, UNION = 5, SELECT = 6, LOGIC = 7, OP = 8, FUNC = 9;
const LPAR = 10, RPAR = 11, COMMA = 12, SEMI = 13, COMMENT = 14, VAR = 15, SYSVAR = 16;

const LOGIC_WORDS = list('and or xor not'), OP_WORDS = list('like rlike regexp between is in div mod sounds');
/** Words that start a statement; all but 'select' are plain keywords. */
const STMT_WORDS = list('select drop delete insert update exec execute shutdown declare waitfor truncate alter create');
const KIND = new Map<string, number>();
for (const w of LOGIC_WORDS) KIND.set(w, LOGIC);
for (const w of OP_WORDS) KIND.set(w, OP);
for (const w of list('true false null')) KIND.set(w, NUM);
KIND.set('union', UNION);
for (const w of [...STMT_WORDS.slice(1), ...list('from where into values table delay order group by having limit offset set all distinct procedure outfile dumpfile database user view login time case when then else end top')]) KIND.set(w, KW);
KIND.set('select', SELECT);

/** Functions an injection uses for timing, file access or error-based extraction. */
const DANGER_FUNCS = words(list('sleep benchmark pg_sleep load_file extractvalue updatexml xp_cmdshell dbms_pipe.receive_message utl_inaddr.get_host_name randomblob char chr concat version database user current_user system_user ascii substring substr mid if iif convert cast count exp floor rand group_concat hex unhex ord length len db_name suser_name is_srvrolemember make_set elt md5 sysdate now pg_read_file lo_import dblink openrowset name_const geometrycollection'));

interface Tokens { kinds: number[]; words: string[] }

/** Letters, digits, _ $ . (1 per ASCII character): one load instead of five comparisons in the hot loops. */
const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_CHAR[c] = isAlnum(c) || c === 95 || c === 36 || c === 46 ? 1 : 0;
function isWordChar(c: number): boolean {
  return c >= 128 || WORD_CHAR[c] === 1;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 160;
}

/** Scan a quoted literal starting after the opening quote at `i`; index after the close, or -1 if unterminated. */
function skipString(s: string, i: number, q: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 92) { i += 2; continue; } // backslash escape
    if (c === q) {
      if (s.charCodeAt(i + 1) === q) { i += 2; continue; } // doubled quote
      return i + 1;
    }
    i++;
  }
  return -1;
}

/**
 * Tokenize from `start`. When `q` is non-zero the input is assumed to begin inside a `q`-quoted literal;
 * returns null if it never leaves it (then this context is harmless).
 */
function tokenize(s: string, q: number): Tokens | null {
  const n = s.length;
  let i = 0;
  if (q !== 0) {
    i = skipString(s, 0, q);
    if (i < 0) return null;
  }
  const kinds: number[] = [];
  const words: string[] = [];
  const push = (k: number, w: string): void => { kinds.push(k); words.push(w); };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (c === 39 || c === 34 || c === 96) {
      const end = skipString(s, i + 1, c);
      // backtick-quoted names are identifiers, not strings
      push(c === 96 ? WORD : STR, '');
      i = end < 0 ? n : end;
      continue;
    }
    if (c === 45 && s.charCodeAt(i + 1) === 45) { push(COMMENT, '--'); break; }
    if (c === 35) { push(COMMENT, '#'); break; }
    if (c === 47 && s.charCodeAt(i + 1) === 42) {
      if (s.charCodeAt(i + 2) === 33) {
        // MySQL versioned comment /*!50000 … */: its content is executed, so keep tokenizing inside.
        i += 3;
        while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
        continue;
      }
      const end = s.indexOf('*/', i + 2);
      if (end < 0) { push(COMMENT, '/*'); break; }
      i = end + 2;
      // an inline comment is whitespace; a trailing one truncates the rest of the query
      let j = i;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) push(COMMENT, '/*');
      continue;
    }
    if (c === 42 && s.charCodeAt(i + 1) === 47) { i += 2; continue; } // stray close of /*! */
    if (c === 40) { push(LPAR, '('); i++; continue; }
    if (c === 41) { push(RPAR, ')'); i++; continue; }
    if (c === 44) { push(COMMA, ','); i++; continue; }
    if (c === 59) { push(SEMI, ';'); i++; continue; }
    if (c === 64) {
      const sys = s.charCodeAt(i + 1) === 64;
      let j = i + (sys ? 2 : 1);
      const st = j;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      if (j > st) { push(sys ? SYSVAR : VAR, ''); i = j; continue; }
      push(OP, '@'); i = j; continue;
    }
    if ((c === 124 && s.charCodeAt(i + 1) === 124) || (c === 38 && s.charCodeAt(i + 1) === 38)) {
      push(LOGIC, '&&'); i += 2; continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57)) {
      let j = i + 1;
      const hexForm = c === 48 && (s.charCodeAt(j) | 32) === 120;
      if (hexForm) j++;
      let alpha = false;
      while (j < n && isWordChar(s.charCodeAt(j))) {
        const d = s.charCodeAt(j) | 32;
        // digits, '.', an exponent 'e', or hex digits after 0x keep it a number; other letters make "3rd" a word
        if (d >= 97 && d <= 122 && d !== 101 && !(hexForm && d <= 102)) alpha = true;
        j++;
      }
      push(alpha ? WORD : NUM, '');
      i = j;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      // keywords and function names are short; long words never need lowercasing
      const raw = j - i <= 32 ? s.slice(i, j).toLowerCase() : '';
      let k = KIND.get(raw) ?? WORD;
      let p = j;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) === 40 && (k === WORD || raw === 'user' || raw === 'database' || raw === 'if')) k = FUNC;
      push(k, raw);
      i = j;
      continue;
    }
    // any other punctuation is an operator (=, <, >, !, +, -, *, /, %, ^, ~, |, &, :)
    push(OP, s[i] as string);
    i++;
  }
  return { kinds, words };
}

const STMT_OBJECT = new Set(list('table database user view procedure login function schema trigger index'));

/** Is a complete SQL statement starting at token i (stacked query or a bare statement)? */
function statementAt(t: Tokens, i: number): boolean {
  const k = t.kinds, w = t.words, a = w[i], b = w[i + 1];
  switch (a) {
    case 'drop': case 'truncate': case 'alter': case 'create':
      return STMT_OBJECT.has(b ?? '');
    case 'delete':
      return b === 'from' && k[i + 2] === WORD && (i + 3 >= k.length || k[i + 3] === SEMI || k[i + 3] === COMMENT || w[i + 3] === 'where');
    case 'insert':
      return b === 'into' && (k[i + 2] === WORD || k[i + 2] === FUNC);
    case 'update':
      return k[i + 1] === WORD && w[i + 2] === 'set' && k[i + 3] === WORD && k[i + 4] === OP;
    case 'exec': case 'execute':
      return k[i + 1] === VAR || k[i + 1] === LPAR || k[i + 1] === FUNC || (k[i + 1] === WORD && /^(xp_|sp_|master)/.test(b ?? ''));
    case 'shutdown':
      return i + 1 >= k.length || k[i + 1] === SEMI || k[i + 1] === COMMENT;
    case 'declare':
      return k[i + 1] === VAR;
    case 'waitfor':
      return b === 'delay' || b === 'time';
    case 'select':
      return selectAt(t, i);
  }
  return false;
}

/** `select` followed by something only SQL writes: *, a function call, a variable, a literal, a list. */
function selectAt(t: Tokens, i: number): boolean {
  const k = t.kinds, nk = k[i + 1];
  if (nk === FUNC || nk === VAR || nk === SYSVAR || nk === NUM || nk === STR) return true;
  if (nk === OP && t.words[i + 1] === '*') return true;
  if (nk === WORD) {
    // select a, b from t / select a from t where …
    if (k[i + 2] === COMMA) return true;
    if (t.words[i + 2] === 'from' && k[i + 3] === WORD) {
      const after = k[i + 4];
      return after === undefined ? false : after === SEMI || after === COMMENT || t.words[i + 4] === 'where' || t.words[i + 4] === 'limit';
    }
  }
  return false;
}

function isOperand(k: number | undefined): boolean {
  return k === NUM || k === STR || k === WORD || k === VAR || k === SYSVAR || k === FUNC || k === LPAR || k === SELECT;
}

/** Rules that hold wherever they appear in the stream. */
function anywhere(t: Tokens): string | null {
  const k = t.kinds, w = t.words;
  for (let i = 0; i < k.length; i++) {
    const c = k[i];
    if (c === UNION) {
      let j = i + 1;
      if (w[j] === 'all' || w[j] === 'distinct') j++;
      while (k[j] === LPAR) j++;
      if (k[j] === SELECT) return 'sqli.union';
    } else if (c === SEMI) {
      if (k[i + 1] === KW || k[i + 1] === SELECT) { if (statementAt(t, i + 1)) return 'sqli.stacked'; }
    } else if (c === KW) {
      if (w[i] === 'waitfor' && (w[i + 1] === 'delay' || w[i + 1] === 'time')) return 'sqli.time';
      if (w[i] === 'into' && (w[i + 1] === 'outfile' || w[i + 1] === 'dumpfile')) return 'sqli.file';
    } else if (c === FUNC) {
      const p = k[i - 1];
      if (DANGER_FUNCS.set.has(w[i] as string) && (p === LOGIC || p === OP || p === LPAR || p === COMMA || p === SELECT)) return 'sqli.function';
      if (w[i] === 'xp_cmdshell') return 'sqli.function';
    } else if (c === WORD && w[i] === 'xp_cmdshell') {
      return 'sqli.function';
    } else if (c === SYSVAR) {
      const p = k[i - 1];
      if (p === SELECT || p === OP || p === LOGIC || p === LPAR || p === COMMA || p === UNION) return 'sqli.variable';
    }
  }
  return null;
}

/** Tautology / expression after a value: `or 1=1`, `and 'a'='a`, `or 1--`, `and sleep(5)`. */
function logicTail(t: Tokens, i: number, quoted: boolean): boolean {
  const k = t.kinds;
  if (k[i] !== LOGIC) return false;
  let j = i + 1;
  if (t.words[j] === 'not') j++;
  if (!isOperand(k[j])) return false;
  if (k[j] === FUNC || k[j] === LPAR || k[j] === SELECT) return true;
  const nx = k[j + 1];
  if (nx === OP || nx === LOGIC) return isOperand(k[j + 2]) || k[j + 2] === undefined || k[j + 2] === COMMENT;
  if (nx === COMMENT || nx === SEMI) return true;
  // `' or 1` at the very end: the query's own closing quote completes it (quoted context only)
  return quoted && nx === undefined && (k[j] === NUM || k[j] === STR);
}

function prefixQuoted(t: Tokens): string | null {
  const k = t.kinds, w = t.words;
  let i = 0;
  while (k[i] === RPAR) i++;
  const c = k[i];
  if (c === undefined) return null;
  if (c === COMMENT) return 'sqli.comment';
  if (c === SEMI) {
    const nk = k[i + 1];
    if (nk === undefined || nk === COMMENT) return 'sqli.stacked';
    return null;
  }
  if (c === LOGIC) return logicTail(t, i, true) ? 'sqli.tautology' : null;
  if (c === OP) {
    const a = k[i + 1];
    if (a === FUNC || a === SELECT || (a === LPAR && k[i + 2] === SELECT)) return 'sqli.expression';
    if (a === NUM || a === STR || a === WORD) {
      if (k[i + 2] === COMMENT || k[i + 2] === LOGIC) return 'sqli.expression';
      // `'=1 …`: only if the expression ends where a query could (prose goes on with words)
      const e = k[i + 4];
      if (k[i + 2] === OP && isOperand(k[i + 3]) && (e === undefined || e === COMMENT || e === LOGIC || e === SEMI || e === RPAR)) return 'sqli.expression';
    }
    return null;
  }
  if ((w[i] === 'order' || w[i] === 'group') && w[i + 1] === 'by') return 'sqli.orderby';
  if (w[i] === 'having' && logicTail({ kinds: [LOGIC, ...k.slice(i + 1, i + 5)], words: ['', ...w.slice(i + 1, i + 5)] }, 0, true)) return 'sqli.having';
  if (c === KW && statementAt(t, i)) return 'sqli.statement';
  return null;
}

function prefixBare(t: Tokens): string | null {
  const k = t.kinds, w = t.words;
  let i = 0;
  if (k[0] === OP && w[0] === '-') i++; // -1 union …
  const c = k[i];
  if (c === SELECT || c === KW) return statementAt(t, i) ? 'sqli.statement' : null;
  if (c === LPAR && k[i + 1] === SELECT) return selectAt(t, i + 1) ? 'sqli.statement' : null;
  if (c !== NUM) return null;
  i++;
  let closed = 0;
  while (k[i] === RPAR) { i++; closed++; }
  if (k[i] === LOGIC && logicTail(t, i, false)) return 'sqli.tautology';
  if (closed > 0 && k[i] === COMMENT) return 'sqli.comment';
  if (w[i] === 'order' && w[i + 1] === 'by' && k[i + 2] === NUM) return 'sqli.orderby';
  return null;
}

function inContext(s: string, q: number): string | null {
  const t = tokenize(s, q);
  if (t === null) return null;
  return anywhere(t) ?? (q === 0 ? prefixBare(t) : prefixQuoted(t));
}

/** ' " ; = ( # - * / @ < > | &: without them none of the rules can fire, except keyword-only forms. */
export const SQL_PUNCT = SQ | DQ | SEMI_C | EQ | LP | HASH | DASH | SL | AT | LT | PA;

export function detectSqli(s: string, _raw?: string, m = classes(s)): string | null {
  if (s.length < 4) return null;
  // only keyword forms can fire without punctuation: union select, waitfor delay, 1 order by 3
  if ((m & SQL_PUNCT) === 0 && !(KEYWORD_FORMS(m)?.test(s.length <= 4096 ? s : s.slice(0, 4096)) ?? false)) return null;
  // '+' is a space in query strings: `'+or+1=1--`
  if ((m & PCT) !== 0 && s.indexOf('+') >= 0 && s.indexOf(' ') < 0) {
    // the same classes apart from '+', which detectSqliRaw does not look at
    const spaced = detectSqliRaw(s.replace(/\+/g, ' '), m);
    if (spaced !== null) return spaced;
  }
  return detectSqliRaw(s, m);
}

const STMT_START = words(STMT_WORDS);
// Literal alternations (no quantifiers: linear, RE2-safe), narrowed to the words whose letters the string
// has (wordsIn). V8 runs these as native code without a lower-cased copy; measured faster than both
// toLowerCase+indexOf and a hand-written JS scan.
const KEYWORD_FORMS = wordsIn(list('union waitfor order select drop'));
/** Keyword-only constructs that count anywhere (no punctuation needed). */
const ANYWHERE_WORD = wordsIn(list('union waitfor outfile dumpfile xp_cmdshell'));
const SELECT_WORD = words(list('select'));

/**
 * Can the bare (unquoted) context fire at all? Its rules need a numeric/parenthesised start, a
 * statement keyword first, or a construct that counts anywhere (; ( @@ union waitfor outfile…).
 * Skipping the tokenizer for everything else keeps ordinary text cheap.
 */
function bareCandidate(s: string): boolean {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let c = s.charCodeAt(i);
  // the tokenizer reads inline comments as space, so a statement may follow them: `/**/drop table t`
  if (c === 47 || c === 42) c = s.charCodeAt(i = skipBlank(s, i));
  if (c === 40) return true;
  if ((c >= 48 && c <= 57) || c === 45 || c === 46) {
    // a leading number matters only if SQL continues after it ("1 or 1=1"), not in "12 Main St."
    let j = i + 1;
    while (j < s.length && (isWordChar(s.charCodeAt(j)) || s.charCodeAt(j) === 45)) j++;
    // prefixBare skips the closing parentheses after the number (`1 ) or 1=1`, `1)--`), spaced or not
    let k = j;
    while (k < s.length && (isSpace(s.charCodeAt(k)) || s.charCodeAt(k) === 41)) k++;
    // prefixBare wants LOGIC (a word, && or ||), a comment or ORDER after the number (a stray */ reads as
    // space): other punctuation ("2026-11-25T15:00", "10:30", "3.5/5") cannot start one, only the
    // anywhere-forms remain
    const p = s.charCodeAt(k);
    if (k < s.length && !isWordChar(p)) return p === 124 || p === 38 || p === 35 || p === 45 || p === 47 || (p === 42 && s.charCodeAt(k + 1) === 47) || anywhereOnce(s);
    return continuationAt(s, k);
  }
  let j = i;
  if (edgeIn(STMT_START.first, c)) while (j < s.length && j - i < 9 && isWordChar(s.charCodeAt(j))) j++;
  return isWord(STMT_START, s, i, j) || anywhereOnce(s);
}

/** Index after spaces and what the tokenizer skips like space: `/* … *\/`, a stray `*\/`, the opener of `/*!50000`. */
function skipBlank(s: string, i: number): number {
  for (;;) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    const c = s.charCodeAt(i), d = s.charCodeAt(i + 1);
    if (c === 42 && d === 47) { i += 2; continue; }
    if (c !== 47 || d !== 42) return i;
    if (s.charCodeAt(i + 2) === 33) {
      i += 3;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      continue;
    }
    // each search starts past the last comment: linear in all
    const end = s.indexOf('*/', i + 2);
    if (end < 0) return i;
    i = end + 2;
  }
}

// Words that can follow a value (a closing quote, or a number in the bare context) in an injection.
const AFTER_VALUE = words([...LOGIC_WORDS, ...OP_WORDS, ...STMT_WORDS, ...list('order group having union into procedure limit')]);

/** Is the word of at most 32 chars ending just before `end` (skipping ≤ 7 spaces) a dangerous function? */
function funcBefore(s: string, end: number): boolean {
  let j = end - 1;
  while (j >= 0 && end - j < 8 && isSpace(s.charCodeAt(j))) j--;
  const e = j + 1;
  // the word must end like a listed one ("no. 14 (", "5.0 (Windows"): checked before walking back over it
  if (!edgeIn(DANGER_FUNCS.last, s.charCodeAt(j))) return false;
  while (j >= 0 && e - j <= 32 && isWordChar(s.charCodeAt(j))) j--;
  return isWord(DANGER_FUNCS, s, j + 1, e);
}
/** Is the word of at most 10 chars starting at `i` (after ≤ 8 spaces and opening parentheses) one of `w`? */
function wordAfterIs(s: string, i: number, w: Words): boolean {
  const st0 = i;
  while (i < s.length && i - st0 < 8 && (isSpace(s.charCodeAt(i)) || s.charCodeAt(i) === 40)) i++;
  if (!edgeIn(w.first, s.charCodeAt(i))) return false;
  let j = i;
  while (j < s.length && j - i < 10 && isWordChar(s.charCodeAt(j))) j++;
  return isWord(w, s, i, j);
}

/**
 * Anything that can fire wherever it appears: `;` before a statement keyword, `(` after a dangerous
 * function name or before SELECT, `@@`, and the keyword-only forms. A `;` or `(` in prose ("problem;
 * thanks", "cable (2 m)", a User-Agent) does not make the tokenizer run. Each check is bounded.
 */
function anywhereCandidate(s: string, m: number): boolean {
  if (((m & AT) !== 0 && s.indexOf('@@') >= 0) || (ANYWHERE_WORD(m)?.test(s) ?? false)) return true;
  if ((m & SEMI_C) !== 0) for (let i = s.indexOf(';'); i >= 0; i = s.indexOf(';', i + 1)) if (wordAfterIs(s, i + 1, STMT_START)) return true;
  if ((m & LP) !== 0) {
    for (let i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) if (funcBefore(s, i) || wordAfterIs(s, i + 1, SELECT_WORD)) return true;
  }
  return false;
}

/**
 * Cheap test before tokenizing: the token after a value at i must be punctuation or one of the words
 * above, unless an anywhere-construct is present. "it's for my sister" → "s"; "12 Main St." → "Main".
 */
function continuationAt(s: string, i: number): boolean {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (!isWordChar(c) || (c >= 48 && c <= 57)) return true;
  if (!edgeIn(AFTER_VALUE.first, c)) return anywhereOnce(s);
  let j = i + 1;
  while (j < s.length && j - i < 10 && isWordChar(s.charCodeAt(j))) j++;
  return isWord(AFTER_VALUE, s, i, j) || anywhereOnce(s);
}

function quotedCandidate(s: string, q: number): boolean {
  const close = s.indexOf(q === 39 ? "'" : '"');
  return close >= 0 && continuationAt(s, close + 1);
}

// anywhereCandidate for the string being judged, computed at most once: the bare and both quoted
// contexts may all fall back to it. Detection is synchronous, so module state is safe.
let memoM = 0;
let memo = -1;
function anywhereOnce(s: string): boolean {
  if (memo < 0) memo = anywhereCandidate(s, memoM) ? 1 : 0;
  return memo === 1;
}

/** `m` is `classes(s)`: a context whose opening quote is missing cannot be left, so it is not tried. */
function detectSqliRaw(s: string, m: number): string | null {
  memo = -1;
  memoM = m;
  const r = bareCandidate(s) ? inContext(s, 0) : null;
  if (r !== null) return r;
  if ((m & SQ) !== 0 && quotedCandidate(s, 39)) {
    const a = inContext(s, 39);
    if (a !== null) return a;
  }
  if ((m & DQ) !== 0 && quotedCandidate(s, 34)) return inContext(s, 34);
  return null;
}
