import { defineRule } from '../define.js';
import { describePrincipal, principalReport, summarise, withCompliance } from './shared.js';

export default defineRule({
  meta: {
    id: 'AWS_IAM_SHARED_ROLE',
    title: 'One role shared by several functions',
    severity: 'medium',
    category: 'iam',
    clouds: ['aws'],
    description:
      'Several functions run as the same role, so each holds the union of what all of them need. ' +
      'A flaw in the least-privileged function exposes the permissions of the most privileged one ("one role per function").',
    remediation: 'Give every function its own role with only the permissions that function uses (serverless: per-function `iamRoleStatements` plugin or `role`; SAM: one `Role` or `Policies` per function).',
    compliance: withCompliance({}),
  },
  check(ctx) {
    const byRole = new Map<string, typeof ctx.model.functions>();
    for (const fn of ctx.model.functions) {
      if (fn.cloud !== 'aws' || !fn.identityId) continue;
      const list = byRole.get(fn.identityId) ?? [];
      list.push(fn);
      byRole.set(fn.identityId, list);
    }
    return [...byRole].flatMap(([id, fns]) => {
      const identity = ctx.model.identities.get(id);
      if (!identity || fns.length < 2) return [];
      const names = fns.map((f) => f.name).sort();
      return [
        principalReport(ctx.model, identity, {
          message: `${describePrincipal(identity)} is used by ${fns.length} functions: ${summarise(names)}`,
          loc: identity.loc,
          key: identity.id,
          related: fns.map((f) => ({ loc: f.identityLoc ?? f.loc, message: `function ${f.name} runs as ${identity.name}` })),
        }),
      ];
    });
  },
});
