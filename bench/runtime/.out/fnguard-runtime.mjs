// packages/runtime/src/detectors/cmdi.ts
var STRONG = /* @__PURE__ */ new Set([
  "whoami",
  "uname",
  "ifconfig",
  "ipconfig",
  "netstat",
  "nc",
  "ncat",
  "netcat",
  "wget",
  "curl",
  "sh",
  "bash",
  "zsh",
  "ksh",
  "csh",
  "tcsh",
  "dash",
  "powershell",
  "pwsh",
  "cmd",
  "cmd.exe",
  "powershell.exe",
  "nslookup",
  "telnet",
  "certutil",
  "bitsadmin",
  "systeminfo",
  "tasklist",
  "passwd",
  "chmod",
  "chown",
  "sudo",
  "busybox",
  "tftp",
  "xxd",
  "printenv",
  "hostname",
  "id",
  "rm",
  "ls",
  "nohup",
  "crontab",
  "mkfifo",
  "socat",
  "useradd",
  "openssl",
  "timeout",
  "wmic",
  "reg",
  "net.exe",
  "rundll32",
  "regsvr32",
  "mshta",
  "cscript",
  "wscript",
  "getent",
  "uptime",
  "lsb_release"
]);
var WEAK = /* @__PURE__ */ new Set([
  "cat",
  "sleep",
  "ping",
  "echo",
  "find",
  "kill",
  "ps",
  "type",
  "dir",
  "env",
  "set",
  "export",
  "touch",
  "more",
  "head",
  "tail",
  "less",
  "sort",
  "grep",
  "awk",
  "sed",
  "cp",
  "mv",
  "python",
  "python3",
  "perl",
  "ruby",
  "php",
  "node",
  "java",
  "lua",
  "dig",
  "host",
  "net",
  "base64",
  "openssl",
  "ssh",
  "scp",
  "eval",
  "exec",
  "timeout",
  "xargs",
  "tee",
  "who",
  "w",
  "su",
  "chmod",
  "shutdown",
  "reboot",
  "expr",
  "od",
  "nl",
  "rev",
  "tac",
  "pwd",
  "date",
  "whoami"
]);
var ARG_WORDS = /* @__PURE__ */ new Set(["aux", "user", "localgroup", "share", "use", "view", "config", "start"]);
function isSep(c) {
  return c === 59 || c === 124 || c === 38 || c === 10 || c === 13 || c === 96;
}
function sepArg(c) {
  return isSep(c) && c !== 124;
}
function isWs(c) {
  return c === 32 || c === 9;
}
function isCmdChar(c) {
  const l = c | 32;
  return l >= 97 && l <= 122 || c >= 48 && c <= 57 || c === 95 || c === 46 || c === 45;
}
function readCommand(s, i) {
  const n = s.length;
  const lead = i;
  while (i < n && i - lead < 8 && (isWs(s.charCodeAt(i)) || s.charCodeAt(i) === 123 || s.charCodeAt(i) === 40)) i++;
  let w = "";
  const start = i;
  while (i < n && i - start < 40) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 34 || c === 92) {
      i++;
      continue;
    }
    if (c === 47) {
      w = "";
      i++;
      continue;
    }
    if (!isCmdChar(c)) break;
    w += s[i];
    i++;
  }
  return [w.toLowerCase(), i];
}
function argLike(s, i) {
  const n = s.length;
  if (s.startsWith("${IFS}", i) || s.startsWith("$IFS", i)) return true;
  if (i >= n) return true;
  const c0 = s.charCodeAt(i);
  if (c0 === 44) return true;
  if (!isWs(c0) && c0 !== 43) return sepArg(c0) || c0 === 62 || c0 === 60 || c0 === 41 || c0 === 125;
  while (i < n && (isWs(s.charCodeAt(i)) || s.charCodeAt(i) === 43)) i++;
  if (i >= n) return true;
  const c = s.charCodeAt(i);
  if (c === 45) {
    const d = s.charCodeAt(i + 1);
    return (d | 32) >= 97 && (d | 32) <= 122 || d === 45 || d >= 48 && d <= 57;
  }
  if (c === 47 || c === 126 || c === 36 || c === 62 || c === 60 || c === 92 || sepArg(c)) return true;
  if (c === 46 && (s.charCodeAt(i + 1) === 47 || s.charCodeAt(i + 1) === 46)) return true;
  if (c === 39 || c === 34) return true;
  if (c >= 48 && c <= 57) {
    let j2 = i;
    while (j2 < n && (s.charCodeAt(j2) >= 48 && s.charCodeAt(j2) <= 57 || s.charCodeAt(j2) === 46)) j2++;
    while (j2 < n && isWs(s.charCodeAt(j2))) j2++;
    return j2 >= n || sepArg(s.charCodeAt(j2));
  }
  let j = i;
  while (j < n && !isWs(s.charCodeAt(j)) && j - i < 64) {
    const d = s.charCodeAt(j);
    if (d === 47 || d === 92) return true;
    j++;
  }
  return ARG_WORDS.has(s.slice(i, j).toLowerCase());
}
function commandAt(s, i, strongSep) {
  const [w, end] = readCommand(s, i);
  if (w.length === 0) return false;
  const c = s.charCodeAt(end);
  const boundary = end >= s.length || isWs(c) || isSep(c) || c === 36 || c === 60 || c === 62 || c === 41 || c === 44 || c === 43 || c === 125 || c === 0;
  if (!boundary) return false;
  if (STRONG.has(w)) return true;
  if (WEAK.has(w)) return strongSep || argLike(s, end);
  return false;
}
function detectCmdi(s) {
  const n = s.length;
  if (n < 2) return null;
  if (s.indexOf("${IFS") >= 0 || s.indexOf("$IFS$") >= 0) return "cmdi.ifs";
  if (s.indexOf("/dev/tcp/") >= 0 || s.indexOf("/dev/udp/") >= 0) return "cmdi.reverse-shell";
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 36 && s.charCodeAt(i + 1) === 40 && s.charCodeAt(i + 2) !== 40) {
      if (commandAt(s, i + 2, true)) return "cmdi.substitution";
    } else if (c === 96) {
      const close = s.indexOf("`", i + 1);
      if (close > i && commandAt(s, i + 1, false)) return "cmdi.substitution";
      if (close < 0) break;
      i = close;
    } else if (c === 123) {
      const [w, end] = readCommand(s, i + 1);
      if (s.charCodeAt(end) === 44 && (STRONG.has(w) || WEAK.has(w))) return "cmdi.brace-expansion";
    } else if (isSep(c)) {
      let j = i + 1;
      while (j < n && (isSep(s.charCodeAt(j)) && s.charCodeAt(j) !== 96)) j++;
      const doubled = j - i === 2 && (c === 38 || c === 124) && s.charCodeAt(i + 1) === c;
      if (commandAt(s, j, doubled)) return "cmdi.separator";
      i = j - 1;
    }
  }
  return null;
}

// packages/runtime/src/detectors/crlf.ts
var HEADERS = /* @__PURE__ */ new Set(["set-cookie", "location", "content-type", "content-length", "content-security-policy", "refresh", "transfer-encoding", "host", "cookie", "authorization", "x-forwarded-for", "access-control-allow-origin", "access-control-allow-credentials", "cache-control", "connection", "x-xss-protection", "content-disposition", "link", "x-frame-options", "strict-transport-security", "set-cookie2", "www-authenticate", "server", "x-powered-by", "status"]);
var LEVELS = ["info", "warn", "warning", "error", "debug", "fatal", "trace", "critical", "notice", "alert", "severe", "audit"];
function isBreak(c) {
  return c === 10 || c === 13 || c === 8232 || c === 8233 || c === 133;
}
var LEVEL_SET = new Set(LEVELS);
function isTokenChar(c) {
  const l = c | 32;
  return l >= 97 && l <= 122 || c >= 48 && c <= 57 || c === 45;
}
function forgedLine(s, i) {
  const n = s.length;
  const st = i;
  while (i < n && i - st < 8 && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  if (i >= n) return null;
  const c0 = s.charCodeAt(i);
  if (c0 === 60) return i > 1 && isBreak(s.charCodeAt(i - 1)) && isBreak(s.charCodeAt(i - 2)) ? "crlf.response-splitting" : null;
  if (c0 === 123) return /^\{\s{0,4}"(?:level|msg|message|severity|time|user)"/.test(s.slice(i, i + 24)) ? "crlf.log-forging" : null;
  const bracket = c0 === 91;
  const ws = bracket ? i + 1 : i;
  let j = ws;
  while (j < n && j - ws < 40 && isTokenChar(s.charCodeAt(j))) j++;
  if (j === ws) return null;
  const word = s.slice(ws, j).toLowerCase();
  const next = s.charCodeAt(j);
  if (!bracket && next === 58 && (HEADERS.has(word) || word.startsWith("x-") || word.startsWith("access-control-"))) return "crlf.header-injection";
  if (!bracket && word === "http" && s.startsWith("/1.", j)) return "crlf.response-splitting";
  if (c0 >= 48 && c0 <= 57 || bracket && s.charCodeAt(ws) >= 48 && s.charCodeAt(ws) <= 57) {
    const head = s.slice(ws, ws + 20);
    return /^\d{4}-\d{2}-\d{2}[tT ]\d{2}:\d{2}/.test(head) || /^\d{2}:\d{2}:\d{2}/.test(head) ? "crlf.log-forging" : null;
  }
  if (LEVEL_SET.has(word) && (next === 58 || next === 93 || next === 32 || next === 124)) {
    return bracket || next === 58 || next === 93 || s.slice(ws, j) === word.toUpperCase() ? "crlf.log-forging" : null;
  }
  return null;
}
function detectCrlf(s, raw) {
  const n = s.length;
  if (s === raw && (/%e5%98%8[ad]/i.test(raw) || raw.indexOf("\u560A") >= 0 || raw.indexOf("\u560D") >= 0)) return "crlf.unicode-truncation";
  if (s === raw && /%(?:25)?0[ad]|%u000[ad]|%e2%80%a[89]/i.test(raw)) {
    const l = raw.toLowerCase();
    if (/%(?:25)?0d%(?:25)?0a/.test(l)) return "crlf.encoded";
  }
  for (let i = 0; i < n; i++) {
    if (!isBreak(s.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < n && isBreak(s.charCodeAt(j)) && j - i < 4) j++;
    const r = forgedLine(s, j);
    if (r !== null) return r;
    i = j - 1;
  }
  return null;
}

// packages/runtime/src/detectors/decode.ts
function hex(c) {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 32;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
function percentDecode(s) {
  let i = s.indexOf("%");
  if (i < 0) return s;
  let out = s.slice(0, i);
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      if ((s.charCodeAt(i + 1) | 32) === 117 && i + 5 < n) {
        const a = hex(s.charCodeAt(i + 2)), b = hex(s.charCodeAt(i + 3));
        const d = hex(s.charCodeAt(i + 4)), e = hex(s.charCodeAt(i + 5));
        if ((a | b | d | e) >= 0) {
          out += String.fromCharCode(a << 12 | b << 8 | d << 4 | e);
          i += 6;
          continue;
        }
      }
      const h = i + 2 < n ? hex(s.charCodeAt(i + 1)) : -1;
      const l = h >= 0 ? hex(s.charCodeAt(i + 2)) : -1;
      if (l >= 0) {
        const v = h << 4 | l;
        if ((v === 192 || v === 193) && s.charCodeAt(i + 3) === 37 && i + 5 < n) {
          const h2 = hex(s.charCodeAt(i + 4)), l2 = hex(s.charCodeAt(i + 5));
          if (h2 >= 0 && l2 >= 0) {
            out += String.fromCharCode((v & 1) << 6 | (h2 << 4 | l2) & 63);
            i += 6;
            continue;
          }
        }
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
function hasEscape(s) {
  let i = s.indexOf("%");
  while (i >= 0 && i + 2 < s.length) {
    const a = s.charCodeAt(i + 1);
    if ((a | 32) === 117 || hex(a) >= 0 && hex(s.charCodeAt(i + 2)) >= 0) return true;
    i = s.indexOf("%", i + 1);
  }
  return false;
}

// packages/runtime/src/detectors/nosql.ts
var OPERATORS = /* @__PURE__ */ new Set([
  "where",
  "ne",
  "eq",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "nin",
  "regex",
  "exists",
  "or",
  "and",
  "nor",
  "not",
  "expr",
  "function",
  "accumulator",
  "elemmatch",
  "size",
  "type",
  "mod",
  "all",
  "text",
  "jsonschema",
  "lookup",
  "merge",
  "out",
  "set",
  "unset",
  "push",
  "rename",
  "inc",
  "options",
  "comment"
]);
function opAt(s, i) {
  let j = i + 1;
  while (j < s.length && j - i <= 12) {
    const c = s.charCodeAt(j) | 32;
    if (c < 97 || c > 122) break;
    j++;
  }
  if (j === i + 1) return false;
  return OPERATORS.has(s.slice(i + 1, j).toLowerCase()) && !isAlnum(s.charCodeAt(j));
}
function isAlnum(c) {
  return c >= 48 && c <= 57 || (c | 32) >= 97 && (c | 32) <= 122 || c === 95;
}
function isOperatorKey(key) {
  if (key.charCodeAt(0) === 36) return opAt(key, 0);
  const b = key.indexOf("[$");
  return b >= 0 && opAt(key, b + 1);
}
var JS_TAIL = ["==", "return", "sleep(", "this.", "while(", "function(", "tojson", "db."];
function detectNosql(s) {
  let i = s.indexOf("$");
  while (i >= 0) {
    let b = i - 1;
    while (b >= 0 && (s.charCodeAt(b) === 32 || s.charCodeAt(b) === 9 || s.charCodeAt(b) === 10) && i - b < 16) b--;
    const p = b < 0 ? 123 : s.charCodeAt(b);
    if ((p === 123 || p === 91 || p === 34 || p === 39 || p === 44) && opAt(s, i)) {
      return "nosql.operator";
    }
    i = s.indexOf("$", i + 1);
  }
  if (s.indexOf("'") < 0 && s.indexOf('"') < 0) return null;
  const l = s.toLowerCase();
  if (!/['"]\s{0,8}(?:;|\|\||&&)/.test(l)) return null;
  for (const t of JS_TAIL) if (l.indexOf(t) >= 0) return "nosql.javascript";
  return null;
}

// packages/runtime/src/detectors/sqli.ts
var STR = 1;
var NUM = 2;
var WORD = 3;
var KW = 4;
var UNION = 5;
var SELECT = 6;
var LOGIC = 7;
var OP = 8;
var FUNC = 9;
var LPAR = 10;
var RPAR = 11;
var COMMA = 12;
var SEMI = 13;
var COMMENT = 14;
var VAR = 15;
var SYSVAR = 16;
var KIND = /* @__PURE__ */ new Map();
for (const w of ["and", "or", "xor", "not"]) KIND.set(w, LOGIC);
for (const w of ["like", "rlike", "regexp", "between", "is", "in", "div", "mod", "sounds"]) KIND.set(w, OP);
for (const w of ["true", "false", "null"]) KIND.set(w, NUM);
KIND.set("union", UNION);
KIND.set("select", SELECT);
for (const w of [
  "from",
  "where",
  "drop",
  "delete",
  "insert",
  "update",
  "into",
  "values",
  "table",
  "exec",
  "execute",
  "declare",
  "waitfor",
  "delay",
  "order",
  "group",
  "by",
  "having",
  "limit",
  "offset",
  "set",
  "truncate",
  "alter",
  "create",
  "shutdown",
  "all",
  "distinct",
  "procedure",
  "outfile",
  "dumpfile",
  "database",
  "user",
  "view",
  "login",
  "time",
  "case",
  "when",
  "then",
  "else",
  "end",
  "top"
]) KIND.set(w, KW);
var DANGER_FUNCS = /* @__PURE__ */ new Set([
  "sleep",
  "benchmark",
  "pg_sleep",
  "load_file",
  "extractvalue",
  "updatexml",
  "xp_cmdshell",
  "dbms_pipe.receive_message",
  "utl_inaddr.get_host_name",
  "randomblob",
  "char",
  "chr",
  "concat",
  "version",
  "database",
  "user",
  "current_user",
  "system_user",
  "ascii",
  "substring",
  "substr",
  "mid",
  "if",
  "iif",
  "convert",
  "cast",
  "count",
  "exp",
  "floor",
  "rand",
  "group_concat",
  "hex",
  "unhex",
  "ord",
  "length",
  "len",
  "db_name",
  "suser_name",
  "is_srvrolemember",
  "make_set",
  "elt",
  "md5",
  "sysdate",
  "now",
  "pg_read_file",
  "lo_import",
  "dblink",
  "openrowset",
  "name_const",
  "geometrycollection"
]);
function isWordChar(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95 || c === 36 || c === 46 || c >= 128;
}
function isSpace(c) {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 160;
}
function skipString(s, i, q) {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === q) {
      if (s.charCodeAt(i + 1) === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return -1;
}
function tokenize(s, q) {
  const n = s.length;
  let i = 0;
  if (q !== 0) {
    i = skipString(s, 0, q);
    if (i < 0) return null;
  }
  const kinds = [];
  const words = [];
  const push = (k, w) => {
    kinds.push(k);
    words.push(w);
  };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 39 || c === 34 || c === 96) {
      const end = skipString(s, i + 1, c);
      push(c === 96 ? WORD : STR, "");
      i = end < 0 ? n : end;
      continue;
    }
    if (c === 45 && s.charCodeAt(i + 1) === 45) {
      push(COMMENT, "--");
      break;
    }
    if (c === 35) {
      push(COMMENT, "#");
      break;
    }
    if (c === 47 && s.charCodeAt(i + 1) === 42) {
      if (s.charCodeAt(i + 2) === 33) {
        i += 3;
        while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
        continue;
      }
      const end = s.indexOf("*/", i + 2);
      if (end < 0) {
        push(COMMENT, "/*");
        break;
      }
      i = end + 2;
      let j = i;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) push(COMMENT, "/*");
      continue;
    }
    if (c === 42 && s.charCodeAt(i + 1) === 47) {
      i += 2;
      continue;
    }
    if (c === 40) {
      push(LPAR, "(");
      i++;
      continue;
    }
    if (c === 41) {
      push(RPAR, ")");
      i++;
      continue;
    }
    if (c === 44) {
      push(COMMA, ",");
      i++;
      continue;
    }
    if (c === 59) {
      push(SEMI, ";");
      i++;
      continue;
    }
    if (c === 64) {
      const sys = s.charCodeAt(i + 1) === 64;
      let j = i + (sys ? 2 : 1);
      const st = j;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      if (j > st) {
        push(sys ? SYSVAR : VAR, "");
        i = j;
        continue;
      }
      push(OP, "@");
      i = j;
      continue;
    }
    if (c === 124 && s.charCodeAt(i + 1) === 124 || c === 38 && s.charCodeAt(i + 1) === 38) {
      push(LOGIC, "&&");
      i += 2;
      continue;
    }
    if (c >= 48 && c <= 57 || c === 46 && s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57) {
      let j = i + 1;
      const hexForm = c === 48 && (s.charCodeAt(j) | 32) === 120;
      if (hexForm) j++;
      let alpha = false;
      while (j < n && isWordChar(s.charCodeAt(j))) {
        const d = s.charCodeAt(j) | 32;
        if (d >= 97 && d <= 122 && d !== 101 && !(hexForm && d <= 102)) alpha = true;
        j++;
      }
      push(alpha ? WORD : NUM, "");
      i = j;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      const raw = j - i <= 32 ? s.slice(i, j).toLowerCase() : "";
      let k = KIND.get(raw) ?? WORD;
      let p = j;
      while (p < n && isSpace(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) === 40 && (k === WORD || raw === "user" || raw === "database" || raw === "if")) k = FUNC;
      push(k, raw);
      i = j;
      continue;
    }
    push(OP, s[i]);
    i++;
  }
  return { kinds, words };
}
var STMT_OBJECT = /* @__PURE__ */ new Set(["table", "database", "user", "view", "procedure", "login", "function", "schema", "trigger", "index"]);
function statementAt(t, i) {
  const k = t.kinds, w = t.words, a = w[i], b = w[i + 1];
  switch (a) {
    case "drop":
    case "truncate":
    case "alter":
    case "create":
      return STMT_OBJECT.has(b ?? "");
    case "delete":
      return b === "from" && k[i + 2] === WORD && (i + 3 >= k.length || k[i + 3] === SEMI || k[i + 3] === COMMENT || w[i + 3] === "where");
    case "insert":
      return b === "into" && (k[i + 2] === WORD || k[i + 2] === FUNC);
    case "update":
      return k[i + 1] === WORD && w[i + 2] === "set" && k[i + 3] === WORD && k[i + 4] === OP;
    case "exec":
    case "execute":
      return k[i + 1] === VAR || k[i + 1] === LPAR || k[i + 1] === FUNC || k[i + 1] === WORD && /^(xp_|sp_|master)/.test(b ?? "");
    case "shutdown":
      return i + 1 >= k.length || k[i + 1] === SEMI || k[i + 1] === COMMENT;
    case "declare":
      return k[i + 1] === VAR;
    case "waitfor":
      return b === "delay" || b === "time";
    case "select":
      return selectAt(t, i);
  }
  return false;
}
function selectAt(t, i) {
  const k = t.kinds, nk = k[i + 1];
  if (nk === FUNC || nk === VAR || nk === SYSVAR || nk === NUM || nk === STR) return true;
  if (nk === OP && t.words[i + 1] === "*") return true;
  if (nk === WORD) {
    if (k[i + 2] === COMMA) return true;
    if (t.words[i + 2] === "from" && k[i + 3] === WORD) {
      const after = k[i + 4];
      return after === void 0 ? false : after === SEMI || after === COMMENT || t.words[i + 4] === "where" || t.words[i + 4] === "limit";
    }
  }
  return false;
}
function isOperand(k) {
  return k === NUM || k === STR || k === WORD || k === VAR || k === SYSVAR || k === FUNC || k === LPAR || k === SELECT;
}
function anywhere(t) {
  const k = t.kinds, w = t.words;
  for (let i = 0; i < k.length; i++) {
    const c = k[i];
    if (c === UNION) {
      let j = i + 1;
      if (w[j] === "all" || w[j] === "distinct") j++;
      while (k[j] === LPAR) j++;
      if (k[j] === SELECT) return "sqli.union";
    } else if (c === SEMI) {
      if (k[i + 1] === KW || k[i + 1] === SELECT) {
        if (statementAt(t, i + 1)) return "sqli.stacked";
      }
    } else if (c === KW) {
      if (w[i] === "waitfor" && (w[i + 1] === "delay" || w[i + 1] === "time")) return "sqli.time";
      if (w[i] === "into" && (w[i + 1] === "outfile" || w[i + 1] === "dumpfile")) return "sqli.file";
    } else if (c === FUNC) {
      const p = k[i - 1];
      if (DANGER_FUNCS.has(w[i]) && (p === LOGIC || p === OP || p === LPAR || p === COMMA || p === SELECT)) return "sqli.function";
      if (w[i] === "xp_cmdshell") return "sqli.function";
    } else if (c === WORD && w[i] === "xp_cmdshell") {
      return "sqli.function";
    } else if (c === SYSVAR) {
      const p = k[i - 1];
      if (p === SELECT || p === OP || p === LOGIC || p === LPAR || p === COMMA || p === UNION) return "sqli.variable";
    }
  }
  return null;
}
function logicTail(t, i, quoted) {
  const k = t.kinds;
  if (k[i] !== LOGIC) return false;
  let j = i + 1;
  if (t.words[j] === "not") j++;
  if (!isOperand(k[j])) return false;
  if (k[j] === FUNC || k[j] === LPAR || k[j] === SELECT) return true;
  const nx = k[j + 1];
  if (nx === OP || nx === LOGIC) return isOperand(k[j + 2]) || k[j + 2] === void 0 || k[j + 2] === COMMENT;
  if (nx === COMMENT || nx === SEMI) return true;
  return quoted && nx === void 0 && (k[j] === NUM || k[j] === STR);
}
function prefixQuoted(t) {
  const k = t.kinds, w = t.words;
  let i = 0;
  while (k[i] === RPAR) i++;
  const c = k[i];
  if (c === void 0) return null;
  if (c === COMMENT) return "sqli.comment";
  if (c === SEMI) {
    const nk = k[i + 1];
    if (nk === void 0 || nk === COMMENT) return "sqli.stacked";
    return null;
  }
  if (c === LOGIC) return logicTail(t, i, true) ? "sqli.tautology" : null;
  if (c === OP) {
    const a = k[i + 1];
    if (a === FUNC || a === SELECT || a === LPAR && k[i + 2] === SELECT) return "sqli.expression";
    if (a === NUM || a === STR || a === WORD) {
      if (k[i + 2] === COMMENT || k[i + 2] === LOGIC) return "sqli.expression";
      const e = k[i + 4];
      if (k[i + 2] === OP && isOperand(k[i + 3]) && (e === void 0 || e === COMMENT || e === LOGIC || e === SEMI || e === RPAR)) return "sqli.expression";
    }
    return null;
  }
  if ((w[i] === "order" || w[i] === "group") && w[i + 1] === "by") return "sqli.orderby";
  if (w[i] === "having" && logicTail({ kinds: [LOGIC, ...k.slice(i + 1, i + 5)], words: ["", ...w.slice(i + 1, i + 5)] }, 0, true)) return "sqli.having";
  if (c === KW && statementAt(t, i)) return "sqli.statement";
  return null;
}
function prefixBare(t) {
  const k = t.kinds, w = t.words;
  let i = 0;
  if (k[0] === OP && w[0] === "-") i++;
  const c = k[i];
  if (c === SELECT || c === KW) return statementAt(t, i) ? "sqli.statement" : null;
  if (c === LPAR && k[i + 1] === SELECT) return selectAt(t, i + 1) ? "sqli.statement" : null;
  if (c !== NUM) return null;
  i++;
  let closed = 0;
  while (k[i] === RPAR) {
    i++;
    closed++;
  }
  if (k[i] === LOGIC && logicTail(t, i, false)) return "sqli.tautology";
  if (closed > 0 && k[i] === COMMENT) return "sqli.comment";
  if (w[i] === "order" && w[i + 1] === "by" && k[i + 2] === NUM) return "sqli.orderby";
  return null;
}
function inContext(s, q) {
  const t = tokenize(s, q);
  if (t === null) return null;
  return anywhere(t) ?? (q === 0 ? prefixBare(t) : prefixQuoted(t));
}
function hasSqlPunct(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 34 || c === 59 || c === 61 || c === 40 || c === 35 || c === 45 || c === 47 || c === 64 || c === 60 || c === 62 || c === 124 || c === 38 || c === 42) return true;
  }
  return false;
}
function detectSqli(s) {
  if (s.length < 4) return null;
  if (!hasSqlPunct(s)) {
    const l = s.length <= 4096 ? s.toLowerCase() : s.slice(0, 4096).toLowerCase();
    if (l.indexOf("union") < 0 && l.indexOf("waitfor") < 0 && l.indexOf("order") < 0 && l.indexOf("select") < 0 && l.indexOf("drop") < 0) return null;
  }
  if (s.indexOf(" ") < 0 && s.indexOf("+") >= 0) {
    const spaced = detectSqliRaw(s.replace(/\+/g, " "));
    if (spaced !== null) return spaced;
  }
  return detectSqliRaw(s);
}
var STMT_START = /* @__PURE__ */ new Set(["select", "drop", "delete", "insert", "update", "exec", "execute", "shutdown", "declare", "waitfor", "truncate", "alter", "create"]);
var ANYWHERE_WORDS = /union|waitfor|outfile|dumpfile|xp_cmdshell/i;
function bareCandidate(s) {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  const c = s.charCodeAt(i);
  if (c === 40) return true;
  if (c >= 48 && c <= 57 || c === 45 || c === 46) {
    let j2 = i + 1;
    while (j2 < s.length && (isWordChar(s.charCodeAt(j2)) || s.charCodeAt(j2) === 41 || s.charCodeAt(j2) === 45)) j2++;
    return continuationAt(s, j2);
  }
  if (anywhereCandidate(s)) return true;
  let j = i;
  while (j < s.length && j - i < 9 && isWordChar(s.charCodeAt(j))) j++;
  return STMT_START.has(s.slice(i, j).toLowerCase());
}
var AFTER_VALUE = /* @__PURE__ */ new Set(["and", "or", "xor", "not", "like", "rlike", "regexp", "between", "is", "in", "div", "mod", "sounds", "order", "group", "having", "union", "select", "drop", "delete", "insert", "update", "exec", "execute", "shutdown", "declare", "waitfor", "truncate", "alter", "create", "into", "procedure", "limit"]);
function anywhereCandidate(s) {
  return s.indexOf(";") >= 0 || s.indexOf("(") >= 0 || s.indexOf("@@") >= 0 || ANYWHERE_WORDS.test(s);
}
function continuationAt(s, i) {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (!isWordChar(c) || c >= 48 && c <= 57) return true;
  let j = i + 1;
  while (j < s.length && j - i < 10 && isWordChar(s.charCodeAt(j))) j++;
  return AFTER_VALUE.has(s.slice(i, j).toLowerCase()) || anywhereCandidate(s);
}
function quotedCandidate(s, q) {
  const close = s.indexOf(q === 39 ? "'" : '"');
  return close >= 0 && continuationAt(s, close + 1);
}
function detectSqliRaw(s) {
  const r = bareCandidate(s) ? inContext(s, 0) : null;
  if (r !== null) return r;
  if (quotedCandidate(s, 39)) {
    const a = inContext(s, 39);
    if (a !== null) return a;
  }
  if (quotedCandidate(s, 34)) return inContext(s, 34);
  return null;
}

// packages/runtime/src/detectors/ssrf.ts
var BAD_SCHEMES = /* @__PURE__ */ new Set(["file", "gopher", "dict", "ldap", "ldaps", "tftp", "jar", "netdoc", "phar", "expect", "sftp", "smb", "php", "data", "ssh2.exec", "dns"]);
var METADATA_HOSTS = /* @__PURE__ */ new Set(["metadata.google.internal", "metadata", "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal", "kubernetes.default.svc"]);
var BARE = ["169.254.169.254", "metadata.google.internal", "fd00:ec2::254", "100.100.100.200", "169.254.170.2"];
function v4(h) {
  const p = h.split(".");
  if (p.length !== 4) return -1;
  let x = 0;
  for (const q of p) {
    if (q.length === 0 || q.length > 3) return -1;
    const v = Number(q);
    if (!Number.isInteger(v) || v > 255) return -1;
    x = x * 256 + v;
  }
  return x;
}
function privateV4(x) {
  const a = Math.floor(x / 16777216), b = Math.floor(x / 65536) % 256;
  return a === 0 || a === 10 || a === 127 || a === 169 && b === 254 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168 || a === 100 && b >= 64 && b <= 127 || a === 198 && (b === 18 || b === 19) || a >= 224;
}
function privateV6(h) {
  const l = h.toLowerCase();
  if (l === "::1" || l === "::") return true;
  if (/^f[cd][0-9a-f]{0,2}:/.test(l) || /^fe[89ab][0-9a-f]?:/.test(l)) return true;
  const m = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(l);
  if (m) return privateV4(parseInt(m[1], 16) * 65536 + parseInt(m[2], 16));
  const d = /^::(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(l);
  return d !== null && privateV4(v4(d[1]));
}
function obfuscatedNumeric(written) {
  if (/^\d+$/.test(written) || /^0x[0-9a-f]+$/i.test(written)) return true;
  const p = written.split(".");
  if (p.length < 2 || p.length > 4) return false;
  let numeric = true, odd = p.length !== 4;
  for (const q of p) {
    if (!/^(?:0x[0-9a-f]*|\d+)$/i.test(q)) {
      numeric = false;
      break;
    }
    if (q.length > 1 && q[0] === "0" || q.length > 3) odd = true;
  }
  return numeric && odd;
}
function embeddedPrivate(host) {
  const m = /(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?:[.-]|$)/.exec(host);
  if (!m) return false;
  const x = v4(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
  return x >= 0 && privateV4(x);
}
function judgeUrl(candidate) {
  const colon = candidate.indexOf(":");
  const scheme = candidate.slice(0, colon).toLowerCase();
  if (BAD_SCHEMES.has(scheme)) return scheme === "data" ? null : "ssrf.scheme";
  let u;
  try {
    u = new URL(candidate);
  } catch {
    return null;
  }
  let host = u.hostname;
  if (host.length === 0) return null;
  if (host.startsWith("[")) host = host.slice(1, -1);
  const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(candidate)?.[1] ?? host;
  if (host === "localhost" || host.endsWith(".localhost") || METADATA_HOSTS.has(host) || host.endsWith(".internal")) return "ssrf.internal-host";
  if (host.includes(":")) return privateV6(host) ? "ssrf.private-ip" : null;
  const x = v4(host);
  if (x >= 0) {
    if (obfuscatedNumeric(written.toLowerCase())) return "ssrf.obfuscated-ip";
    return privateV4(x) ? x === 2852039166 ? "ssrf.metadata" : "ssrf.private-ip" : null;
  }
  return embeddedPrivate(host) ? "ssrf.rebinding" : null;
}
function isSchemeChar(c) {
  const l = c | 32;
  return l >= 97 && l <= 122 || c >= 48 && c <= 57 || c === 43 || c === 45 || c === 46;
}
function isUrlEnd(c) {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 39 || c === 60 || c === 62 || c === 96;
}
function detectSsrf(s) {
  const n = s.length;
  let i = s.indexOf(":");
  let lastEnd = 0;
  while (i > 0) {
    let st = i;
    while (st > lastEnd && isSchemeChar(s.charCodeAt(st - 1))) st--;
    if (st < i) {
      let e = i + 1;
      while (e < n && !isUrlEnd(s.charCodeAt(e))) e++;
      const hasSlashes = s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 47;
      const scheme = s.slice(st, i).toLowerCase();
      if (hasSlashes || BAD_SCHEMES.has(scheme)) {
        const r = judgeUrl(s.slice(st, Math.min(e, st + 2048)));
        if (r !== null) return r;
      }
      lastEnd = e;
      i = s.indexOf(":", Math.max(e, i + 1));
      continue;
    }
    i = s.indexOf(":", i + 1);
  }
  if (s.startsWith("//")) {
    const r = judgeUrl("http:" + s.slice(0, 2048));
    if (r !== null) return r;
  }
  const c0 = s.charCodeAt(0) | 32;
  if (c0 === 49 || c0 === 109 || c0 === 102) {
    const l = s.slice(0, 32).toLowerCase();
    for (const b of BARE) if (l.startsWith(b)) return "ssrf.metadata";
  }
  return null;
}

// packages/runtime/src/detectors/template.ts
var SUSPICIOUS_WORDS = ["constructor", "config", "self", "request", "__class__", "class", "lipsum", "cycler", "joiner", "namespace", "range", "settings", "_self", "process", "global", "require", "runtime", "getclass", "forname", "exec", "popen", "system", "env", "this", "app", "attr"];
var STATEMENTS = ["import", "include", "set", "for", "if", "macro", "raw", "debug", "load", "extends", "block", "call", "filter", "with", "print", "php", "exec"];
function isIdent(c) {
  const l = c | 32;
  return l >= 97 && l <= 122 || c >= 48 && c <= 57 || c === 95 || c === 46 || c === 32 || c === 9 || c === 45 || c === 58;
}
function expression(body, lookups) {
  const l = body.toLowerCase();
  if (lookups) {
    if (l.includes("jndi:") || /^\s*(?:env|sys|java|lower|upper|date|base64|ctx|main|marker|bundle|sd|web|docker|k8s|spring|log4j|event|map|jvmrunargs|::-|\$\{)/.test(l)) return "template.lookup";
  }
  let plain = true;
  for (let i = 0; i < l.length; i++) if (!isIdent(l.charCodeAt(i))) {
    plain = false;
    break;
  }
  if (plain) {
    for (const w of l.split(/[.\s]+/)) if (w === "__class__" || w === "_self" || w === "constructor" || w === "config" || w === "self" || w === "settings" || w.startsWith("__")) return "template.expression";
    return null;
  }
  for (const w of SUSPICIOUS_WORDS) if (l.includes(w)) return "template.expression";
  if (/[()[\]*+'"|/%<>~^!`]/.test(l)) return "template.expression";
  return null;
}
var PAIRS = [["{{", "}}", false], ["${", "}", true], ["#{", "}", false], ["*{", "}", false], ["@{", "}", false], ["~{", "}", false], ["<%", "%>", false], ["[[", "]]", false]];
function detectTemplate(s) {
  for (const [open, close, lookups] of PAIRS) {
    let i2 = s.indexOf(open);
    while (i2 >= 0) {
      const c = s.indexOf(close, i2 + open.length);
      if (c < 0) break;
      const body = s.slice(i2 + open.length, Math.min(c, i2 + open.length + 512));
      if (open === "<%") {
        if (/[a-z0-9]/i.test(body)) return "template.erb";
      } else if (open === "[[") {
        if (body.includes("${") || body.includes("*{")) return "template.expression";
      } else {
        const r = expression(body, lookups);
        if (r !== null) return r;
      }
      i2 = s.indexOf(open, c + close.length);
    }
  }
  let i = s.indexOf("{%");
  while (i >= 0) {
    const c = s.indexOf("%}", i + 2);
    if (c < 0) break;
    const word = /^[\s-]*([a-z]+)/i.exec(s.slice(i + 2, Math.min(c, i + 40)))?.[1]?.toLowerCase();
    if (word !== void 0 && STATEMENTS.includes(word)) return "template.statement";
    i = s.indexOf("{%", c + 2);
  }
  const l = s.toLowerCase();
  if (l.includes("<#assign") || l.includes("<#import") || l.includes("<#include") || l.includes("?new(") || l.includes("#set(") || l.includes("#foreach(") || l.includes("{php}") || l.includes("{$smarty") || l.includes("{system(")) return "template.directive";
  return null;
}

// packages/runtime/src/detectors/traversal.ts
var SENSITIVE = [
  "etc/passwd",
  "etc/shadow",
  "etc/hosts",
  "etc/group",
  "etc/issue",
  "proc/self/",
  "proc/version",
  "windows/win.ini",
  "win.ini",
  "boot.ini",
  "windows/system32",
  "winnt/",
  ".ssh/",
  "id_rsa",
  ".aws/credentials",
  ".git/config",
  ".git/head",
  "web.config",
  "web-inf/",
  ".htaccess",
  ".htpasswd",
  ".bash_history",
  "var/log/",
  "root/",
  "inetpub/",
  "system32/",
  ".env",
  "wp-config.php",
  "appsettings.json"
];
function isSlash(c) {
  return c === 47 || c === 92 || c === 8725 || c === 8726 || c === 65295;
}
function isDot(c) {
  return c === 46 || c === 65294;
}
function scan(s) {
  const n = s.length;
  const r = { segments: 0, evasion: false, sensitive: false, nul: false };
  let lower = null;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) {
      r.nul = true;
      continue;
    }
    if (!isDot(c)) continue;
    let j = i;
    while (j < n && isDot(s.charCodeAt(j))) j++;
    const dots = j - i;
    const prev = i === 0 ? 47 : s.charCodeAt(i - 1);
    const atStart = isSlash(prev) || prev === 61 || prev === 58 || prev === 32 || prev === 34 || prev === 39 || i === 0;
    const next = s.charCodeAt(j);
    if (atStart && dots === 2 && (isSlash(next) || j === n)) {
      r.segments++;
      if (isSlash(next)) {
        lower ??= s.toLowerCase();
        let k = j;
        while (k < n && isSlash(s.charCodeAt(k))) k++;
        if (!r.sensitive) {
          for (const t of SENSITIVE) if (lower.startsWith(t, k)) {
            r.sensitive = true;
            break;
          }
        }
      }
    } else if (atStart && dots === 2 && next === 59 && isSlash(s.charCodeAt(j + 1))) {
      r.evasion = true;
    } else if (dots >= 4 && isSlash(next) && isSlash(s.charCodeAt(j + 1))) {
      r.evasion = true;
    } else if (dots === 2 && (next === 46 || isSlash(next)) && s.charCodeAt(j + 1) === 46 && s.charCodeAt(j + 2) === 47) {
      r.evasion = true;
    }
    i = j - 1;
  }
  return r;
}
function absoluteSensitive(s) {
  const l = s.toLowerCase();
  for (const t of ["/etc/passwd", "/etc/shadow", "/proc/self/", "c:\\windows\\", "c:/windows/", "\\windows\\win.ini", "file:///etc/", "/.aws/credentials", "/.ssh/id_rsa"]) {
    const k = l.indexOf(t);
    if (k >= 0) {
      const p = k === 0 ? 32 : l.charCodeAt(k - 1);
      if (!((p | 32) >= 97 && (p | 32) <= 122) && !(p >= 48 && p <= 57)) return true;
    }
  }
  return false;
}
function detectTraversal(s, raw) {
  const slash = s.indexOf("/") >= 0 || s.indexOf("\\") >= 0;
  if (slash && absoluteSensitive(s)) return "traversal.sensitive-file";
  const r = scan(s);
  if (r.nul) return "traversal.nul-byte";
  if (r.evasion) return "traversal.evasion";
  if (r.segments >= 2) return "traversal.dot-dot";
  if (r.segments === 1 && r.sensitive) return "traversal.sensitive-file";
  if (s !== raw && r.segments > scan(raw).segments) return "traversal.encoded";
  return null;
}

// packages/runtime/src/detectors/xss.ts
var DANGEROUS_TAGS = /* @__PURE__ */ new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "meta",
  "base",
  "link",
  "portal",
  "xss",
  "xml",
  "import",
  "isindex",
  "svg",
  "math",
  "template",
  "noscript",
  "style",
  "marquee",
  "handler"
]);
var URL_ATTRS = /* @__PURE__ */ new Set(["href", "src", "action", "formaction", "data", "background", "poster", "xlink:href", "dynsrc", "lowsrc", "codebase", "to", "values", "from"]);
var NAMED = { colon: ":", tab: "", newline: "", lpar: "(", rpar: ")", quot: '"', apos: "'", lt: "<", gt: ">", amp: "&", sol: "/" };
function deobfuscate(v) {
  let out = "";
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
        while (j < n && j - st < 8 && /[0-9a-f]/i.test(v[j]) && (hexForm || /\d/.test(v[j]))) j++;
        if (j > st) num = parseInt(v.slice(st, j), hexForm ? 16 : 10);
        if (num >= 0) {
          if (v.charCodeAt(j) === 59) j++;
          if (num > 32 && num < 1114112) out += String.fromCodePoint(num);
          i = j - 1;
          continue;
        }
      } else {
        const st = j;
        while (j < n && j - st < 10 && /[a-z]/i.test(v[j])) j++;
        const name = v.slice(st, j).toLowerCase();
        const rep = NAMED[name];
        if (rep !== void 0) {
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
function scriptUrl(v) {
  const d = deobfuscate(v);
  return d.startsWith("javascript:") || d.startsWith("vbscript:") || d.startsWith("data:text/html") || d.startsWith("livescript:") || d.startsWith("data:image/svg+xml") || d.startsWith("data:application/x-javascript");
}
function isNameChar(c) {
  const l = c | 32;
  return l >= 97 && l <= 122 || c >= 48 && c <= 57 || c === 45 || c === 58 || c === 95;
}
function isTagWs(c) {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 47;
}
function tagAt(s, i) {
  const n = s.length;
  let j = i + 1;
  const st = j;
  while (j < n && isNameChar(s.charCodeAt(j))) j++;
  if (j === st) return [null, i + 1];
  const name = s.slice(st, Math.min(j, st + 16)).toLowerCase();
  const after = s.charCodeAt(j);
  if (j < n && !isTagWs(after) && after !== 62) return [null, j];
  if (DANGEROUS_TAGS.has(name)) return ["xss.tag", j];
  while (j < n) {
    let c = s.charCodeAt(j);
    if (c === 62 || c === 60) return [null, j];
    if (isTagWs(c) || c === 34 || c === 39) {
      j++;
      continue;
    }
    const an = j;
    while (j < n && !isTagWs(s.charCodeAt(j)) && s.charCodeAt(j) !== 61 && s.charCodeAt(j) !== 62) j++;
    const attr = s.slice(an, Math.min(j, an + 24)).toLowerCase();
    while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9 || s.charCodeAt(j) === 10)) j++;
    if (s.charCodeAt(j) !== 61) {
      if (j === an) j++;
      continue;
    }
    j++;
    while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9 || s.charCodeAt(j) === 10)) j++;
    if (attr.length > 2 && attr.startsWith("on")) return ["xss.event-handler", j];
    c = s.charCodeAt(j);
    let vs = j, ve;
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
    if (URL_ATTRS.has(attr) && scriptUrl(value)) return ["xss.script-url", j];
    if (attr === "srcdoc") return ["xss.srcdoc", j];
    if (attr === "style") {
      const d = deobfuscate(value);
      if (d.includes("expression(") || d.includes("javascript:") || d.includes("-moz-binding") || d.includes("behavior:")) return ["xss.css", j];
    }
  }
  return [null, j];
}
var SINKS = ["alert(", "prompt(", "confirm(", "eval(", "document.cookie", "document.domain", "document.write(", "window.location", "settimeout(", "setinterval(", "fromcharcode(", "atob(", "fetch(", "import(", "constructor(", "location.href", "location=", "top[", "self["];
function detectXss(s) {
  const n = s.length;
  let lt = s.indexOf("<");
  while (lt >= 0 && lt < n - 1) {
    const [rule, next] = tagAt(s, lt);
    if (rule !== null) return rule;
    lt = s.indexOf("<", Math.max(next, lt + 1));
  }
  const colon = s.indexOf(":");
  if (colon >= 0) {
    const l = s.toLowerCase();
    for (const scheme of ["javascript", "vbscript", "livescript"]) {
      const k = l.indexOf(scheme);
      if (k >= 0 && k < 64 && scriptUrl(l.slice(k))) {
        const p = k === 0 ? 32 : l.charCodeAt(k - 1);
        if (!((p | 32) >= 97 && (p | 32) <= 122)) return "xss.script-url";
      }
    }
    if ((s.indexOf("&") >= 0 || s.indexOf("	") >= 0) && scriptUrl(s.trimStart())) return "xss.script-url";
    if (l.indexOf("expression(") >= 0 && l.indexOf("style") >= 0) return "xss.css";
  }
  if (/["'][^<>"']{0,64}?[\s/]on[a-z]{3,24}\s{0,4}=/i.test(s)) return "xss.attribute-breakout";
  if ((s.indexOf("'") >= 0 || s.indexOf('"') >= 0 || s.indexOf("`") >= 0) && (s.indexOf("(") >= 0 || s.indexOf(".") >= 0 || s.indexOf("=") >= 0)) {
    const l = s.toLowerCase();
    for (const sink of SINKS) {
      let k = l.indexOf(sink);
      while (k > 0) {
        let p = k - 1, steps = 0;
        while (p >= 0 && steps < 6 && ";+-*/|&)}, 	".indexOf(l[p]) >= 0) {
          p--;
          steps++;
        }
        const q = l[p];
        if (steps > 0 && (q === "'" || q === '"' || q === "`")) return "xss.js-breakout";
        k = l.indexOf(sink, k + 1);
      }
    }
  }
  return null;
}

// packages/runtime/src/detectors/index.ts
var DETECTOR_NAMES = ["sqli", "nosql", "cmdi", "traversal", "ssrf", "xss", "template", "crlf"];
var DETECTORS = {
  sqli: detectSqli,
  nosql: detectNosql,
  cmdi: detectCmdi,
  traversal: detectTraversal,
  ssrf: detectSsrf,
  xss: detectXss,
  template: detectTemplate,
  crlf: detectCrlf
};
var Q = 1;
var SEMI2 = 2;
var PIPE_AMP = 4;
var DOLLAR = 8;
var PAREN = 16;
var LT = 32;
var BRACE = 64;
var SLASH = 128;
var DOT = 256;
var PCT = 512;
var COLON = 1024;
var HASH = 2048;
var EQ = 4096;
var NL = 8192;
var DASH = 16384;
var AT = 32768;
var STAR = 65536;
var BACKTICK = 131072;
var NUL = 262144;
var BRACKET = 524288;
var CLASS = new Uint32Array(128);
var setc = (chars, bit) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)] |= bit;
};
setc(`'"`, Q);
setc(";", SEMI2);
setc("|&", PIPE_AMP);
setc("$", DOLLAR);
setc("()", PAREN);
setc("<>", LT);
setc("{}", BRACE);
setc("/\\", SLASH);
setc(".", DOT);
setc("%", PCT);
setc(":", COLON);
setc("#", HASH);
setc("=", EQ);
setc("\r\n", NL);
setc("-", DASH);
setc("@", AT);
setc("*", STAR);
setc("`", BACKTICK);
setc("\0", NUL);
setc("[]", BRACKET);
setc("+", Q | SEMI2);
function classes(s) {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) m |= CLASS[c];
    else if (c === 8232 || c === 8233 || c === 133) m |= NL;
    else if (c === 65294 || c === 8725 || c === 8726 || c === 65295) m |= SLASH | DOT;
    else if (c === 22026 || c === 22029) m |= NL;
  }
  return m;
}
var NEEDS = {
  sqli: Q | SEMI2 | PIPE_AMP | PAREN | LT | SLASH | HASH | EQ | DASH | AT | STAR,
  nosql: DOLLAR | Q,
  cmdi: SEMI2 | PIPE_AMP | DOLLAR | NL | BACKTICK | BRACE,
  traversal: SLASH | NUL | PCT,
  ssrf: COLON | SLASH | DOT,
  xss: LT | COLON | Q | BACKTICK | PCT,
  template: BRACE | LT | HASH | PCT | DOLLAR | BRACKET,
  crlf: NL | PCT
};
function scanString(s, enabled) {
  if (s.length < 2) return [];
  const m = classes(s);
  let hits = null;
  if (m === 0) {
    if (s.length < 10 || !enabled.includes("sqli")) return [];
    const r = detectSqli(s);
    return r === null ? [] : [{ detector: "sqli", rule: r }];
  }
  const d1 = (m & PCT) !== 0 && hasEscape(s) ? percentDecode(s) : s;
  const d2 = d1 !== s && hasEscape(d1) ? percentDecode(d1) : d1;
  for (const name of enabled) {
    const det = DETECTORS[name];
    if (d1 === s && (m & NEEDS[name]) === 0 && !(name === "sqli" && s.length >= 10)) continue;
    const rule = det(s, s) ?? (d1 !== s ? det(d1, s) : null) ?? (d2 !== d1 ? det(d2, s) : null);
    if (rule !== null) (hits ??= []).push({ detector: name, rule });
  }
  return hits ?? [];
}

// packages/runtime/src/events/ocsf.ts
var SEVERITY_ID = { low: 2, medium: 3, high: 4, critical: 5 };
var PROVIDER = { aws: "AWS", azure: "Azure", gcp: "GCP", unknown: "Unknown" };
var TITLES = {
  sqli: "SQL injection",
  nosql: "NoSQL operator injection",
  cmdi: "OS command injection",
  traversal: "Path traversal",
  ssrf: "Server-side request forgery target",
  xss: "Cross-site scripting",
  template: "Template injection",
  crlf: "CRLF / log injection",
  validation: "Event failed validation",
  limits: "Event exceeded size limits",
  prototype: "Prototype pollution key",
  header: "Malformed or spoofed header",
  rate: "Excessive invocation",
  secrets: "Secret exposed in environment",
  internal: "Guard internal error",
  "content-type": "Unexpected content type"
};
var SECRET_NAME = /authorization|cookie|token|secret|passw|pwd|api[-_]?key|session|credential|private|signature|jwt|bearer/i;
var SECRET_VALUE = [
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  // JWT
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:ghp|gho|ghs|ghu|github_pat|xox[abprs]|sk_live|sk_test|rk_live|glpat)[-_][A-Za-z0-9_-]{8,}/g,
  /\b[Bb]earer\s+[A-Za-z0-9._~+/=-]{8,}/g,
  /\b[Bb]asic\s+[A-Za-z0-9+/=]{8,}/g,
  /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/g
];
function redactValue(value, location = "") {
  if (SECRET_NAME.test(location)) return "[REDACTED]";
  let out = value;
  for (const re of SECRET_VALUE) out = out.replace(re, "[REDACTED]");
  return out;
}
function excerpt(v, location) {
  const r = redactValue(v.length > 256 ? v.slice(0, 256) : v, location);
  return r.length > 96 ? `${r.slice(0, 96)}\u2026` : r;
}
var counter = 0;
function uid() {
  counter = (counter + 1) % 16777216;
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 16777216).toString(36)}-${counter.toString(36)}`;
}
var PRODUCT = { name: "fnguard", vendor_name: "fnguard", version: "0.1.0" };
function buildFinding(f, ctx, now = Date.now()) {
  const title = TITLES[f.category] ?? f.category;
  const blocked = f.action === "blocked";
  const ev = {
    class_uid: 2004,
    class_name: "Detection Finding",
    category_uid: 2,
    category_name: "Findings",
    activity_id: 1,
    activity_name: "Create",
    type_uid: 200401,
    severity_id: SEVERITY_ID[f.severity],
    severity: f.severity[0].toUpperCase() + f.severity.slice(1),
    time: now,
    status_id: 1,
    action_id: blocked ? 2 : 1,
    action: blocked ? "Denied" : "Allowed",
    disposition_id: blocked ? 2 : 1,
    disposition: blocked ? "Blocked" : "Allowed",
    message: `${title} (${f.rule}) in ${f.location}: ${f.action}`,
    metadata: { version: "1.3.0", product: PRODUCT },
    finding_info: { title, uid: uid(), types: [f.category, f.rule], analytic: { name: f.rule, type_id: 1, type: "Rule" } },
    resources: [{ type: "function", ...ctx.functionName !== void 0 ? { name: ctx.functionName } : {} }],
    cloud: { provider: PROVIDER[ctx.platform], ...ctx.region !== void 0 ? { region: ctx.region } : {} },
    unmapped: { cold_start: ctx.coldStart, rule: f.rule, action_taken: f.action, source: ctx.source, location: f.location }
  };
  if (ctx.functionName !== void 0) ev.unmapped.function_name = ctx.functionName;
  if (ctx.requestId !== void 0) ev.unmapped.request_id = ctx.requestId;
  if (ctx.principal !== void 0) ev.actor = { user: { uid: redactValue(ctx.principal) } };
  if (ctx.sourceIp !== void 0) ev.src_endpoint = { ip: ctx.sourceIp };
  ev.evidences = [{ data: { location: f.location, ...f.evidence !== void 0 ? { excerpt: excerpt(f.evidence, f.location) } : {} } }];
  return ev;
}
var stdoutSink = (line) => {
  process.stdout.write(`${line}
`);
};
function emit(sink, f, ctx) {
  const ev = buildFinding(f, ctx);
  sink(JSON.stringify(ev), ev);
}

// packages/runtime/src/headers/headers.ts
function normalizeHeaders(single, multi) {
  const out = {};
  if (multi !== null && typeof multi === "object") {
    for (const [k, v] of Object.entries(multi)) {
      if (Array.isArray(v)) out[k.toLowerCase()] = v.filter((x) => typeof x === "string").join(", ");
    }
  }
  if (single !== null && typeof single === "object") {
    for (const [k, v] of Object.entries(single)) {
      const l = k.toLowerCase();
      if (typeof v === "string" && out[l] === void 0) out[l] = v;
      else if (Array.isArray(v) && out[l] === void 0) out[l] = v.filter((x) => typeof x === "string").join(", ");
    }
  }
  return out;
}
var SPOOFABLE = ["x-forwarded-for", "x-real-ip", "forwarded", "x-client-ip", "true-client-ip", "cf-connecting-ip", "x-cluster-client-ip", "fastly-client-ip", "x-forwarded-host", "x-original-url", "x-rewrite-url", "x-host"];
function badHeaderValue(v) {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0) return true;
  }
  return false;
}
function clientIp(headers, platformIp, trustedHops) {
  if (platformIp !== void 0 && platformIp !== "") return platformIp;
  if (trustedHops <= 0) return void 0;
  const xff = headers["x-forwarded-for"];
  if (xff === void 0) return void 0;
  const parts = xff.split(",");
  const ip = parts[parts.length - trustedHops]?.trim();
  if (ip === void 0 || ip === "") return void 0;
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip);
  return m ? m[1] : ip.replace(/^\[|\](?::\d+)?$/g, "");
}
var DEFAULT_SECURITY_HEADERS = {
  hsts: "max-age=31536000; includeSubDomains",
  contentTypeOptions: "nosniff",
  frameOptions: "DENY",
  referrerPolicy: "no-referrer",
  // an API response has no business loading anything
  csp: "default-src 'none'; frame-ancestors 'none'",
  authenticatedCacheControl: "no-store",
  permissionsPolicy: "interest-cohort=()",
  crossOriginOpenerPolicy: "same-origin"
};
var NAMES = [
  ["hsts", "Strict-Transport-Security"],
  ["contentTypeOptions", "X-Content-Type-Options"],
  ["frameOptions", "X-Frame-Options"],
  ["referrerPolicy", "Referrer-Policy"],
  ["csp", "Content-Security-Policy"],
  ["permissionsPolicy", "Permissions-Policy"],
  ["crossOriginOpenerPolicy", "Cross-Origin-Opener-Policy"]
];
function securityHeaders(opts, present, authenticated) {
  const out = [];
  for (const [key, name] of NAMES) {
    const v = opts[key];
    if (v !== false && !present(name.toLowerCase())) out.push([name, v]);
  }
  if (authenticated && opts.authenticatedCacheControl !== false && !present("cache-control")) out.push(["Cache-Control", opts.authenticatedCacheControl]);
  return out;
}
function parseCookies(header) {
  const out = [];
  for (const raw of header.split(";")) {
    const part = raw.trim();
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    out.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
  }
  return out;
}

// packages/runtime/src/limits/rate.ts
var LocalRateLimiter = class {
  constructor(limit, windowMs, maxKeys = 1e4) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }
  limit;
  windowMs;
  maxKeys;
  windows = /* @__PURE__ */ new Map();
  /** Counts one hit; true when the key is over its limit. */
  hit(key, now = Date.now()) {
    let w = this.windows.get(key);
    if (w === void 0 || now - w.start >= this.windowMs) {
      if (w === void 0 && this.windows.size >= this.maxKeys) {
        const first = this.windows.keys().next();
        if (first.done !== true) this.windows.delete(first.value);
      }
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit;
  }
};
var SCRIPT = "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return c";
var RedisRateLimiter = class {
  constructor(opts) {
    this.opts = opts;
    this.prefix = opts.prefix ?? "fnguard:rl";
    this.windowMs = opts.windowMs ?? 6e4;
  }
  opts;
  prefix;
  windowMs;
  /** Counts one hit in the shared window; true when over the limit. Redis errors propagate to the caller. */
  async hit(key, now = Date.now()) {
    const window = Math.floor(now / this.windowMs);
    const count = await this.opts.client.eval(SCRIPT, 1, `${this.prefix}:${key}:${window}`, this.windowMs);
    return Number(count) > this.opts.limit;
  }
};
function rateKey(by, ip, principal) {
  if (by === "principal" && principal !== void 0) return `p:${principal}`;
  if (by === "ip" && ip !== void 0) return `ip:${ip}`;
  return "global";
}

// packages/runtime/src/validate/schema.ts
var KNOWN = /* @__PURE__ */ new Set(["type", "enum", "const", "properties", "required", "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "$ref", "$defs", "definitions", "$schema", "$id", "title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly"]);
var UnsupportedSchemaError = class extends Error {
  constructor(keyword, at) {
    super(`fnguard: JSON Schema keyword "${keyword}" at ${at || "/"} is not supported by the built-in validator; use a Standard Schema validator (e.g. zod) for it`);
    this.name = "UnsupportedSchemaError";
  }
};
function checkSupported(s, at, seen) {
  if (typeof s !== "object" || s === null || seen.has(s)) return;
  seen.add(s);
  for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new UnsupportedSchemaError(k, at);
  const sub = (x, p) => {
    if (x && typeof x === "object") checkSupported(x, p, seen);
  };
  for (const [k, v] of Object.entries(s.properties ?? {})) sub(v, `${at}/properties/${k}`);
  for (const [k, v] of Object.entries(s.$defs ?? {})) sub(v, `${at}/$defs/${k}`);
  for (const [k, v] of Object.entries(s.definitions ?? {})) sub(v, `${at}/definitions/${k}`);
  if (typeof s.additionalProperties === "object") sub(s.additionalProperties, `${at}/additionalProperties`);
  sub(s.items, `${at}/items`);
  sub(s.not, `${at}/not`);
  for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) (s[key] ?? []).forEach((x, i) => sub(x, `${at}/${key}/${i}`));
}
function typeOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "number") return Number.isInteger(v) ? "integer" : "number";
  if (t === "string" || t === "boolean" || t === "object") return t;
  return t === "undefined" ? "undefined" : "other";
}
function codePoints(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 55296 && c <= 56319) {
      n--;
      i++;
    }
  }
  return n;
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual(a[k], b[k]));
}
function check(s, v, at, root, depth) {
  const fail = (extra) => `/${(extra === void 0 ? at : [...at, extra]).join("/")}`;
  if (depth > 64) return fail();
  if (s.$ref !== void 0) {
    const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(s.$ref);
    const target = m ? (m[1] === "$defs" ? root.$defs : root.definitions)?.[m[2]] : s.$ref === "#" ? root : void 0;
    if (target === void 0) return fail();
    const r = check(target, v, at, root, depth + 1);
    if (r !== null) return r;
  }
  const t = typeOf(v);
  if (s.type !== void 0) {
    const okType = (x) => x === t || x === "number" && t === "integer";
    if (Array.isArray(s.type) ? !s.type.some(okType) : !okType(s.type)) return fail();
  }
  if (s.const !== void 0 && !deepEqual(s.const, v)) return fail();
  if (s.enum !== void 0 && !s.enum.some((e) => deepEqual(e, v))) return fail();
  if (t === "string") {
    const len = codePoints(v);
    if (s.minLength !== void 0 && len < s.minLength || s.maxLength !== void 0 && len > s.maxLength) return fail();
  } else if (t === "number" || t === "integer") {
    const n = v;
    if (s.minimum !== void 0 && n < s.minimum || s.maximum !== void 0 && n > s.maximum) return fail();
    if (s.exclusiveMinimum !== void 0 && n <= s.exclusiveMinimum || s.exclusiveMaximum !== void 0 && n >= s.exclusiveMaximum) return fail();
    if (s.multipleOf !== void 0 && Math.abs(n / s.multipleOf - Math.round(n / s.multipleOf)) > 1e-9) return fail();
  } else if (t === "array") {
    const a = v;
    if (s.minItems !== void 0 && a.length < s.minItems || s.maxItems !== void 0 && a.length > s.maxItems) return fail();
    if (s.uniqueItems === true) {
      for (let i = 0; i < a.length; i++) for (let j = 0; j < i; j++) if (deepEqual(a[i], a[j])) return fail(i);
    }
    for (let i = 0; i < a.length; i++) {
      const item = s.prefixItems?.[i] ?? s.items;
      if (item === void 0) continue;
      at.push(i);
      const r = check(item, a[i], at, root, depth + 1);
      at.pop();
      if (r !== null) return r;
    }
  } else if (t === "object") {
    const o = v;
    const keys = Object.keys(o);
    if (s.minProperties !== void 0 && keys.length < s.minProperties || s.maxProperties !== void 0 && keys.length > s.maxProperties) return fail();
    if (s.required !== void 0) {
      for (const r of s.required) if (!Object.prototype.hasOwnProperty.call(o, r)) return fail(r);
    }
    for (const k of keys) {
      const p = s.properties !== void 0 && Object.prototype.hasOwnProperty.call(s.properties, k) ? s.properties[k] : void 0;
      if (p === void 0 && s.additionalProperties === false) return fail(k);
      const sub = p ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : void 0);
      if (sub === void 0) continue;
      at.push(k);
      const r = check(sub, o[k], at, root, depth + 1);
      at.pop();
      if (r !== null) return r;
    }
  }
  if (s.allOf !== void 0) for (const x of s.allOf) {
    const r = check(x, v, at, root, depth + 1);
    if (r !== null) return r;
  }
  if (s.anyOf !== void 0 && !s.anyOf.some((x) => check(x, v, at, root, depth + 1) === null)) return fail();
  if (s.oneOf !== void 0 && s.oneOf.filter((x) => check(x, v, at, root, depth + 1) === null).length !== 1) return fail();
  if (s.not !== void 0 && check(s.not, v, at, root, depth + 1) === null) return fail();
  return null;
}
function isStandard(s) {
  return typeof s === "object" && s !== null && "~standard" in s;
}
function compileSchema(schema) {
  if (isStandard(schema)) {
    const std = schema["~standard"];
    const done = (r) => r.issues === void 0 ? { ok: true, value: r.value } : { ok: false, value: void 0, path: r.issues[0]?.path?.map((p) => String(typeof p === "object" ? p.key : p)).join("/") ?? "" };
    return (v) => {
      const r = std.validate(v);
      return r instanceof Promise ? r.then(done) : done(r);
    };
  }
  checkSupported(schema, "", /* @__PURE__ */ new Set());
  return (v) => {
    const path = check(schema, v, [], schema, 0);
    return path === null ? { ok: true, value: v } : { ok: false, value: void 0, path };
  };
}

// packages/runtime/src/validate/walk.ts
var DEFAULT_LIMITS = { maxBodyBytes: 1048576, maxDepth: 32, maxKeys: 2e3, maxStringLength: 65536 };
function protoKey(k) {
  return k === "__proto__" || k.includes("__proto__") || k.includes("constructor") && k.includes("prototype");
}
function add(st, f) {
  st.findings.push(f);
  if (f.action === "blocked") st.stop = true;
}
function walk(v, location, cfg, st, depth = 0, detectors = cfg.enabled) {
  walkAt(v, [location], cfg, st, depth, detectors);
}
function where(path) {
  return path.join("");
}
function walkAt(v, path, cfg, st, depth, detectors) {
  if (st.stop) return;
  if (typeof v === "string") {
    scanAt(v, path, cfg, st, detectors);
    return;
  }
  if (typeof v !== "object" || v === null) return;
  if (depth >= cfg.limits.maxDepth) {
    add(st, { category: "limits", rule: "limits.depth", location: where(path), action: cfg.structural, severity: "medium" });
    return;
  }
  if (Array.isArray(v)) {
    st.keys += v.length;
    if (st.keys > cfg.limits.maxKeys) {
      add(st, { category: "limits", rule: "limits.keys", location: where(path), action: cfg.structural, severity: "medium" });
      return;
    }
    for (let i = 0; i < v.length && !st.stop; i++) {
      path.push(`[${i}]`);
      walkAt(v[i], path, cfg, st, depth + 1, detectors);
      path.pop();
    }
    return;
  }
  const keys = Object.keys(v);
  st.keys += keys.length;
  if (st.keys > cfg.limits.maxKeys) {
    add(st, { category: "limits", rule: "limits.keys", location: where(path), action: cfg.structural, severity: "medium" });
    return;
  }
  for (const k of keys) {
    if (st.stop) return;
    path.push(k.length > 64 ? `.${k.slice(0, 64)}\u2026` : `.${k}`);
    const val = v[k];
    if (protoKey(k) || k === "constructor" && typeof val === "object" && val !== null && "prototype" in val) {
      add(st, { category: "prototype", rule: "prototype.key", location: where(path), action: cfg.structural, severity: "high" });
    } else if (cfg.modes.nosql !== "off" && isOperatorKey(k)) {
      add(st, { category: "nosql", rule: "nosql.operator-key", location: where(path), action: cfg.modes.nosql === "block" ? "blocked" : "monitored", severity: "high", evidence: k });
    } else {
      if (k.length > 1) {
        path.push("(key)");
        scanAt(k, path, cfg, st, detectors);
        path.pop();
      }
      walkAt(val, path, cfg, st, depth + 1, detectors);
    }
    path.pop();
  }
}
function scanAt(s, path, cfg, st, detectors) {
  if (s.length > cfg.limits.maxStringLength) {
    add(st, { category: "limits", rule: "limits.string-length", location: where(path), action: cfg.structural, severity: "medium" });
    return;
  }
  if (detectors.length === 0) return;
  const hits = scanString(s, detectors);
  if (hits.length === 0) return;
  const location = where(path);
  for (const h of hits) {
    const mode = cfg.modes[h.detector];
    if (mode === "off") continue;
    add(st, { category: h.detector, rule: h.rule, location, action: mode === "block" ? "blocked" : "monitored", severity: "high", evidence: s });
  }
}

// packages/runtime/src/core.ts
var DEFAULT_CONTENT_TYPES = ["application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data", "application/cloudevents+json"];
var GENERIC_BODIES = {
  400: '{"message":"Bad Request"}',
  413: '{"message":"Payload Too Large"}',
  415: '{"message":"Unsupported Media Type"}',
  429: '{"message":"Too Many Requests"}',
  500: '{"message":"Internal Server Error"}'
};
var OPAQUE_HEADERS = /* @__PURE__ */ new Set(["authorization", "proxy-authorization", "cookie", "x-api-key", "x-amz-security-token"]);
var NO_SSRF = DETECTOR_NAMES.filter((d) => d !== "ssrf");
var coldStart = true;
function takeColdStart() {
  const c = coldStart;
  coldStart = false;
  return c;
}
var Engine = class {
  cfg;
  opts;
  sink;
  headerOpts;
  schemas = /* @__PURE__ */ new Map();
  local;
  shared;
  headerDetectors;
  contentTypes;
  constructor(opts = {}) {
    this.opts = opts;
    const base = opts.mode ?? "block";
    const modes = {};
    for (const d of DETECTOR_NAMES) modes[d] = opts.detectors?.[d] ?? base;
    const enabled = DETECTOR_NAMES.filter((d) => modes[d] !== "off");
    this.cfg = {
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      enabled,
      modes,
      structural: opts.structural === "monitor" ? "monitored" : "blocked"
    };
    this.headerDetectors = enabled.filter((d) => NO_SSRF.includes(d));
    this.sink = opts.sink ?? stdoutSink;
    this.headerOpts = opts.securityHeaders === false ? false : { ...DEFAULT_SECURITY_HEADERS, ...opts.securityHeaders };
    this.contentTypes = opts.contentTypes === void 0 ? DEFAULT_CONTENT_TYPES : opts.contentTypes;
    for (const [k, s] of Object.entries(opts.schemas ?? {})) this.schemas.set(k, compileSchema(s));
    if (opts.rateLimit) this.local = new LocalRateLimiter(opts.rateLimit.limit, opts.rateLimit.windowMs ?? 6e4);
    if (opts.sharedRateLimit) this.shared = new RedisRateLimiter(opts.sharedRateLimit);
  }
  /** Environment values read once: process.env lookups are slow enough to matter per invocation. */
  env = {
    awsFunction: process.env.AWS_LAMBDA_FUNCTION_NAME,
    awsRegion: process.env.AWS_REGION,
    gcpFunction: process.env.K_SERVICE ?? process.env.FUNCTION_TARGET
  };
  state() {
    return { keys: 0, findings: [], stop: false };
  }
  /** Writes the findings as security events (capped per invocation). */
  report(findings, ctx) {
    const max = this.opts.maxEventsPerInvocation ?? 20;
    for (let i = 0; i < findings.length && i < max; i++) emit(this.sink, findings[i], ctx);
  }
  /** An internal error: logged without the error text (it may quote event data). */
  internalError(err, ctx) {
    const name = err instanceof Error ? err.name : typeof err;
    emit(this.sink, { category: "internal", rule: `internal.${name}`, location: "guard", action: this.opts.failOpen ? "monitored" : "blocked", severity: "high" }, ctx);
  }
  schemaFor(keys) {
    for (const k of keys) if (k !== void 0) {
      const v = this.schemas.get(k);
      if (v) return v;
    }
    return void 0;
  }
  blocked(st) {
    return st.findings.some((f) => f.action === "blocked");
  }
  /** All HTTP checks. Findings are reported here; the caller only acts on the status. */
  async http(view3, ctx) {
    const st = this.state();
    const h = view3.headers;
    const authenticated = h.authorization !== void 0 || h.cookie !== void 0 || view3.principal !== void 0;
    const trusted = this.opts.trustedProxyHops ?? (view3.platformIp !== void 0 ? 0 : 1);
    const ip = clientIp(h, view3.platformIp, trusted);
    if (ip !== void 0) ctx.sourceIp = ip;
    if (view3.principal !== void 0) ctx.principal = view3.principal;
    const finish = (status) => {
      this.report(st.findings, ctx);
      return { status, authenticated, ...ip !== void 0 ? { sourceIp: ip } : {} };
    };
    const structural = this.cfg.structural;
    for (const [name, value] of Object.entries(h)) {
      if (badHeaderValue(value) || badHeaderValue(name)) {
        st.findings.push({ category: "header", rule: "header.crlf", location: `headers.${name}`, action: structural, severity: "high" });
      }
    }
    if (this.blocked(st)) return finish(400);
    const rl = this.opts.rateLimit, srl = this.opts.sharedRateLimit;
    if (this.local && rl && this.local.hit(rateKey(rl.by ?? "ip", ip, view3.principal))) {
      st.findings.push({ category: "rate", rule: "rate.local", location: "invocation", action: "blocked", severity: "medium" });
      return finish(429);
    }
    if (this.shared && srl && await this.shared.hit(rateKey(srl.by ?? "ip", ip, view3.principal))) {
      st.findings.push({ category: "rate", rule: "rate.shared", location: "invocation", action: "blocked", severity: "medium" });
      return finish(429);
    }
    const body = view3.body;
    const lim = this.cfg.limits;
    if (body !== void 0 && body.length > 0) {
      if (body.length > lim.maxBodyBytes || Buffer.byteLength(body) > lim.maxBodyBytes) {
        st.findings.push({ category: "limits", rule: "limits.body-size", location: "body", action: structural, severity: "medium" });
        if (structural === "blocked") return finish(413);
      }
    }
    const ct = (h["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    const hasBody = body !== void 0 && body.length > 0 || view3.parsedBody !== void 0 && view3.parsedBody !== null && view3.parsedBody !== "";
    if (hasBody && this.contentTypes !== false && !this.contentTypes.some((t) => ct === t || t === "application/json" && ct.endsWith("+json"))) {
      st.findings.push({ category: "content-type", rule: "content-type.not-allowed", location: "headers.content-type", action: structural, severity: "low" });
      if (structural === "blocked") return finish(415);
    }
    let parsed = view3.parsedBody;
    const json = ct === "application/json" || ct.endsWith("+json");
    if (body !== void 0 && body.length > 0) {
      if (json) {
        try {
          parsed = JSON.parse(body);
        } catch {
          st.findings.push({ category: "validation", rule: "validation.json", location: "body", action: structural, severity: "low" });
          if (structural === "blocked") return finish(400);
          parsed = body;
        }
      } else if (ct === "application/x-www-form-urlencoded") {
        parsed = formToObject(body);
      } else {
        parsed = body;
      }
    }
    const cfg = this.cfg;
    walk(view3.query, "query", cfg, st);
    walk(view3.pathParams, "path", cfg, st);
    if (!st.stop) walk(view3.path, "path(raw)", cfg, st, 0, this.headerDetectors);
    for (const [name, value] of Object.entries(h)) {
      if (st.stop) break;
      if (name === "cookie") {
        for (const [cn, cv] of parseCookies(value)) walk(cv, `cookie.${cn}`, cfg, st, 0, this.headerDetectors);
      } else if (!OPAQUE_HEADERS.has(name)) {
        walk(value, `headers.${name}`, cfg, st, 0, this.headerDetectors);
      }
    }
    walk(parsed, "body", cfg, st);
    if (this.blocked(st)) return finish(400);
    const validator = this.schemas.size === 0 ? void 0 : this.schemaFor([`${view3.method.toUpperCase()} ${view3.route}`, view3.route, `${view3.method.toUpperCase()} ${view3.path}`, view3.path, "http"]);
    if (validator) {
      const r = await validator(parsed);
      if (!r.ok) {
        st.findings.push({ category: "validation", rule: "validation.schema", location: schemaLocation("body", r.path), action: structural, severity: "low" });
        if (structural === "blocked") return finish(400);
      }
    }
    return finish(0);
  }
  /** Checks one queue/stream record (or a whole non-batch event). True when it must not be processed. */
  async record(payload, location, source, ctx, st = this.state()) {
    walk(payload, location, this.cfg, st);
    let bad = this.blocked(st);
    if (!bad) {
      const validator = this.schemaFor([source]);
      if (validator) {
        const r = await validator(payload);
        if (!r.ok) {
          st.findings.push({ category: "validation", rule: "validation.schema", location: schemaLocation(location, r.path), action: this.cfg.structural, severity: "low" });
          bad = this.cfg.structural === "blocked";
        }
      }
    }
    this.report(st.findings, ctx);
    return bad;
  }
  /** Text of a queue message: JSON when it parses (and is not too deep), else the string itself. */
  parseMessage(text, location, st) {
    const lim = this.cfg.limits;
    if (text.length > lim.maxBodyBytes) {
      st.findings.push({ category: "limits", rule: "limits.body-size", location, action: this.cfg.structural, severity: "medium" });
      return void 0;
    }
    const c = text.charCodeAt(0);
    if (c === 123 || c === 91) {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }
    return text;
  }
  /** Headers to add to a response, given a lookup of what is already there. */
  responseHeaders(present, authenticated) {
    return this.headerOpts === false ? [] : securityHeaders(this.headerOpts, present, authenticated);
  }
  /** Removes spoofable forwarding headers in place (when configured). */
  strip(headers) {
    if (!this.opts.stripForwardedHeaders || !headers) return;
    for (const k of Object.keys(headers)) if (SPOOFABLE.includes(k.toLowerCase())) delete headers[k];
  }
};
function schemaLocation(base, path) {
  const p = (path ?? "").replace(/^\/+/, "");
  return p ? `${base}/${p}` : base;
}
function formToObject(body) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === void 0 ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

// packages/runtime/src/adapters/aws.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var str = (v) => typeof v === "string" ? v : void 0;
var obj = (v) => isObj(v) ? v : {};
function detectAwsSource(event) {
  if (!isObj(event)) return "unknown";
  const recs = event.Records;
  if (Array.isArray(recs) && isObj(recs[0])) {
    const r = recs[0];
    const src = str(r.eventSource) ?? str(r.EventSource);
    if (src === "aws:sqs") return "sqs";
    if (src === "aws:sns") return "sns";
    if (src === "aws:s3") return "s3";
    if (src === "aws:kinesis") return "kinesis";
    if (src === "aws:dynamodb") return "dynamodb";
  }
  const rc = event.requestContext;
  if (isObj(rc)) {
    if (isObj(rc.elb)) return "alb";
    if (isObj(rc.http) && event.version === "2.0") return (str(rc.domainName) ?? "").includes(".lambda-url.") ? "function-url" : "apigw-v2";
    if (typeof event.httpMethod === "string") return "apigw-v1";
  }
  if ("detail-type" in event && "detail" in event && "source" in event) return "eventbridge";
  return "unknown";
}
function isHttpSource(s) {
  return s === "apigw-v1" || s === "apigw-v2" || s === "function-url" || s === "alb";
}
function decodeBody(e) {
  const b = str(e.body);
  if (b === void 0) return void 0;
  return e.isBase64Encoded === true ? Buffer.from(b, "base64").toString("utf8") : b;
}
function awsHttpView(event, source) {
  const rc = obj(event.requestContext);
  if (source === "apigw-v2" || source === "function-url") {
    const http = obj(rc.http);
    const headers2 = normalizeHeaders(event.headers);
    if (Array.isArray(event.cookies) && headers2.cookie === void 0) headers2.cookie = event.cookies.filter((c) => typeof c === "string").join("; ");
    const routeKey = str(event.routeKey) ?? "$default";
    const path2 = str(event.rawPath) ?? str(http.path) ?? "/";
    const auth2 = obj(rc.authorizer);
    const principal2 = str(obj(obj(auth2.jwt).claims).sub) ?? str(obj(auth2.lambda).principalId) ?? str(obj(auth2.iam).userArn);
    const body2 = decodeBody(event);
    return {
      method: str(http.method) ?? "GET",
      route: routeKey === "$default" ? path2 : routeKey.slice(routeKey.indexOf(" ") + 1),
      path: path2,
      headers: headers2,
      query: obj(event.queryStringParameters),
      pathParams: obj(event.pathParameters),
      ...body2 !== void 0 ? { body: body2 } : {},
      ...str(http.sourceIp) ? { platformIp: str(http.sourceIp) } : {},
      ...principal2 !== void 0 ? { principal: principal2 } : {}
    };
  }
  const headers = normalizeHeaders(event.headers, event.multiValueHeaders);
  const query = isObj(event.multiValueQueryStringParameters) ? event.multiValueQueryStringParameters : obj(event.queryStringParameters);
  const body = decodeBody(event);
  const path = str(event.path) ?? "/";
  if (source === "alb") {
    return { method: str(event.httpMethod) ?? "GET", route: path, path, headers, query, pathParams: {}, ...body !== void 0 ? { body } : {} };
  }
  const auth = obj(rc.authorizer);
  const identity = obj(rc.identity);
  const principal = str(auth.principalId) ?? str(obj(auth.claims).sub) ?? str(identity.userArn) ?? str(identity.cognitoIdentityId);
  return {
    method: str(event.httpMethod) ?? "GET",
    route: str(event.resource) ?? path,
    path,
    headers,
    query,
    pathParams: obj(event.pathParameters),
    ...body !== void 0 ? { body } : {},
    ...str(identity.sourceIp) ? { platformIp: str(identity.sourceIp) } : {},
    ...principal !== void 0 ? { principal } : {}
  };
}
function unmarshall(av, depth = 0) {
  if (!isObj(av) || depth > 64) return void 0;
  if (typeof av.S === "string") return av.S;
  if (typeof av.N === "string") return Number(av.N);
  if (typeof av.BOOL === "boolean") return av.BOOL;
  if (av.NULL === true) return null;
  if (Array.isArray(av.SS)) return av.SS;
  if (Array.isArray(av.NS)) return av.NS.map(Number);
  if (Array.isArray(av.L)) return av.L.map((x) => unmarshall(x, depth + 1));
  if (isObj(av.M)) return unmarshallImage(av.M, depth + 1);
  return void 0;
}
function unmarshallImage(m, depth = 0) {
  if (!isObj(m)) return void 0;
  const out = {};
  for (const [k, v] of Object.entries(m)) out[k] = unmarshall(v, depth);
  return out;
}
function messageAttributes(a, valueKey) {
  const out = {};
  for (const [k, v] of Object.entries(obj(a))) out[k] = obj(v)[valueKey];
  return out;
}
function recordPayload(engine, source, r, loc, st) {
  switch (source) {
    case "sqs":
      return { id: str(r.messageId), payload: { body: engine.parseMessage(str(r.body) ?? "", `${loc}.body`, st), attributes: messageAttributes(r.messageAttributes, "stringValue") } };
    case "kinesis": {
      const k = obj(r.kinesis);
      const text = Buffer.from(str(k.data) ?? "", "base64").toString("utf8");
      return { id: str(k.sequenceNumber), payload: { data: engine.parseMessage(text, `${loc}.data`, st), partitionKey: k.partitionKey } };
    }
    case "dynamodb": {
      const d = obj(r.dynamodb);
      return { id: str(d.SequenceNumber), payload: { keys: unmarshallImage(d.Keys), newImage: unmarshallImage(d.NewImage), oldImage: unmarshallImage(d.OldImage) } };
    }
    case "sns": {
      const s = obj(r.Sns);
      return { id: str(s.MessageId), payload: { message: engine.parseMessage(str(s.Message) ?? "", `${loc}.message`, st), subject: s.Subject, attributes: messageAttributes(s.MessageAttributes, "Value") } };
    }
    case "s3": {
      const s3 = obj(r.s3);
      const rawKey = str(obj(s3.object).key) ?? "";
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      } catch {
      }
      return { id: void 0, payload: { key, bucket: obj(s3.bucket).name } };
    }
    default:
      return { id: void 0, payload: r };
  }
}
function awsContext(engine, source, context) {
  const fn = engine.opts.functionName ?? context?.functionName ?? engine.env.awsFunction;
  const region = engine.env.awsRegion;
  return {
    platform: "aws",
    source,
    coldStart: takeColdStart(),
    ...fn !== void 0 ? { functionName: fn } : {},
    ...context?.awsRequestId !== void 0 ? { requestId: context.awsRequestId } : {},
    ...region !== void 0 ? { region } : {}
  };
}
var REASONS = { 400: "Bad Request", 413: "Payload Too Large", 415: "Unsupported Media Type", 429: "Too Many Requests", 500: "Internal Server Error" };
function errorResponse(engine, status, source, authenticated) {
  const headers = { "Content-Type": "application/json" };
  for (const [k, v] of engine.responseHeaders((n) => n === "content-type", authenticated)) headers[k] = v;
  const r = { statusCode: status, headers, body: GENERIC_BODIES[status] ?? GENERIC_BODIES[400] };
  if (source === "alb") {
    r.statusDescription = `${status} ${REASONS[status] ?? ""}`.trim();
    r.isBase64Encoded = false;
  }
  return r;
}
async function inspectAws(engine, event, context) {
  const source = engine.opts.source ?? detectAwsSource(event);
  const ctx = awsContext(engine, source, context);
  const e = obj(event);
  if (isHttpSource(source)) {
    const verdict = await engine.http(awsHttpView(e, source), ctx);
    if (engine.opts.normalizeHeaders !== false && (source === "apigw-v1" || source === "alb") && isObj(e.headers)) {
      const lower = {};
      for (const [k, v] of Object.entries(e.headers)) lower[k.toLowerCase()] = v;
      e.headers = lower;
    }
    engine.strip(obj(e.headers));
    return verdict.status === 0 ? { kind: "http", source, verdict } : { kind: "http", source, verdict, response: errorResponse(engine, verdict.status, source, verdict.authenticated) };
  }
  if (source === "sqs" || source === "kinesis" || source === "dynamodb" || source === "sns" || source === "s3") {
    const recs = Array.isArray(e.Records) ? e.Records : [];
    const keep = [];
    const failures = [];
    for (let i = 0; i < recs.length; i++) {
      const r = obj(recs[i]);
      const st = engine.state();
      const { id, payload: payload2 } = recordPayload(engine, source, r, `records[${i}]`, st);
      if (await engine.record(payload2, `records[${i}]`, source, ctx, st)) {
        if (id !== void 0 && source !== "sns") failures.push(id);
      } else keep.push(recs[i]);
    }
    const filtered = keep.length === recs.length ? event : { ...e, Records: keep };
    if (source === "sns" || source === "s3") return { kind: "drop", source, event: filtered, skip: keep.length === 0 && recs.length > 0 };
    return { kind: "batch", source, event: filtered, failures, skip: keep.length === 0 && recs.length > 0 };
  }
  const payload = source === "eventbridge" ? { detail: e.detail, "detail-type": e["detail-type"] } : event;
  const bad = await engine.record(payload, source === "eventbridge" ? "event" : "event", source, ctx);
  return { kind: "drop", source, event, skip: bad };
}
function decorateAwsResponse(engine, result, source, authenticated) {
  let r = result;
  if ((source === "apigw-v2" || source === "function-url") && r !== void 0 && !(isObj(r) && "statusCode" in r)) {
    r = { statusCode: 200, headers: { "content-type": "application/json" }, body: typeof r === "string" ? r : JSON.stringify(r) };
  }
  if (!isObj(r) || !("statusCode" in r)) return r;
  const headers = isObj(r.headers) ? { ...r.headers } : {};
  const multi = isObj(r.multiValueHeaders) ? r.multiValueHeaders : void 0;
  const has = (o, n) => {
    if (o === void 0) return false;
    for (const k in o) if (k.length === n.length && k.toLowerCase() === n) return true;
    return false;
  };
  for (const [k, v] of engine.responseHeaders((n) => has(headers, n) || has(multi, n), authenticated)) headers[k] = v;
  return { ...r, headers };
}
function mergeBatchFailures(result, failures) {
  if (failures.length === 0) return result;
  const own = isObj(result) && Array.isArray(result.batchItemFailures) ? result.batchItemFailures : [];
  return { ...isObj(result) ? result : {}, batchItemFailures: [...own, ...failures.map((itemIdentifier) => ({ itemIdentifier }))] };
}
function failClosed(engine, event, source) {
  if (isHttpSource(source)) return errorResponse(engine, 500, source, false);
  if (source === "sqs" || source === "kinesis" || source === "dynamodb") {
    const recs = Array.isArray(obj(event).Records) ? obj(event).Records : [];
    const ids = recs.map((r) => {
      const o = obj(r);
      return str(o.messageId) ?? str(obj(o.kinesis).sequenceNumber) ?? str(obj(o.dynamodb).SequenceNumber);
    }).filter((x) => x !== void 0);
    return { batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) };
  }
  return void 0;
}

// packages/runtime/src/adapters/azure.ts
function isAzureHttpRequest(v) {
  const r = v;
  return typeof r === "object" && r !== null && typeof r.method === "string" && typeof r.url === "string" && typeof r.headers?.get === "function" && typeof r.clone === "function";
}
function isAzureContext(v) {
  return typeof v === "object" && v !== null && typeof v.invocationId === "string";
}
function azureContext(engine, source, c) {
  const fn = engine.opts.functionName ?? c.functionName;
  return { platform: "azure", source, coldStart: takeColdStart(), requestId: c.invocationId, ...fn !== void 0 ? { functionName: fn } : {} };
}
async function view(req) {
  const headers = {};
  req.headers.forEach((v, k) => {
    headers[k.toLowerCase()] = v;
  });
  const query = {};
  req.query.forEach((v, k) => {
    const p = query[k];
    query[k] = p === void 0 ? v : Array.isArray(p) ? [...p, v] : [p, v];
  });
  let path = "/";
  try {
    path = new URL(req.url).pathname;
  } catch {
  }
  const body = req.method === "GET" || req.method === "HEAD" ? "" : await req.clone().text();
  const principal = headers["x-ms-client-principal-id"];
  return { method: req.method, route: path, path, headers, query, pathParams: { ...req.params }, body, ...principal ? { principal } : {} };
}
function setMissing(headers, add2) {
  const h = headers;
  if (h && typeof h.set === "function" && typeof h.has === "function") {
    for (const [k, v] of add2) h.set(k, v);
    return headers;
  }
  if (Array.isArray(headers)) return [...headers, ...add2];
  return { ...typeof headers === "object" && headers !== null ? headers : {}, ...Object.fromEntries(add2) };
}
function presentIn(headers) {
  const h = headers;
  if (h && typeof h.has === "function") return (n) => h.has(n);
  const names = /* @__PURE__ */ new Set();
  if (Array.isArray(headers)) for (const p of headers) {
    if (Array.isArray(p) && typeof p[0] === "string") names.add(p[0].toLowerCase());
  }
  else if (typeof headers === "object" && headers !== null) for (const k of Object.keys(headers)) names.add(k.toLowerCase());
  return (n) => names.has(n);
}
async function inspectAzureHttp(engine, req, c) {
  const ctx = azureContext(engine, "azure-http", c);
  const verdict = await engine.http(await view(req), ctx);
  if (verdict.status === 0) return { authenticated: verdict.authenticated };
  const headers = { "Content-Type": "application/json" };
  for (const [k, v] of engine.responseHeaders((n) => n === "content-type", verdict.authenticated)) headers[k] = v;
  return { response: { status: verdict.status, headers, body: GENERIC_BODIES[verdict.status] ?? GENERIC_BODIES[400] }, authenticated: verdict.authenticated };
}
function decorateAzureResponse(engine, result, authenticated) {
  const r = result ?? {};
  if (typeof r !== "object") return result;
  const add2 = engine.responseHeaders(presentIn(r.headers), authenticated);
  if (add2.length === 0) return result;
  const headers = setMissing(r.headers, add2);
  if (headers === r.headers) return result;
  return { ...r, headers };
}
async function inspectAzureMessage(engine, message, c) {
  const ctx = azureContext(engine, engine.opts.source ?? "queue", c);
  const st = engine.state();
  const payload = typeof message === "string" ? engine.parseMessage(message, "message", st) : message;
  return engine.record(payload, "message", engine.opts.source ?? "queue", ctx, st);
}

// packages/runtime/src/adapters/gcp.ts
function isGcpResponse(v) {
  const r = v;
  return typeof r === "object" && r !== null && typeof r.status === "function" && typeof r.send === "function" && typeof r.setHeader === "function";
}
function isCloudEvent(v) {
  return typeof v === "object" && v !== null && typeof v.specversion === "string";
}
function gcpContext(engine, source, requestId) {
  const fn = engine.opts.functionName ?? engine.env.gcpFunction;
  return { platform: "gcp", source, coldStart: takeColdStart(), ...fn !== void 0 ? { functionName: fn } : {}, ...requestId !== void 0 ? { requestId } : {} };
}
function view2(req) {
  const headers = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    if (typeof v === "string") headers[k.toLowerCase()] = v;
    else if (Array.isArray(v)) headers[k.toLowerCase()] = v.join(", ");
  }
  const path = req.path ?? (req.url ?? "/").split("?")[0] ?? "/";
  const raw = req.rawBody;
  const body = raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8") : void 0;
  const obj2 = (v) => typeof v === "object" && v !== null ? v : {};
  return {
    method: req.method,
    route: path,
    path,
    headers,
    query: obj2(req.query),
    pathParams: obj2(req.params),
    ...body !== void 0 ? { body } : req.body !== void 0 ? { parsedBody: req.body } : {}
  };
}
async function inspectGcpHttp(engine, req, res) {
  const ctx = gcpContext(engine, "gcp-http", headerOf(req, "function-execution-id") ?? headerOf(req, "x-cloud-trace-context"));
  const verdict = await engine.http(view2(req), ctx);
  for (const [k, v] of engine.responseHeaders((n) => res.getHeader(n) !== void 0, verdict.authenticated)) res.setHeader(k, v);
  if (verdict.status === 0) return true;
  res.setHeader("Content-Type", "application/json");
  res.status(verdict.status);
  res.send(GENERIC_BODIES[verdict.status] ?? GENERIC_BODIES[400]);
  return false;
}
function headerOf(req, name) {
  const v = req.headers?.[name];
  return typeof v === "string" ? v : void 0;
}
function failGcpHttp(res) {
  if (res.headersSent === true) return;
  res.setHeader("Content-Type", "application/json");
  res.status(500);
  res.send(GENERIC_BODIES[500]);
}
async function inspectCloudEvent(engine, ev) {
  const ctx = gcpContext(engine, engine.opts.source ?? `cloudevent`, ev.id);
  const st = engine.state();
  let data = ev.data;
  const msg = data?.message;
  if (typeof msg?.data === "string") data = { ...data, message: { ...msg, data: engine.parseMessage(Buffer.from(msg.data, "base64").toString("utf8"), "data.message.data", st) } };
  else if (typeof data === "string") data = engine.parseMessage(data, "data", st);
  return engine.record({ data, subject: ev.subject }, "event", engine.opts.source ?? "cloudevent", ctx, st);
}

// packages/runtime/src/secrets/env.ts
var SECRET_NAME2 = /(?:^|_)(?:SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CLIENT_SECRET|CREDENTIALS?|CONN(?:ECTION)?_?STRING|DATABASE_URL)(?:_|$)/i;
var SECRET_VALUE2 = [
  /^(?:AKIA|ASIA)[0-9A-Z]{16}$/,
  /^gh[pousr]_[A-Za-z0-9]{20,}$/,
  /^github_pat_[A-Za-z0-9_]{20,}$/,
  /^xox[abprs]-[A-Za-z0-9-]{10,}$/,
  /^sk_(?:live|test)_[A-Za-z0-9]{10,}$/,
  /^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/,
  /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/,
  /^[a-z][a-z0-9+.-]{1,20}:\/\/[^:/@\s]{1,64}:[^@\s]{3,}@/i
  // URL with embedded password
];
var REFERENCE = /^(?:arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):|\{\{resolve:|@Microsoft\.KeyVault\(|projects\/[^/]+\/secrets\/|ssm:|\/aws\/reference\/)/;
var PLATFORM = /* @__PURE__ */ new Set(["AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "IDENTITY_HEADER", "MSI_SECRET", "AzureWebJobsStorage", "WEBSITE_AUTH_ENCRYPTION_KEY", "CONTAINER_ENCRYPTION_KEY"]);
function secretLikeEnv(env) {
  const out = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === void 0 || value.length < 8 || PLATFORM.has(name) || REFERENCE.test(value)) continue;
    if (SECRET_VALUE2.some((re) => re.test(value)) || SECRET_NAME2.test(name) && !/^(?:true|false|\d+|https?:\/\/[^@]*)$/i.test(value)) out.push(name);
  }
  return out.sort();
}
function checkEnvironment(env, sink) {
  const names = secretLikeEnv(env);
  for (const n of names) {
    emit(
      sink,
      { category: "secrets", rule: "secrets.plaintext-env", location: `env.${n}`, action: "monitored", severity: "medium" },
      { platform: "unknown", source: "environment", coldStart: true }
    );
  }
  return names;
}

// packages/runtime/src/guard.ts
var unknownCtx = (platform) => ({ platform, source: "unknown", coldStart: false });
var envChecked = false;
function envOnce(engine) {
  if (envChecked || engine.opts.checkEnv === false) return;
  envChecked = true;
  checkEnvironment(process.env, engine.sink);
}
function guard(handler, options = {}) {
  const engine = new Engine(options);
  const call = (args) => handler(...args);
  const wrapped = async (...args) => {
    envOnce(engine);
    const [a, b] = args;
    const platform = options.platform ?? (isAzureContext(b) ? "azure" : isGcpResponse(b) || args.length === 1 && isCloudEvent(a) ? "gcp" : "aws");
    if (platform === "azure") {
      const c = isAzureContext(b) ? b : { invocationId: "unknown" };
      if (isAzureHttpRequest(a)) {
        let decision;
        try {
          decision = await inspectAzureHttp(engine, a, c);
        } catch (err) {
          engine.internalError(err, unknownCtx("azure"));
          if (!options.failOpen) return { status: 500, headers: { "Content-Type": "application/json" }, body: GENERIC_BODIES[500] };
          return call(args);
        }
        if (decision.response) return decision.response;
        return decorateAzureResponse(engine, await call(args), decision.authenticated);
      }
      let bad;
      try {
        bad = await inspectAzureMessage(engine, a, c);
      } catch (err) {
        engine.internalError(err, unknownCtx("azure"));
        if (!options.failOpen) return void 0;
        bad = false;
      }
      return bad ? void 0 : call(args);
    }
    if (platform === "gcp") {
      if (isGcpResponse(b)) {
        let ok;
        try {
          ok = await inspectGcpHttp(engine, a, b);
        } catch (err) {
          engine.internalError(err, unknownCtx("gcp"));
          if (!options.failOpen) {
            failGcpHttp(b);
            return void 0;
          }
          ok = true;
        }
        return ok ? call(args) : void 0;
      }
      let bad;
      try {
        bad = isCloudEvent(a) ? await inspectCloudEvent(engine, a) : false;
      } catch (err) {
        engine.internalError(err, unknownCtx("gcp"));
        if (!options.failOpen) return void 0;
        bad = false;
      }
      return bad ? void 0 : call(args);
    }
    let d;
    try {
      d = await inspectAws(engine, a, b);
    } catch (err) {
      engine.internalError(err, unknownCtx("aws"));
      if (!options.failOpen) {
        try {
          return failClosed(engine, a, sourceOf(options, a));
        } catch {
          return void 0;
        }
      }
      return call(args);
    }
    return finishAws(engine, d, a, (ev) => call([ev, ...args.slice(1)]));
  };
  return wrapped;
}
function sourceOf(options, event) {
  return options.source ?? detectAwsSource(event);
}
async function finishAws(engine, d, event, run) {
  if (d.kind === "http") {
    if (d.response) return d.response;
    return decorateAwsResponse(engine, await run(event), d.source, d.verdict.authenticated);
  }
  if (d.kind === "batch") {
    if (d.skip) return mergeBatchFailures(void 0, d.failures);
    return mergeBatchFailures(await run(d.event), d.failures);
  }
  return d.skip ? void 0 : run(d.event);
}
function fnguard(options = {}) {
  const engine = new Engine(options);
  const decisions = /* @__PURE__ */ new WeakMap();
  return {
    async before(request) {
      envOnce(engine);
      let d;
      try {
        d = await inspectAws(engine, request.event, request.context);
      } catch (err) {
        engine.internalError(err, unknownCtx("aws"));
        if (options.failOpen) return void 0;
        return failClosed(engine, request.event, sourceOf(options, request.event)) ?? null;
      }
      decisions.set(request, d);
      if (d.kind === "http") return d.response;
      if (d.skip) return d.kind === "batch" ? mergeBatchFailures(void 0, d.failures) : null;
      request.event = d.event;
      return void 0;
    },
    async after(request) {
      const d = decisions.get(request);
      if (d === void 0) return;
      if (d.kind === "http") request.response = decorateAwsResponse(engine, request.response, d.source, d.verdict.authenticated);
      else if (d.kind === "batch") request.response = mergeBatchFailures(request.response, d.failures);
    }
  };
}

// packages/runtime/src/secrets/secrets.ts
var SecretFetchError = class extends Error {
  constructor(provider, id, cause) {
    super(`fnguard: could not fetch secret "${id}" from ${provider}: ${cause instanceof Error ? cause.name : "error"}`);
    this.name = "SecretFetchError";
  }
};
function createSecrets(opts) {
  const ttl = opts.ttlMs ?? 3e5;
  const minRefresh = opts.minRefreshIntervalMs ?? 1e3;
  const now = opts.now ?? Date.now;
  const cache = /* @__PURE__ */ new Map();
  const inflight = /* @__PURE__ */ new Map();
  const stale = /* @__PURE__ */ new Set();
  const load = (id) => {
    const running = inflight.get(id);
    if (running) return running;
    const p = opts.provider.fetch(id).then(
      (value) => {
        cache.set(id, { value, expires: now() + ttl, fetchedAt: now() });
        stale.delete(id);
        return value;
      },
      (err) => {
        throw new SecretFetchError(opts.provider.name, id, err);
      }
    ).finally(() => inflight.delete(id));
    inflight.set(id, p);
    return p;
  };
  return {
    get(id) {
      const e = cache.get(id);
      const t = now();
      if (e && t < e.expires && !(stale.has(id) && t - e.fetchedAt >= minRefresh)) return Promise.resolve(e.value);
      return load(id);
    },
    reportAuthFailure(id) {
      stale.add(id);
    },
    invalidate(id) {
      if (id === void 0) cache.clear();
      else cache.delete(id);
    }
  };
}
async function optional(pkg) {
  try {
    return await import(pkg);
  } catch {
    throw new Error(`fnguard: install the optional peer dependency "${pkg}" to use this secrets provider, or pass a client`);
  }
}
function awsSecretsManager(opts = {}) {
  let client = opts.client;
  return {
    name: "aws-secrets-manager",
    async fetch(id) {
      if (!client) {
        const m = await optional("@aws-sdk/client-secrets-manager");
        client = new m.SecretsManager(opts.region ? { region: opts.region } : {});
      }
      const r = await client.getSecretValue({ SecretId: id });
      if (r.SecretString !== void 0) return r.SecretString;
      if (r.SecretBinary !== void 0) return Buffer.from(r.SecretBinary).toString("utf8");
      throw new Error("empty secret");
    }
  };
}
function awsSsm(opts = {}) {
  let client = opts.client;
  return {
    name: "aws-ssm",
    async fetch(id) {
      if (!client) {
        const m = await optional("@aws-sdk/client-ssm");
        client = new m.SSM(opts.region ? { region: opts.region } : {});
      }
      const v = (await client.getParameter({ Name: id, WithDecryption: true })).Parameter?.Value;
      if (v === void 0) throw new Error("empty parameter");
      return v;
    }
  };
}
function azureKeyVault(opts = {}) {
  let client = opts.client;
  return {
    name: "azure-key-vault",
    async fetch(id) {
      if (!client) {
        if (!opts.vaultUrl) throw new Error("vaultUrl is required without a client");
        const kv = await optional("@azure/keyvault-secrets");
        const idm = await optional("@azure/identity");
        client = new kv.SecretClient(opts.vaultUrl, new idm.DefaultAzureCredential());
      }
      const v = (await client.getSecret(id)).value;
      if (v === void 0) throw new Error("empty secret");
      return v;
    }
  };
}
function gcpSecretManager(opts = {}) {
  let client = opts.client;
  return {
    name: "gcp-secret-manager",
    async fetch(id) {
      if (!client) {
        const m = await optional("@google-cloud/secret-manager");
        client = new m.SecretManagerServiceClient();
      }
      const project = opts.project ?? process.env.GOOGLE_CLOUD_PROJECT ?? process.env.GCLOUD_PROJECT;
      const name = id.startsWith("projects/") ? id : `projects/${project ?? "-"}/secrets/${id}/versions/latest`;
      const data = (await client.accessSecretVersion({ name }))[0]?.payload?.data;
      if (data === void 0 || data === null) throw new Error("empty secret");
      return typeof data === "string" ? data : Buffer.from(data).toString("utf8");
    }
  };
}
export {
  DETECTOR_NAMES,
  SecretFetchError,
  UnsupportedSchemaError,
  awsSecretsManager,
  awsSsm,
  azureKeyVault,
  buildFinding,
  compileSchema,
  createSecrets,
  detectAwsSource,
  fnguard,
  gcpSecretManager,
  guard,
  redactValue,
  scanString,
  secretLikeEnv,
  stdoutSink
};
