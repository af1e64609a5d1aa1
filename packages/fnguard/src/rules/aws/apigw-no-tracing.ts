import { apiLabel, at, awsApis, awsRule, functionsOfApi, servedBy } from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_NO_TRACING',
    title: 'REST API stage without X-Ray tracing',
    severity: 'low',
    category: 'observability',
    description:
      'X-Ray tracing is not enabled on the REST API stage, so requests cannot be followed from the gateway into the functions and downstream services when investigating errors or suspicious traffic. (HTTP APIs do not support X-Ray and are not reported.)',
    remediation:
      'Enable tracing on the stage: SAM `TracingEnabled: true`, serverless `provider.tracing.apiGateway: true`, CloudFormation `AWS::ApiGateway::Stage.TracingEnabled`, Terraform `xray_tracing_enabled = true`.',
    compliance: {
      'OWASP-SLS-2017': ['A10'],
      'NIST-800-53': ['AU-12', 'SI-4'],
    },
  },
  function* (ctx) {
    for (const api of awsApis(ctx)) {
      if (api.kind !== 'apigw-rest') continue;
      const p = api.tracing;
      if (p && p.value !== false) continue;
      const fns = functionsOfApi(ctx.model, api.id);
      yield {
        message: `${apiLabel(api)}${servedBy(fns)} has X-Ray tracing disabled.`,
        loc: at(p, api.loc),
        fn: fns,
        key: `api:${api.id}/tracing`,
      };
    }
  },
);
