import type { Statement } from '../../model/types.js';
import { apiIsPublic, apiLabel, awsApis, awsRule, functionsOfApi, servedBy } from './util.js';

/** Condition keys that tie a private API call to the caller's own VPC endpoints, VPCs or organisation. */
const NETWORK_KEYS = new Set([
  'aws:sourcevpce', 'aws:sourcevpc', 'aws:vpceaccount', 'aws:vpceorgid', 'aws:vpceorgpaths',
  'aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceip',
]);

function conditionKeys(s: Statement): string[] {
  return Object.values(s.condition ?? {}).flatMap((byKey) => Object.keys(byKey).map((k) => k.toLowerCase()));
}

function restrictsNetwork(s: Statement): boolean {
  return conditionKeys(s).some((k) => NETWORK_KEYS.has(k));
}

function anyPrincipal(s: Statement): boolean {
  if (s.principal === '*') return true;
  return s.principal !== undefined && Object.values(s.principal).some((v) => v.includes('*'));
}

function allowsInvoke(s: Statement): boolean {
  return (s.action ?? []).some((a) => /^(\*|execute-api:(\*|invoke))$/i.test(a.trim()));
}

export default awsRule(
  {
    id: 'AWS_APIGW_PRIVATE_API_ANY_VPCE',
    title: 'Private API resource policy does not restrict the VPC endpoint',
    severity: 'high',
    category: 'exposure',
    description:
      'A PRIVATE REST API is reachable through any execute-api interface VPC endpoint — including endpoints in VPCs of other AWS accounts — unless its resource policy limits callers with aws:SourceVpce, aws:SourceVpc or an account/organisation condition. This policy allows execute-api:Invoke to any principal without such a restriction (and no Deny statement adds one), so "private" does not mean "only from our network".',
    remediation:
      'Add a condition on aws:SourceVpce (or aws:SourceVpc / aws:VpceAccount) to the Allow statement, or add the usual Deny statement with StringNotEquals aws:SourceVpce for your endpoint ids.',
    compliance: {
      'OWASP-SLS-2017': ['A5'],
      'PCI-DSS-4.0': ['1.4.2'],
      HIPAA: ['164.312(a)(1)'],
      'NIST-800-53': ['AC-3', 'SC-7'],
    },
  },
  function* (ctx) {
    for (const api of awsApis(ctx)) {
      if (api.kind !== 'apigw-rest' || apiIsPublic(api) !== false || !api.resourcePolicy) continue;
      const statements = api.resourcePolicy.statements;
      if (statements.some((s) => s.effect === 'Deny' && restrictsNetwork(s))) continue;
      const open = statements.find((s) => s.effect === 'Allow' && anyPrincipal(s) && allowsInvoke(s) && !restrictsNetwork(s));
      if (!open) continue;
      const fns = functionsOfApi(ctx.model, api.id);
      yield {
        message: `Private ${apiLabel(api)}${servedBy(fns)} allows execute-api:Invoke to any principal from any VPC endpoint (no aws:SourceVpce/aws:SourceVpc condition).`,
        loc: open.loc,
        fn: fns,
        key: `api:${api.id}/private-policy`,
      };
    }
  },
);
