import { apiLabel, at, awsApis, awsRule, functionsOfApi, servedBy } from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_NO_ACCESS_LOGGING',
    title: 'API Gateway stage without access logging',
    severity: 'medium',
    category: 'observability',
    description:
      'The API stage writes no access logs, so there is no record of who called which route, from which IP, with which result. Attacks, credential stuffing and abuse of the functions behind the API cannot be detected or investigated.',
    remediation:
      'Enable access logging on the stage with a CloudWatch Logs or Firehose destination and a format including requestId, sourceIp, caller/principal, route, status and latency (SAM `AccessLogSetting`, serverless `provider.logs.restApi`/`httpApi`, Terraform `access_log_settings`).',
    compliance: {
      'OWASP-SLS-2017': ['A10'],
      'PCI-DSS-4.0': ['10.2.1'],
      HIPAA: ['164.312(b)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['AU-2', 'AU-12'],
    },
  },
  function* (ctx) {
    for (const api of awsApis(ctx)) {
      const p = api.accessLogging;
      if (p && p.value !== false) continue; // enabled, or unresolved
      const fns = functionsOfApi(ctx.model, api.id);
      yield {
        message: `${apiLabel(api)}${servedBy(fns)} has no access logging.`,
        loc: at(p, api.loc),
        fn: fns,
        key: `api:${api.id}/access-logging`,
      };
    }
  },
);
