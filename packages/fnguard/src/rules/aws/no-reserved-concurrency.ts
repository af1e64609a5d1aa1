import { at, awsFunctions, awsRule, fnKey, internetTriggers } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_PUBLIC_NO_CONCURRENCY_LIMIT',
    title: 'Internet-facing function without reserved concurrency',
    severity: 'low',
    category: 'exposure',
    description:
      'A function reachable from the internet (API Gateway, function URL, ALB) has no reserved concurrency, so a flood of requests can scale it up to the whole account\'s concurrency pool: other functions of the account are throttled (denial of service) and the bill grows with the attack (denial of wallet).',
    remediation:
      'Set reserved concurrency to the highest load the function should ever handle (serverless `reservedConcurrency`, SAM/CloudFormation `ReservedConcurrentExecutions`, Terraform `reserved_concurrent_executions`), together with API throttling.',
    compliance: {
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['SC-5', 'SC-6'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      if (fn.reservedConcurrency) continue; // set (any value, or unresolved)
      const pub = internetTriggers(ctx.model, fn);
      if (pub.length === 0) continue;
      yield {
        message: `Function "${fn.name}" is reachable from the internet (${[...new Set(pub.map((t) => t.service))].join(', ')}) and has no reserved concurrency limit.`,
        loc: at(fn.reservedConcurrency, fn.loc),
        fn,
        key: fnKey(fn, 'concurrency'),
      };
    }
  },
);
