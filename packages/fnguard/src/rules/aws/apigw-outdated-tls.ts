import { apiLabel, awsApis, awsRule, functionsOfApi, servedBy, known } from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_OUTDATED_TLS',
    title: 'API Gateway custom domain allows TLS 1.0',
    severity: 'medium',
    category: 'encryption',
    description:
      'The custom domain of the API uses the TLS_1_0 security policy, which accepts TLS 1.0 and 1.1 clients and weak cipher suites. These protocol versions are deprecated (RFC 8996) and not accepted for protecting card or health data in transit.',
    remediation: 'Set the domain security policy to TLS_1_2 (SAM `Domain.SecurityPolicy`, CloudFormation/Terraform `SecurityPolicy`/`security_policy = "TLS_1_2"`).',
    compliance: {
      'OWASP-SLS-2017': ['A3'],
      'PCI-DSS-4.0': ['4.2.1'],
      HIPAA: ['164.312(e)(1)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['SC-8', 'SC-13'],
    },
  },
  function* (ctx) {
    for (const api of awsApis(ctx)) {
      const p = api.minTls;
      if (!known(p) || !/^TLS_?1_?[01]$|^TLSv?1(\.[01])?$/i.test(p.value.trim())) continue;
      const fns = functionsOfApi(ctx.model, api.id);
      yield {
        message: `${apiLabel(api)}${servedBy(fns)} accepts TLS older than 1.2 (security policy ${p.value}).`,
        loc: p.loc,
        fn: fns,
        key: `api:${api.id}/tls`,
      };
    }
  },
);
