import { at, awsFunctions, awsRule, fnKey, inheritedNote, unresolved } from './util.js';
import { UNAUTHENTICATED_ENDPOINT } from '../compliance.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_URL_AUTH_NONE',
    title: 'Lambda function URL without authentication',
    severity: 'high',
    category: 'exposure',
    description:
      'A Lambda function URL with AuthType NONE is an HTTPS endpoint anyone on the internet can call: the function receives every request with no identity check, so any bug in it is reachable and every call is billed to the account.',
    remediation:
      'Set the function URL AuthType to AWS_IAM (serverless: `url: { authorizer: aws_iam }`, SAM: `FunctionUrlConfig.AuthType: AWS_IAM`, Terraform: `authorization_type = "AWS_IAM"`) and sign requests with SigV4, or front the function with API Gateway and an authorizer. If it must be public, authenticate inside the handler and add throttling.',
    compliance: { ...UNAUTHENTICATED_ENDPOINT },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const t of fn.triggers) {
        if (t.kind !== 'function-url' || unresolved(t.auth)) continue;
        if (t.auth && t.auth.value !== 'none') continue;
        yield {
          message: `Function "${fn.name}" has a function URL with AuthType NONE${inheritedNote(t.auth)}: anyone on the internet can invoke it.`,
          loc: at(t.auth, t.loc),
          fn,
          key: fnKey(fn, 'url'),
        };
      }
    }
  },
);
