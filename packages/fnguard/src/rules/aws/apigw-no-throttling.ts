import { apiLabel, awsApis, awsRule, functionsOfApi, servedBy, known, unresolved } from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_NO_THROTTLING',
    title: 'API Gateway stage without throttling limits',
    severity: 'medium',
    category: 'exposure',
    description:
      'The API sets no stage, route or usage-plan throttling (rate and burst), so it only has the account-wide default limit that it shares with every other API in the region. One noisy or malicious client can exhaust it, drive the functions behind it to their concurrency limit and run up the bill (denial of wallet).',
    remediation:
      'Set rate and burst limits on the stage or default route (SAM `MethodSettings`/`DefaultRouteSettings` `ThrottlingRateLimit`/`ThrottlingBurstLimit`, serverless `provider.apiGateway.usagePlan.throttle`, Terraform `aws_api_gateway_method_settings` `throttling_*` or `default_route_settings`). A negative value disables throttling and is reported too.',
    compliance: {
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['SC-5'],
    },
  },
  function* (ctx) {
    for (const api of awsApis(ctx)) {
      const th = api.throttling;
      if (unresolved(th?.rate) || unresolved(th?.burst)) continue;
      const fns = functionsOfApi(ctx.model, api.id);
      const disabled = [th?.rate, th?.burst].find((p) => known(p) && p.value < 0);
      if (disabled) {
        yield {
          message: `${apiLabel(api)}${servedBy(fns)} disables throttling (limit ${disabled.value}).`,
          loc: disabled.loc,
          fn: fns,
          key: `api:${api.id}/throttling-disabled`,
        };
      } else if (!th || (!th.rate && !th.burst)) {
        yield {
          message: `${apiLabel(api)}${servedBy(fns)} has no throttling limits on its stage or usage plan.`,
          loc: api.loc,
          fn: fns,
          key: `api:${api.id}/throttling`,
        };
      }
    }
  },
);
