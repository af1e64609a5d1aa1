// OS command injection: a shell separator (; | || & && newline ` $( ) followed by a command name.
// English-looking commands (cat, sleep, find…) count only when followed by something argument-like,
// so "Tom & Jerry; cat lovers" is quiet while "; cat /etc/passwd" is not.

import { BRACE, BT, D, DOLLAR, NL, P, PA, SEMI, SL, classes, isAlnum, isWord, list, words, type Words } from './chars.js';

const STRONG = words(list('whoami uname ifconfig ipconfig netstat nc ncat netcat wget curl sh bash zsh ksh csh tcsh dash powershell pwsh cmd cmd.exe powershell.exe nslookup telnet certutil bitsadmin systeminfo tasklist passwd chmod chown sudo busybox tftp xxd printenv hostname id rm ls nohup crontab mkfifo socat useradd openssl timeout wmic reg net.exe rundll32 regsvr32 mshta cscript wscript getent uptime lsb_release'));
const WEAK = words(list('cat sleep ping echo find kill ps type dir env set export touch more head tail less sort grep awk sed cp mv python python3 perl ruby php node java lua dig host net base64 openssl ssh scp eval exec timeout xargs tee who w su chmod shutdown reboot expr od nl rev tac pwd date whoami'));

const ARG_WORDS = words(list('aux user localgroup share use view config start'));

function isSep(c: number): boolean {
  // ; | & newline CR ` (and $( handled by the caller)
  return c === 59 || c === 124 || c === 38 || c === 10 || c === 13 || c === 96;
}
// A command followed by another separator ends a shell statement, except '|': markdown tables
// ("| Name | Type |") put English words between pipes.
function sepArg(c: number): boolean { return isSep(c) && c !== 124; }
function isWs(c: number): boolean { return c === 32 || c === 9; }
function isCmdChar(c: number): boolean { return isAlnum(c) || c === 95 || c === 46 || c === 45; }

// Where readCommand's word starts, and the word itself when shell quoting or a path had to be removed
// (null: the word is s[cmdStart, end) as written). Detection is synchronous, so module state is safe.
let cmdStart = 0;
let cmdWord: string | null = null;

/**
 * Reads a command word at i, skipping shell quoting tricks (w'h'o"am"i, c\at) and /bin/ prefixes.
 * Returns the index after it — bounded to 40 chars so total work stays linear.
 */
function readCommand(s: string, i: number): number {
  const n = s.length;
  // bounded skip of spaces / { / ( so a long run of openers is not rescanned from every position
  const lead = i;
  while (i < n && i - lead < 8 && (isWs(s.charCodeAt(i)) || s.charCodeAt(i) === 123 || s.charCodeAt(i) === 40)) i++;
  // fast path: a plain word is judged where it stands; quoting tricks and paths fall back to char-by-char
  const start = i;
  cmdStart = start;
  cmdWord = null;
  while (i < n && i - start < 40 && isCmdChar(s.charCodeAt(i))) i++;
  const c0 = s.charCodeAt(i);
  if (i === n || !(c0 === 39 || c0 === 34 || c0 === 92 || c0 === 47) || i - start >= 40) return i;
  let w = s.slice(start, i);
  while (i < n && i - start < 40) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 34 || c === 92) { i++; continue; }
    if (c === 47) { w = ''; i++; continue; } // path prefix: keep the basename
    if (!isCmdChar(c)) break;
    w += s[i];
    i++;
  }
  cmdWord = w.toLowerCase();
  return i;
}

/** Is the word readCommand just read (ending at `end`) in `w`? */
function readIn(w: Words, s: string, end: number): boolean {
  return cmdWord === null ? isWord(w, s, cmdStart, end) : w.set.has(cmdWord);
}

function argLike(s: string, i: number): boolean {
  const n = s.length;
  if (s.startsWith('${IFS}', i) || s.startsWith('$IFS', i)) return true;
  if (i >= n) return true;
  const c0 = s.charCodeAt(i);
  if (c0 === 44) return true; // {cat,/etc/passwd}
  if (!isWs(c0) && c0 !== 43) return sepArg(c0) || c0 === 62 || c0 === 60 || c0 === 41 || c0 === 125;
  while (i < n && (isWs(s.charCodeAt(i)) || s.charCodeAt(i) === 43)) i++;
  if (i >= n) return true;
  const c = s.charCodeAt(i);
  if (c === 45) { const d = s.charCodeAt(i + 1); return ((d | 32) >= 97 && (d | 32) <= 122) || d === 45 || (d >= 48 && d <= 57); }
  if (c === 47 || c === 126 || c === 36 || c === 62 || c === 60 || c === 92 || sepArg(c)) return true;
  if (c === 46 && (s.charCodeAt(i + 1) === 47 || s.charCodeAt(i + 1) === 46)) return true;
  if (c === 39 || c === 34) return true;
  if (c >= 48 && c <= 57) {
    // a bare number argument (sleep 5) only when nothing word-like follows it
    let j = i;
    while (j < n && ((s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) || s.charCodeAt(j) === 46)) j++;
    while (j < n && isWs(s.charCodeAt(j))) j++;
    return j >= n || sepArg(s.charCodeAt(j));
  }
  // a path with a slash later in the same word (cat etc/passwd, dir C:\), or a well-known argument word
  let j = i;
  while (j < n && !isWs(s.charCodeAt(j)) && j - i < 64) { const d = s.charCodeAt(j); if (d === 47 || d === 92) return true; j++; }
  return isWord(ARG_WORDS, s, i, j);
}

function commandAt(s: string, i: number, strongSep: boolean): boolean {
  const end = readCommand(s, i);
  if (cmdWord === null ? end === cmdStart : cmdWord === '') return false;
  const c = s.charCodeAt(end);
  const boundary = end >= s.length || isWs(c) || isSep(c) || c === 36 || c === 60 || c === 62 || c === 41 || c === 44 || c === 43 || c === 125 || c === 0;
  if (!boundary) return false;
  if (readIn(STRONG, s, end)) return true;
  if (readIn(WEAK, s, end)) return strongSep || argLike(s, end);
  return false;
}

// The characters the loop below acts on, to jump from one to the next (a linear character class).
const TRIGGER = /[$`{;|&\n\r]/g;
function isTrigger(c: number): boolean { return c === 36 || c === 123 || isSep(c); }

export function detectCmdi(s: string, _raw?: string, m = classes(s)): string | null {
  const n = s.length;
  if (n < 2) return null;
  if ((m & DOLLAR) !== 0 && s.indexOf('IFS') >= 0 && (s.indexOf('${IFS') >= 0 || s.indexOf('$IFS$') >= 0)) return 'cmdi.ifs';
  if ((m & (SL | D | P)) === (SL | D | P) && s.indexOf('/dev/') >= 0 && (s.indexOf('/dev/tcp/') >= 0 || s.indexOf('/dev/udp/') >= 0)) return 'cmdi.reverse-shell';
  const t = m & (SEMI | PA | DOLLAR | NL | BT | BRACE);
  if (t === 0) return null;
  for (let i = 0; i < n; i++) {
    // on to the next trigger: by hand when it is this or the next character (dense input), else natively
    // (indexOf, cheaper than the regex, when ';' is the only trigger: prose, User-Agents, Accept-Language)
    if (!isTrigger(s.charCodeAt(i)) && !isTrigger(s.charCodeAt(++i))) {
      if (t === SEMI) {
        i = s.indexOf(';', i);
        if (i < 0) break;
      } else {
        TRIGGER.lastIndex = i;
        if (!TRIGGER.test(s)) break;
        i = TRIGGER.lastIndex - 1;
      }
    }
    const c = s.charCodeAt(i);
    if (c === 36 && s.charCodeAt(i + 1) === 40 && s.charCodeAt(i + 2) !== 40) {
      // $( … ) command substitution
      if (commandAt(s, i + 2, true)) return 'cmdi.substitution';
    } else if (c === 96) {
      // `…` substitution: markdown also uses backticks, so only a strong command or an argument counts
      const close = s.indexOf('`', i + 1);
      if (close > i && commandAt(s, i + 1, false)) return 'cmdi.substitution';
      if (close < 0) break;
      i = close;
    } else if (c === 123) {
      // {cat,/etc/passwd}: brace expansion runs a command without spaces
      const end = readCommand(s, i + 1);
      if (s.charCodeAt(end) === 44 && (readIn(STRONG, s, end) || readIn(WEAK, s, end))) return 'cmdi.brace-expansion';
    } else if (isSep(c)) {
      let j = i + 1;
      while (j < n && (isSep(s.charCodeAt(j)) && s.charCodeAt(j) !== 96)) j++;
      // && and || almost never occur in prose, so any command after them counts
      const doubled = j - i === 2 && (c === 38 || c === 124) && s.charCodeAt(i + 1) === c;
      if (commandAt(s, j, doubled)) return 'cmdi.separator';
      i = j - 1;
    }
  }
  return null;
}
