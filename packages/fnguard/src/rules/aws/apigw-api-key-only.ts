import {
  at, awsFunctions, awsRule, describeEndpoint, effectiveAuth, endpointIsPublic, fnKey, isApiGatewayTrigger, isPreflight,
} from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_API_KEY_ONLY',
    title: 'API Gateway route protected only by an API key',
    severity: 'medium',
    category: 'exposure',
    description:
      'The route requires an API key but no authorizer. API Gateway API keys identify a usage plan for metering and throttling; AWS documents that they must not be used for authentication or authorization: they are long-lived, shared with clients and often embedded in front-end code.',
    remediation:
      'Keep the API key for usage plans if needed, but add a real authorizer (IAM, Cognito, JWT or a Lambda authorizer) to the route or as the API default.',
    compliance: {
      'OWASP-SLS-2017': ['A2'],
      'PCI-DSS-4.0': ['7.2.1'],
      'NIST-800-53': ['AC-3', 'IA-8'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const t of fn.triggers) {
        if (!isApiGatewayTrigger(t) || isPreflight(t)) continue;
        if (endpointIsPublic(ctx.model, t) !== true) continue;
        const auth = effectiveAuth(ctx.model, t);
        if (auth?.value !== 'api-key') continue;
        yield {
          message: `Function "${fn.name}" is invoked by ${describeEndpoint(t)} that is protected only by an API key.`,
          loc: at(auth, t.loc),
          fn,
          key: fnKey(fn, t.service, t.method, t.path),
        };
      }
    }
  },
);
