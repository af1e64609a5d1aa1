// Security events as OCSF Detection Findings (class 2004), one JSON line each. Anything that could be a
// credential — Authorization/cookie values, tokens, keys, JWTs — is redacted before the line is built.

export type Action = 'blocked' | 'monitored';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface SecurityFinding {
  /** Detector or guard stage: sqli, xss, validation, limits, prototype, header, rate, secrets, internal… */
  category: string;
  /** Rule id, e.g. `sqli.union`. */
  rule: string;
  /** Where in the event: `body.items[2].name`, `query.q`, `headers.cookie.sid`, `records[3].body`. */
  location: string;
  action: Action;
  severity: Severity;
  /** Excerpt of the offending value; redacted and truncated before logging. */
  evidence?: string;
}

export interface EventContext {
  platform: 'aws' | 'azure' | 'gcp' | 'unknown';
  source: string;
  functionName?: string;
  requestId?: string;
  coldStart: boolean;
  sourceIp?: string;
  principal?: string;
  region?: string;
}

/** Receives each finding as a ready JSON line and as the object it was built from. */
export type Sink = (line: string, finding: OcsfDetectionFinding) => void;

export interface OcsfDetectionFinding {
  class_uid: 2004;
  class_name: 'Detection Finding';
  category_uid: 2;
  category_name: 'Findings';
  activity_id: 1;
  activity_name: 'Create';
  type_uid: 200401;
  severity_id: number;
  severity: string;
  time: number;
  status_id: 1;
  action_id: 1 | 2;
  action: 'Allowed' | 'Denied';
  disposition_id: 1 | 2;
  disposition: 'Allowed' | 'Blocked';
  message: string;
  metadata: { version: string; product: { name: string; vendor_name: string; version: string } };
  finding_info: { title: string; uid: string; types: string[]; analytic: { name: string; type_id: 1; type: 'Rule' } };
  resources: Array<{ type: string; name?: string }>;
  cloud: { provider: string; region?: string };
  actor?: { user: { uid: string } };
  src_endpoint?: { ip: string };
  evidences?: Array<{ data: { location: string; excerpt?: string } }>;
  unmapped: { function_name?: string; request_id?: string; cold_start: boolean; rule: string; action_taken: Action; source: string; location: string };
}

const SEVERITY_ID: Record<Severity, number> = { low: 2, medium: 3, high: 4, critical: 5 };
const PROVIDER = { aws: 'AWS', azure: 'Azure', gcp: 'GCP', unknown: 'Unknown' } as const;
const TITLES: Record<string, string> = {
  sqli: 'SQL injection', nosql: 'NoSQL operator injection', cmdi: 'OS command injection', traversal: 'Path traversal',
  ssrf: 'Server-side request forgery target', xss: 'Cross-site scripting', template: 'Template injection', crlf: 'CRLF / log injection',
  validation: 'Event failed validation', limits: 'Event exceeded size limits', prototype: 'Prototype pollution key',
  header: 'Malformed or spoofed header', rate: 'Excessive invocation', secrets: 'Secret exposed in environment', internal: 'Guard internal error',
  'content-type': 'Unexpected content type',
};

const SECRET_NAME = /authorization|cookie|token|secret|passw|pwd|api[-_]?key|session|credential|private|signature|jwt|bearer/i;
// Whole-value shapes of common credentials (all linear: no nested quantifiers).
const SECRET_VALUE = [
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, // JWT
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:ghp|gho|ghs|ghu|github_pat|xox[abprs]|sk_live|sk_test|rk_live|glpat)[-_][A-Za-z0-9_-]{8,}/g,
  /\b[Bb]earer\s+[A-Za-z0-9._~+/=-]{8,}/g,
  /\b[Bb]asic\s+[A-Za-z0-9+/=]{8,}/g,
  /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/g,
];

/** Redacts credential-looking substrings; for a location that names a secret, the whole value. */
export function redactValue(value: string, location = ''): string {
  if (SECRET_NAME.test(location)) return '[REDACTED]';
  let out = value;
  for (const re of SECRET_VALUE) out = out.replace(re, '[REDACTED]');
  return out;
}

function excerpt(v: string, location: string): string {
  const r = redactValue(v.length > 256 ? v.slice(0, 256) : v, location);
  return r.length > 96 ? `${r.slice(0, 96)}…` : r;
}

let counter = 0;
function uid(): string {
  counter = (counter + 1) % 0x1000000;
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 0x1000000).toString(36)}-${counter.toString(36)}`;
}

export const PRODUCT = { name: 'fnguard', vendor_name: 'fnguard', version: '0.1.0' };

export function buildFinding(f: SecurityFinding, ctx: EventContext, now = Date.now()): OcsfDetectionFinding {
  const title = TITLES[f.category] ?? f.category;
  const blocked = f.action === 'blocked';
  const ev: OcsfDetectionFinding = {
    class_uid: 2004, class_name: 'Detection Finding', category_uid: 2, category_name: 'Findings',
    activity_id: 1, activity_name: 'Create', type_uid: 200401,
    severity_id: SEVERITY_ID[f.severity], severity: f.severity[0]!.toUpperCase() + f.severity.slice(1),
    time: now, status_id: 1,
    action_id: blocked ? 2 : 1, action: blocked ? 'Denied' : 'Allowed',
    disposition_id: blocked ? 2 : 1, disposition: blocked ? 'Blocked' : 'Allowed',
    message: `${title} (${f.rule}) in ${f.location}: ${f.action}`,
    metadata: { version: '1.3.0', product: PRODUCT },
    finding_info: { title, uid: uid(), types: [f.category, f.rule], analytic: { name: f.rule, type_id: 1, type: 'Rule' } },
    resources: [{ type: 'function', ...(ctx.functionName !== undefined ? { name: ctx.functionName } : {}) }],
    cloud: { provider: PROVIDER[ctx.platform], ...(ctx.region !== undefined ? { region: ctx.region } : {}) },
    unmapped: { cold_start: ctx.coldStart, rule: f.rule, action_taken: f.action, source: ctx.source, location: f.location },
  };
  if (ctx.functionName !== undefined) ev.unmapped.function_name = ctx.functionName;
  if (ctx.requestId !== undefined) ev.unmapped.request_id = ctx.requestId;
  if (ctx.principal !== undefined) ev.actor = { user: { uid: redactValue(ctx.principal) } };
  if (ctx.sourceIp !== undefined) ev.src_endpoint = { ip: ctx.sourceIp };
  ev.evidences = [{ data: { location: f.location, ...(f.evidence !== undefined ? { excerpt: excerpt(f.evidence, f.location) } : {}) } }];
  return ev;
}

export const stdoutSink: Sink = (line) => { process.stdout.write(`${line}\n`); };

export function emit(sink: Sink, f: SecurityFinding, ctx: EventContext): void {
  const ev = buildFinding(f, ctx);
  sink(JSON.stringify(ev), ev);
}
