import { awsFunctions, awsRule, fnKey, hasWildcardOrigin } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_URL_CORS_ANY_ORIGIN',
    title: 'Lambda function URL CORS allows any origin',
    severity: 'medium',
    category: 'exposure',
    description:
      'The CORS configuration of a Lambda function URL lists `*` as an allowed origin, so scripts on any web site can call the function from a visitor\'s browser and read the responses. That widens the attack surface (CSRF-style calls, data read by foreign pages) for a URL that is already directly reachable.',
    remediation:
      'List only the origins of your own front-ends in the function URL CORS AllowOrigins (serverless `url.cors.allowedOrigins`, SAM `FunctionUrlConfig.Cors.AllowOrigins`, Terraform `cors { allow_origins }`).',
    compliance: {
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['AC-4', 'CM-6'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const t of fn.triggers) {
        if (t.kind !== 'function-url' || !t.cors || !hasWildcardOrigin(t.cors)) continue;
        yield {
          message: `Function "${fn.name}" has a function URL whose CORS configuration allows any origin ("*").`,
          loc: t.cors.loc,
          fn,
          key: fnKey(fn, 'url-cors'),
        };
      }
    }
  },
);
