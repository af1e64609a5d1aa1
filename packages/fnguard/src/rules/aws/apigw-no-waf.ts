import { apiIsPublic, apiLabel, awsApis, awsRule, functionsOfApi, servedBy } from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_NO_WAF',
    title: 'Public REST API without a WAF web ACL',
    severity: 'medium',
    category: 'exposure',
    description:
      'An internet-facing (EDGE or REGIONAL) API Gateway REST API has no AWS WAF web ACL associated with its stage, so injection payloads, known bad inputs, bots and request floods reach the functions unfiltered. HTTP APIs are not reported: they cannot be associated with WAF (put CloudFront with WAF in front of them instead).',
    remediation:
      'Associate a WAFv2 web ACL (AWS managed rule groups such as the core rule set and known bad inputs, plus a rate-based rule) with the stage: `AWS::WAFv2::WebACLAssociation` or `aws_wafv2_web_acl_association` with the stage ARN.',
    compliance: {
      'OWASP-SLS-2017': ['A1', 'A6'],
      'PCI-DSS-4.0': ['6.4.2'],
      'NIST-800-53': ['SC-7', 'SI-4'],
    },
  },
  function* (ctx) {
    for (const api of awsApis(ctx)) {
      if (api.kind !== 'apigw-rest' || api.waf || apiIsPublic(api) !== true) continue;
      const fns = functionsOfApi(ctx.model, api.id);
      yield {
        message: `${apiLabel(api)}${servedBy(fns)} is internet-facing${api.endpointType?.value ? ` (${api.endpointType.value})` : ''} and has no WAF web ACL.`,
        loc: api.loc,
        fn: fns,
        key: `api:${api.id}/waf`,
      };
    }
  },
);
