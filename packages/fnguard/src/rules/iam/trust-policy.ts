import { defineRule } from '../define.js';
import type { Statement } from '../../model/types.js';
import { actionMatches } from '../../analyzers/iam/actions.js';
import { awsPrincipals } from '../../analyzers/iam/principal.js';
import { describePrincipal, principalReport, withCompliance } from './shared.js';

const ACCOUNT_RE = /(?:^|:)(\d{12})(?::|$)/;

function accountOf(arnOrId: string): string | undefined {
  return ACCOUNT_RE.exec(arnOrId)?.[1];
}

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

/** Who a trust statement without condition lets in, when that is too many; undefined when fine. */
function openTo(st: Statement, ownAccount: string | undefined): string | undefined {
  if (st.effect !== 'Allow' || (st.condition && Object.keys(st.condition).length > 0)) return undefined;
  if (st.action && !st.action.some((p) => ASSUME_ACTIONS.some((a) => actionMatches(p, a)))) return undefined;
  const p = st.principal;
  if (p === undefined) return undefined;
  if (p === '*') return 'anyone (Principal "*")';
  for (const v of p.AWS ?? []) {
    if (v.trim() === '*') return 'any AWS principal (Principal AWS "*")';
    const account = accountOf(v);
    if (account && account !== ownAccount) return ownAccount ? `principals of foreign account ${account}` : `principals of account ${account}, not known to be this account`;
  }
  for (const v of p.Federated ?? []) {
    if (!/saml-provider\//.test(v)) return `every identity of the provider ${v}`;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'AWS_IAM_TRUST_POLICY_OPEN',
    title: 'Role can be assumed by anyone or by a foreign account without a condition',
    severity: 'high',
    category: 'iam',
    clouds: ['aws'],
    description:
      'The role\'s trust policy allows `*`, every AWS principal, another account, or every identity of a web identity provider ' +
      'to assume it, with no Condition (such as `sts:ExternalId`, `aws:PrincipalOrgID` or a token `sub` claim) to narrow it down.',
    remediation:
      'Trust only the service principal the function needs (`lambda.amazonaws.com`), or add conditions that pin the external ' +
      'principal (sts:ExternalId, aws:PrincipalOrgID, aws:SourceArn, the OIDC `sub`).',
    compliance: withCompliance({}),
  },
  check(ctx) {
    return awsPrincipals(ctx.model).flatMap((identity) => {
      const own = identity.arn?.value ? accountOf(identity.arn.value) : undefined;
      return (identity.trustPolicy?.statements ?? []).flatMap((st) => {
        const who = openTo(st, own);
        if (!who) return [];
        return [
          principalReport(ctx.model, identity, {
            message: `${describePrincipal(identity)} can be assumed by ${who} without a condition`,
            loc: st.loc,
            key: `${identity.id}|${who}`,
            severity: who.startsWith('any') ? 'critical' : undefined,
          }),
        ];
      });
    });
  },
});
