import { awsFunctions, awsRule, fnKey, unresolved } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_ENV_NO_CMK',
    title: 'Lambda environment variables not encrypted with a customer managed key',
    severity: 'low',
    category: 'encryption',
    description:
      'The function has environment variables but no KmsKeyArn, so they are encrypted only with the AWS managed key of the account. Anyone allowed lambda:GetFunctionConfiguration reads them in clear; a customer managed key lets you restrict decryption in the key policy, audit every use in CloudTrail and revoke access.',
    remediation:
      'Set a customer managed KMS key for the function (serverless `kmsKeyArn` on the provider or function, SAM/CloudFormation `KmsKeyArn`, Terraform `kms_key_arn`), and move real secrets to Secrets Manager.',
    compliance: {
      'OWASP-SLS-2017': ['A3'],
      'PCI-DSS-4.0': ['3.6.1'],
      HIPAA: ['164.312(a)(2)(iv)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['SC-12', 'SC-28(1)'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      if (fn.env.length === 0 || unresolved(fn.kmsKey)) continue;
      if (fn.kmsKey && fn.kmsKey.value !== '') continue;
      yield {
        message: `Function "${fn.name}" has ${fn.env.length} environment variable${fn.env.length > 1 ? 's' : ''} and no customer managed KMS key (KmsKeyArn).`,
        loc: fn.kmsKey?.loc ?? fn.loc,
        fn,
        key: fnKey(fn, 'kms'),
      };
    }
  },
);
