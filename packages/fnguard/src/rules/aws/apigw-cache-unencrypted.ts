import { apiLabel, awsApis, awsRule, functionsOfApi, servedBy } from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_CACHE_UNENCRYPTED',
    title: 'API Gateway response cache not encrypted',
    severity: 'medium',
    category: 'encryption',
    description:
      'Caching is enabled on the REST API stage but the cached responses are not encrypted at rest. Responses of the functions (personal data, tokens, card data) are then stored in clear in the cache cluster.',
    remediation:
      'Set `CacheDataEncrypted: true` in the stage MethodSettings (Terraform `aws_api_gateway_method_settings` `settings.cache_data_encrypted = true`), or disable caching for routes that return sensitive data.',
    compliance: {
      'OWASP-SLS-2017': ['A3'],
      'PCI-DSS-4.0': ['3.5.1'],
      HIPAA: ['164.312(a)(2)(iv)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['SC-28', 'SC-28(1)'],
    },
  },
  function* (ctx) {
    for (const api of awsApis(ctx)) {
      const p = api.cacheEncrypted;
      if (!p || p.value !== false) continue; // no cache modelled, encrypted, or unresolved
      const fns = functionsOfApi(ctx.model, api.id);
      yield {
        message: `${apiLabel(api)}${servedBy(fns)} caches responses without encryption.`,
        loc: p.loc,
        fn: fns,
        key: `api:${api.id}/cache`,
      };
    }
  },
);
