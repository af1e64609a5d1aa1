import { awsFunctions, awsRule, fnKey } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_NO_CODE_SIGNING',
    title: 'Lambda function without a code signing configuration',
    severity: 'low',
    category: 'supply-chain',
    description:
      'The function has no code signing configuration, so Lambda accepts any deployment package from anyone allowed to update the function code: a stolen CI credential or a tampered artifact is deployed without any integrity check. (Container image functions are not reported: code signing does not apply to them.)',
    remediation:
      'Create an AWS Signer signing profile and a code signing configuration with UntrustedArtifactOnDeployment: Enforce, and attach it to the function (SAM `CodeSigningConfigArn`, Terraform `code_signing_config_arn`); sign packages in CI.',
    compliance: {
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['CM-14', 'SI-7(15)'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      if (fn.codeSigning || /^image$/i.test(fn.packageType?.value ?? '')) continue;
      yield {
        message: `Function "${fn.name}" has no code signing configuration.`,
        loc: fn.loc,
        fn,
        key: fnKey(fn, 'code-signing'),
      };
    }
  },
);
