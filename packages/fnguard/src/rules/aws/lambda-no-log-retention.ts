import { at, awsFunctions, awsRule, fnKey, unresolved } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_LOGS_NEVER_EXPIRE',
    title: 'Lambda log group never expires',
    severity: 'low',
    category: 'observability',
    description:
      'No retention is set for the function\'s CloudWatch log group (no log group with RetentionInDays, no serverless `logRetentionInDays`), so logs — which often contain personal data, tokens and request bodies — are kept forever. This breaks storage limitation and makes retention a cost and exposure problem rather than a decision.',
    remediation:
      'Define the log group with an explicit retention that matches your policy (e.g. 365 days for PCI DSS audit trails): serverless `provider.logRetentionInDays`, an `AWS::Logs::LogGroup` named /aws/lambda/<function> with `RetentionInDays`, or Terraform `aws_cloudwatch_log_group` with `retention_in_days`.',
    compliance: {
      'OWASP-SLS-2017': ['A10'],
      GDPR: ['Art.5(1)(e)'],
      'NIST-800-53': ['AU-11'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      const p = fn.logRetentionDays;
      if (unresolved(p) || (p && p.value !== 0)) continue;
      yield {
        message: `Function "${fn.name}" has no log retention: its CloudWatch logs never expire.`,
        loc: at(p, fn.loc),
        fn,
        key: fnKey(fn, 'log-retention'),
      };
    }
  },
);
