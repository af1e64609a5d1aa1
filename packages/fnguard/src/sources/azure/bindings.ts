/**
 * Azure Functions bindings (function.json, or `config.bindings` of an ARM `sites/functions`
 * resource) → model triggers. Only `*Trigger` bindings become triggers; input/output bindings
 * do not expose the function.
 */
import type { AuthType, Location, Prop, Trigger, TriggerKind } from '../../model/types.js';
import type { StructuredDoc } from '../structured.js';

/** Trigger binding type (lower case) → neutral kind and service. */
const TRIGGERS: Record<string, { kind: TriggerKind; service: string; source?: string[] }> = {
  httptrigger: { kind: 'http', service: 'azure-http' },
  queuetrigger: { kind: 'queue', service: 'azure-queue', source: ['queueName'] },
  servicebustrigger: { kind: 'queue', service: 'azure-servicebus', source: ['queueName', 'topicName'] },
  blobtrigger: { kind: 'storage', service: 'azure-blob', source: ['path'] },
  eventhubtrigger: { kind: 'stream', service: 'azure-eventhub', source: ['eventHubName', 'path'] },
  eventgridtrigger: { kind: 'other', service: 'azure-eventgrid' },
  timertrigger: { kind: 'schedule', service: 'azure-timer', source: ['schedule'] },
  cosmosdbtrigger: { kind: 'stream', service: 'azure-cosmosdb', source: ['containerName', 'collectionName'] },
  kafkatrigger: { kind: 'stream', service: 'azure-kafka', source: ['topic'] },
  rabbitmqtrigger: { kind: 'queue', service: 'azure-rabbitmq', source: ['queueName'] },
  sqltrigger: { kind: 'stream', service: 'azure-sql', source: ['tableName'] },
  signalrtrigger: { kind: 'other', service: 'azure-signalr', source: ['hubName'] },
  webpubsubtrigger: { kind: 'other', service: 'azure-webpubsub', source: ['hub'] },
};

/** authLevel → neutral auth. `function` is the Functions runtime default when authLevel is absent. */
function authOf(level: string): AuthType {
  switch (level.toLowerCase()) {
    case 'anonymous':
      return 'none';
    case 'function':
    case 'admin':
    case 'system':
      return 'function-key';
    default:
      return 'unknown';
  }
}

/** An app-setting placeholder (`%NAME%`) in a binding property: resolved at run time. */
const SETTING_REF = /^%[^%]+%$/;

/**
 * Turn the `bindings` array of one function into triggers.
 * `read` resolves a leaf value (ARM expressions) – identity for plain function.json files.
 */
export function triggersFromBindings(
  bindings: unknown,
  doc: StructuredDoc,
  fallback: Location,
  read: (raw: unknown) => unknown = (v) => v,
): { triggers: Trigger[]; problems: { message: string; loc: Location }[] } {
  const triggers: Trigger[] = [];
  const problems: { message: string; loc: Location }[] = [];
  if (!Array.isArray(bindings)) {
    problems.push({ message: '"bindings" is not a list', loc: fallback });
    return { triggers, problems };
  }
  bindings.forEach((b, i) => {
    const loc = doc.has(b) ? doc.loc(b) : doc.has(bindings) ? doc.loc(bindings, i) : fallback;
    if (b === null || typeof b !== 'object' || Array.isArray(b)) {
      problems.push({ message: `binding ${i} is not an object`, loc });
      return;
    }
    const rec = b as Record<string, unknown>;
    const type = read(rec.type);
    if (typeof type !== 'string' || !/trigger$/i.test(type)) return;
    const spec = TRIGGERS[type.toLowerCase()] ?? { kind: 'other' as TriggerKind, service: `azure-${type.replace(/trigger$/i, '').toLowerCase()}` };
    const keyLoc = (k: string): Location => (doc.has(rec) && k in rec ? doc.loc(rec, k) : loc);
    const t: Trigger = { kind: spec.kind, service: spec.service, loc };
    for (const k of spec.source ?? []) {
      const v = read(rec[k]);
      if (typeof v === 'string') {
        t.source = SETTING_REF.test(v) ? { expr: v, loc: keyLoc(k) } : { value: v, loc: keyLoc(k) };
        break;
      }
    }
    if (spec.kind === 'http') {
      const level = read(rec.authLevel);
      let auth: Prop<AuthType>;
      if (rec.authLevel === undefined) auth = { value: 'function-key', loc };
      else if (typeof level === 'string' && !SETTING_REF.test(level)) auth = { value: authOf(level), loc: keyLoc('authLevel') };
      else auth = { expr: typeof rec.authLevel === 'string' ? rec.authLevel : JSON.stringify(rec.authLevel), loc: keyLoc('authLevel') };
      t.auth = auth;
      const methods = read(rec.methods);
      // No methods list = every method is accepted.
      if (Array.isArray(methods) && methods.length > 0) {
        const names = methods.map((m) => read(m)).filter((m): m is string => typeof m === 'string');
        if (names.length) t.method = names.map((m) => m.toUpperCase()).join(',');
      }
      const route = read(rec.route);
      if (typeof route === 'string') t.path = route;
      t.public = true;
    }
    triggers.push(t);
  });
  return { triggers, problems };
}
