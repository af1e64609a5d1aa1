import type { FunctionNode, Prop } from '../../model/types.js';
import { awsFunctions, awsRule, fnsKey, groupByLoc, inheritedNote, isApiGatewayTrigger, known } from './util.js';

/** Maximum integration timeout of API Gateway (default quota): REST 29 s, HTTP API 30 s. */
function gatewayLimit(service: string): number | undefined {
  if (service === 'apigw-rest') return 29;
  if (service === 'apigw-http') return 30;
  return undefined;
}

export default awsRule(
  {
    id: 'AWS_LAMBDA_HTTP_TIMEOUT_EXCESSIVE',
    title: 'API-triggered function timeout longer than the API Gateway limit',
    severity: 'low',
    category: 'exposure',
    description:
      'The function is called synchronously by API Gateway, whose integration timeout is 29 s (REST) or 30 s (HTTP API), but its own timeout is longer. When a request is slow the client already got a 504 while the function keeps running and billing: slow or crafted requests amplify into long, concurrent executions (denial of service and of wallet).',
    remediation:
      'Set the function timeout at or below the gateway limit (serverless/SAM `Timeout`, Terraform `timeout`), and move long work to an asynchronous path (queue, Step Functions).',
    compliance: {
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['SC-5'],
    },
  },
  function* (ctx) {
    const over: { item: Prop<number> & { value: number }; fn: FunctionNode; limit: number }[] = [];
    for (const fn of awsFunctions(ctx)) {
      const timeout = fn.timeoutSeconds;
      if (!known(timeout)) continue;
      const limits = fn.triggers.filter(isApiGatewayTrigger).map((t) => gatewayLimit(t.service)).filter((n): n is number => n !== undefined);
      if (limits.length === 0) continue;
      const limit = Math.min(...limits);
      if (timeout.value > limit) over.push({ item: timeout, fn, limit });
    }
    // A Globals / provider timeout is one finding for all the functions that inherit it.
    for (const { item, fns } of groupByLoc(over)) {
      const limit = Math.min(...over.filter((o) => o.item.loc === item.loc || fns.includes(o.fn)).map((o) => o.limit));
      const names = fns.map((f: FunctionNode) => `"${f.name}"`).join(', ');
      yield {
        message: `Function${fns.length > 1 ? 's' : ''} ${names} ${fns.length > 1 ? 'have' : 'has'} a ${item.value} s timeout${inheritedNote(item)} but ${fns.length > 1 ? 'are' : 'is'} called by API Gateway, which gives up after ${limit} s.`,
        loc: item.loc,
        fn: fns,
        key: fnsKey(fns, 'timeout'),
      };
    }
  },
);
