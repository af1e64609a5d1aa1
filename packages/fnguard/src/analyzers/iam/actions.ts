/**
 * IAM actions from the dataset: wildcard expansion in the dataset's canonical casing,
 * per-action facts (access level, resource types with ARN formats, condition keys).
 */
import { hasService, serviceActions, serviceKeys, serviceResourceTypes } from './data.js';
import { hasWildcard, wildcardMatch } from './match.js';

export interface ActionInfo {
  /** Service prefix, lower case (`s3`). */
  service: string;
  /** Action name in canonical casing (`GetObject`). */
  name: string;
  /** As the dataset writes it: 'List' | 'Read' | 'Write' | 'Tagging, Write' | 'Permissions management, Write'. */
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; arnPatterns: string[] }[];
  conditionKeys: string[];
}

/** Access levels an action can carry; the dataset combines some (`Permissions management, Write`). */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** Every service prefix in the dataset, lower case, sorted. */
export function allServices(): string[] {
  return [...serviceKeys()];
}

const expandCache = new Map<string, string[]>();

function actionsOf(service: string): string[] {
  const out: string[] = [];
  for (const a of serviceActions(service).values()) out.push(`${service}:${a.name}`);
  return out;
}

/**
 * Concrete actions a pattern (`s3:Get*`, `s3:*`, `*`, `s3:getobject`) stands for, in canonical
 * casing, sorted. Unknown services or actions expand to nothing. The returned array is shared
 * between callers: do not modify it.
 */
export function expandActionPattern(pattern: string): string[] {
  const p = pattern.trim();
  let hit = expandCache.get(p.toLowerCase());
  if (hit) return hit;
  const result: string[] = [];
  if (p === '*') {
    for (const s of serviceKeys()) result.push(...actionsOf(s));
  } else {
    const colon = p.indexOf(':');
    if (colon > 0) {
      const svcPattern = p.slice(0, colon).toLowerCase();
      const namePattern = p.slice(colon + 1);
      const services = hasWildcard(svcPattern) ? serviceKeys().filter((s) => wildcardMatch(svcPattern, s)) : hasService(svcPattern) ? [svcPattern] : [];
      for (const s of services) {
        const actions = serviceActions(s);
        if (!hasWildcard(namePattern)) {
          const a = actions.get(namePattern.toLowerCase());
          if (a) result.push(`${s}:${a.name}`);
        } else {
          for (const a of actions.values()) if (wildcardMatch(namePattern, a.name, true)) result.push(`${s}:${a.name}`);
        }
      }
    }
  }
  result.sort();
  hit = result;
  expandCache.set(p.toLowerCase(), hit);
  return hit;
}

const infoCache = new Map<string, ActionInfo | null>();

/** Facts about one concrete action (`lambda:InvokeFunction`, any casing); undefined when unknown. */
export function actionInfo(action: string): ActionInfo | undefined {
  const key = action.trim().toLowerCase();
  let info = infoCache.get(key);
  if (info === undefined) {
    info = null;
    const colon = key.indexOf(':');
    if (colon > 0) {
      const service = key.slice(0, colon);
      const raw = serviceActions(service).get(key.slice(colon + 1));
      if (raw) {
        const types = serviceResourceTypes(service);
        info = {
          service,
          name: raw.name,
          accessLevel: raw.accessLevel,
          resourceTypes: raw.resourceTypes.map((rt) => {
            // Resource types like `object*` mark required ones with a trailing star in some datasets.
            const t = types.get(rt.name.replace(/\*$/, '').toLowerCase());
            return { name: rt.name, required: rt.required, arnPatterns: t ? [t.arn] : [] };
          }),
          conditionKeys: [...raw.conditionKeys],
        };
      }
    }
    infoCache.set(key, info);
  }
  return info ?? undefined;
}

function rawAction(action: string) {
  const key = action.trim().toLowerCase();
  const colon = key.indexOf(':');
  return colon > 0 ? serviceActions(key.slice(0, colon)).get(key.slice(colon + 1)) : undefined;
}

/** The dataset's access level of an action (cheaper than actionInfo: no resource types resolved). */
const factCache = new Map<string, { level?: string; resourceLess: boolean }>();

function facts(action: string): { level?: string; resourceLess: boolean } {
  let f = factCache.get(action);
  if (!f) {
    const raw = rawAction(action);
    f = raw ? { level: raw.accessLevel, resourceLess: raw.resourceTypes.length === 0 } : { resourceLess: false };
    factCache.set(action, f);
  }
  return f;
}

/** The dataset's access level of an action (cheaper than actionInfo: no resource types resolved). */
export function accessLevelOf(action: string): string | undefined {
  return facts(action).level;
}

/** Whether the dataset lists no resource type for an action: it can only be granted on `*`. */
export function isResourceLess(action: string): boolean {
  return facts(action).resourceLess;
}

/** Canonical spelling of an action (`S3:getobject` → `s3:GetObject`), or the input when unknown. */
export function canonicalAction(action: string): string {
  const info = actionInfo(action);
  return info ? `${info.service}:${info.name}` : action;
}

/** The access levels of an action, split (`Permissions management, Write` → both). */
export function accessLevels(action: string): AccessLevel[] {
  const info = actionInfo(action);
  if (!info) return [];
  return info.accessLevel.split(',').map((s) => s.trim()).filter(Boolean) as AccessLevel[];
}

export function hasAccessLevel(action: string, level: AccessLevel): boolean {
  return accessLevels(action).includes(level);
}

const setCache = new Map<string, ReadonlySet<string>>();

/** The expansion of a pattern as a set of canonical action names (cached, shared). */
export function expandedSet(pattern: string): ReadonlySet<string> {
  const key = pattern.trim().toLowerCase();
  let s = setCache.get(key);
  if (!s) {
    s = new Set(expandActionPattern(pattern));
    setCache.set(key, s);
  }
  return s;
}

/** Whether `action` is spelled exactly as the dataset's canonical name of a known action. */
export function isCanonical(action: string): boolean {
  return facts(action).level !== undefined && canonicalAction(action) === action;
}

/** Whether an action pattern (with wildcards) matches a concrete action, case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.trim();
  if (p === '*') return true;
  return wildcardMatch(p, action, true);
}
