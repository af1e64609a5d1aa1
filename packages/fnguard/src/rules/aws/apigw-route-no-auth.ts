import { UNAUTHENTICATED_ENDPOINT } from '../compliance.js';
import {
  at, awsFunctions, awsRule, describeEndpoint, effectiveAuth, endpointIsPublic, fnKey, isApiGatewayTrigger,
  isPreflight, isWebSocketNonConnect, unresolved,
} from './util.js';

export default awsRule(
  {
    id: 'AWS_APIGW_ROUTE_NO_AUTH',
    title: 'API Gateway route without authorization',
    severity: 'high',
    category: 'exposure',
    description:
      'An API Gateway route (REST, HTTP or WebSocket $connect) that invokes a function has no authorizer, neither on the route nor as the API default, so anyone on the internet can call the function. CORS preflight (OPTIONS) routes and PRIVATE (VPC-endpoint only) APIs are not reported; a default authorizer of the API counts.',
    remediation:
      'Attach an authorizer to the route or set a default authorizer on the API: IAM, a Cognito user pool, a JWT authorizer or a Lambda authorizer (serverless `authorizer:`, SAM `Auth.DefaultAuthorizer`/`Auth.Authorizer`, Terraform `authorization`/`authorization_type`). If the route is public on purpose, suppress the finding with a reason.',
    compliance: { ...UNAUTHENTICATED_ENDPOINT },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const t of fn.triggers) {
        if (!isApiGatewayTrigger(t) || isPreflight(t) || isWebSocketNonConnect(t)) continue;
        if (endpointIsPublic(ctx.model, t) !== true) continue;
        const auth = effectiveAuth(ctx.model, t);
        if (unresolved(auth) || (auth && auth.value !== 'none')) continue;
        yield {
          message: `Function "${fn.name}" is invoked by ${describeEndpoint(t)} with no authorizer: anyone on the internet can call it.`,
          // An explicit "no auth" on the route is the offending line; otherwise the route itself.
          loc: at(t.auth, t.loc),
          fn,
          key: fnKey(fn, t.service, t.method, t.path),
        };
      }
    }
  },
);
