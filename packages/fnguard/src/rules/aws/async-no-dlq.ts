import { awsFunctions, awsRule, fnKey } from './util.js';

/** Triggers that invoke the function asynchronously (events retried twice, then dropped). */
const ASYNC_KINDS = new Set(['topic', 'storage', 'eventbridge', 'schedule']);

export default awsRule(
  {
    id: 'AWS_LAMBDA_ASYNC_NO_DLQ',
    title: 'Asynchronously invoked function without a dead-letter queue or on-failure destination',
    severity: 'low',
    category: 'observability',
    description:
      'The function is invoked asynchronously (SNS, S3, EventBridge or schedule) and has neither a dead-letter queue nor an on-failure destination. After the retries, failed events — including those failing because of malicious input — are silently discarded: nobody sees them and they cannot be replayed.',
    remediation:
      'Configure a DLQ (serverless `onError`/`destinations.onFailure`, SAM `DeadLetterQueue` or `EventInvokeConfig.DestinationConfig.OnFailure`, Terraform `dead_letter_config` or `aws_lambda_function_event_invoke_config`) and alarm on its depth.',
    compliance: {
      'OWASP-SLS-2017': ['A10'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['SI-4'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      if (fn.deadLetter) continue;
      const async = fn.triggers.filter((t) => ASYNC_KINDS.has(t.kind));
      if (async.length === 0) continue;
      const services = [...new Set(async.map((t) => t.service))].join(', ');
      yield {
        message: `Function "${fn.name}" is invoked asynchronously (${services}) but has no dead-letter queue or on-failure destination.`,
        loc: fn.loc,
        fn,
        key: fnKey(fn, 'dlq'),
        related: async.map((t) => ({ loc: t.loc, message: `${t.service} trigger` })),
      };
    }
  },
);
