/**
 * Helpers shared by the IAM rules: compliance references, per-principal report decoration
 * (affected functions, SARIF logical location), and the "actions on every resource" scan that
 * several rules run with different action filters.
 */
import type { Identity, Model, Statement } from '../../model/types.js';
import type { Framework, Report, RuleContext } from '../define.js';
import { isResourceLess } from '../../analyzers/iam/actions.js';
import { adminEquivalent, awsPrincipals, coversAll, functionsUsing, principalLogicalLocation, principalPermissions, usable, type Memo } from '../../analyzers/iam/principal.js';

/** The rule context's memo as the analyzers take it. */
export function memoOf(ctx: RuleContext): Memo {
  return (key, compute) => ctx.memo(key, compute);
}

type Compliance = Partial<Record<Framework, string[]>>;

/** Least privilege, as every framework the project maps to writes it. */
export const LEAST_PRIVILEGE: Compliance = {
  'PCI-DSS-4.0': ['7.2.1', '7.2.2'],
  HIPAA: ['164.312(a)(1)'],
  GDPR: ['Art.25', 'Art.32'],
  'OWASP-SLS-2017': ['A5'],
  'NIST-800-53': ['AC-6'],
};

export function withCompliance(extra: Compliance): Compliance {
  const out: Compliance = { ...LEAST_PRIVILEGE };
  for (const [k, v] of Object.entries(extra) as [Framework, string[]][]) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

const KIND_NAMES: Record<Identity['kind'], string> = {
  'aws-iam-role': 'role',
  'aws-iam-user': 'user',
  'azure-managed-identity': 'managed identity',
  'gcp-service-account': 'service account',
};

export function describePrincipal(identity: Identity): string {
  return `${KIND_NAMES[identity.kind]} ${identity.name}`;
}

/** A report about one principal: adds the functions running as it and its ARN as logical location. */
export function principalReport(model: Model, identity: Identity, report: Omit<Report, 'fn' | 'logicalLocations'>): Report {
  const fns = functionsUsing(model, identity);
  const logical = principalLogicalLocation(identity);
  return { ...report, ...(fns.length > 0 ? { fn: fns } : {}), ...(logical ? { logicalLocations: logical } : {}) };
}

/** A short list for messages: `a, b, c and 12 more`. */
export function summarise(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export interface OnAllGroup {
  statement: Statement;
  actions: string[];
  conditional: boolean;
}

interface OnAllGrant {
  action: string;
  accessLevel: string;
  statement: Statement;
  conditional: boolean;
}

/**
 * Every (action, statement) pair by which a non-admin principal may act on every resource,
 * computed once per principal and shared by the rules that filter it. Actions the dataset marks
 * as resource-less (they can only ever be granted on `*`) are left out: there is nothing to
 * scope. Admin-equivalent principals are left to AWS_IAM_ADMIN_EQUIVALENT.
 */
function onAllGrants(ctx: RuleContext, identity: Identity): OnAllGrant[] {
  const memo = memoOf(ctx);
  return memo(`iam:on-all:${identity.id}`, () => {
    if (adminEquivalent(identity, memo)) return [];
    const out: OnAllGrant[] = [];
    for (const perm of principalPermissions(identity, memo).actions.values()) {
      if (perm.accessLevel === 'Unknown' || isResourceLess(perm.action)) continue;
      const seen = new Set<Statement>();
      for (const g of perm.grants) {
        if (!usable(g) || !coversAll(g) || seen.has(g.statement)) continue;
        seen.add(g.statement);
        out.push({ action: perm.action, accessLevel: perm.accessLevel, statement: g.statement, conditional: g.conditional });
      }
    }
    return out;
  });
}

/** Actions selected by `select` that a principal may perform on every resource, grouped by granting statement. */
export function actionsOnAllResources(ctx: RuleContext, identity: Identity, select: (action: string, accessLevel: string) => boolean): OnAllGroup[] {
  const groups = new Map<Statement, OnAllGroup>();
  for (const g of onAllGrants(ctx, identity)) {
    if (!select(g.action, g.accessLevel)) continue;
    let grp = groups.get(g.statement);
    if (!grp) groups.set(g.statement, (grp = { statement: g.statement, actions: [], conditional: false }));
    grp.actions.push(g.action);
    grp.conditional ||= g.conditional;
  }
  return [...groups.values()];
}

/** One finding per granting statement, for the "on every resource" rules. */
export function* reportActionsOnAll(
  ctx: RuleContext,
  select: (action: string, accessLevel: string) => boolean,
  describe: (actions: string) => string,
): Generator<Report> {
  for (const identity of awsPrincipals(ctx.model)) {
    for (const g of actionsOnAllResources(ctx, identity, select)) {
      const actions = [...g.actions].sort();
      yield principalReport(ctx.model, identity, {
        message: `${describePrincipal(identity)} ${describe(summarise(actions))} on every resource${g.conditional ? ' (under a condition that does not restrict who or where)' : ''}`,
        loc: g.statement.loc,
        key: `${identity.id}|${actions.join(',')}`,
      });
    }
  }
}
