import {
  awsFunctions, awsRule, describeEndpoint, effectiveAuth, fnKey, hasWildcardOrigin, isApiGatewayTrigger, isPreflight,
} from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_CORS_ANY_ORIGIN_AUTHENTICATED',
    title: 'Authenticated API route allows CORS from any origin',
    severity: 'medium',
    category: 'exposure',
    description:
      'An API Gateway route that requires authorization also allows cross-origin requests from any origin (`*`). A page on any web site can then call the API with a token the browser holds and read the answer; authenticated APIs should only be callable by their own front-ends.',
    remediation:
      'Replace `*` with the exact origins of your front-ends in the CORS configuration of the event/API (serverless `cors.origins`, SAM `Cors.AllowOrigin`/`CorsConfiguration.AllowOrigins`, Terraform `cors_configuration.allow_origins`).',
    compliance: {
      'OWASP-SLS-2017': ['A5', 'A6'],
      'NIST-800-53': ['AC-4', 'CM-6'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const t of fn.triggers) {
        if (!isApiGatewayTrigger(t) || isPreflight(t) || !t.cors || !hasWildcardOrigin(t.cors)) continue;
        const auth = effectiveAuth(ctx.model, t);
        if (!auth || auth.value === undefined || auth.value === 'none') continue;
        yield {
          message: `Function "${fn.name}": ${describeEndpoint(t)} requires ${auth.value} authorization but allows CORS from any origin ("*").`,
          loc: t.cors.loc,
          fn,
          key: fnKey(fn, 'cors', t.method, t.path),
        };
      }
    }
  },
);
