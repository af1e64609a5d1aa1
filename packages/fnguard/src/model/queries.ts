/**
 * Lookups many rules need, indexed once per model. A rule that filtered every function for every
 * identity or API was quadratic: minutes instead of seconds on repositories with thousands of functions.
 */
import type { FunctionNode, Model } from './types.js';

interface Indexes {
  /** Number of functions indexed, to notice a model that grew. */
  size: number;
  byIdentity: Map<string, FunctionNode[]>;
  byApi: Map<string, FunctionNode[]>;
}

const cache = new WeakMap<Model, Indexes>();

function add(map: Map<string, FunctionNode[]>, key: string, fn: FunctionNode): void {
  const list = map.get(key);
  if (list) list.push(fn);
  else map.set(key, [fn]);
}

function indexes(model: Model): Indexes {
  let idx = cache.get(model);
  // Rebuilt if functions were added after the first lookup (sources finish before rules run, tests may not).
  if (!idx || idx.size !== model.functions.length) {
    idx = { size: model.functions.length, byIdentity: new Map(), byApi: new Map() };
    for (const f of model.functions) {
      if (f.identityId) add(idx.byIdentity, f.identityId, f);
      for (const id of new Set(f.triggers.map((t) => t.apiId))) if (id !== undefined) add(idx.byApi, id, f);
    }
    cache.set(model, idx);
  }
  return idx;
}

/** Functions whose own identity is `identityId`. */
export function functionsRunningAs(model: Model, identityId: string): FunctionNode[] {
  return indexes(model).byIdentity.get(identityId) ?? [];
}

/** Functions with at least one endpoint on the API. */
export function functionsBehindApi(model: Model, apiId: string): FunctionNode[] {
  return indexes(model).byApi.get(apiId) ?? [];
}
