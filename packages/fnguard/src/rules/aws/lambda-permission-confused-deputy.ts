import { awsFunctions, awsRule, fnKey, known } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_PERMISSION_NO_SOURCE',
    title: 'Service permission to invoke a function without a source restriction',
    severity: 'medium',
    category: 'exposure',
    description:
      'A resource-based permission lets an AWS service principal (sns.amazonaws.com, events.amazonaws.com, s3.amazonaws.com, apigateway.amazonaws.com…) invoke the function without a SourceArn or SourceAccount. Any resource of that service, in any AWS account, can then be configured to invoke the function (confused deputy). For S3, SourceArn alone is not enough because bucket ARNs carry no account id: SourceAccount is needed too.',
    remediation:
      'Add SourceArn with the ARN of the topic, rule, bucket or API that should invoke the function, and for S3 also SourceAccount with the bucket owner\'s account id.',
    compliance: {
      'OWASP-SLS-2017': ['A5'],
      'PCI-DSS-4.0': ['7.2.1'],
      'NIST-800-53': ['AC-3', 'AC-6'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const p of fn.permissions) {
        if (!known(p.principal)) continue;
        const principal = p.principal.value.trim();
        if (!/\.amazonaws\.com(\.cn)?$/i.test(principal)) continue;
        if ((p.conditions?.length ?? 0) > 0) continue;
        const isS3 = /^s3\.amazonaws\.com/i.test(principal);
        let problem: string | undefined;
        if (!p.sourceArn && !p.sourceAccount) problem = 'has no SourceArn or SourceAccount';
        else if (isS3 && !p.sourceAccount) problem = 'has a SourceArn but no SourceAccount (S3 bucket ARNs carry no account id)';
        if (!problem) continue;
        yield {
          message: `Function "${fn.name}": the permission for ${principal} ${problem}, so resources of that service in other accounts can invoke it.`,
          loc: p.loc,
          fn,
          key: fnKey(fn, 'permission', principal),
        };
      }
    }
  },
);
