import { detectSecretValue, isSecretLikeName } from '../../analyzers/secrets/detect.js';
import { awsFunctions, awsRule, envDeclarations, fnNames, fnsKey, looksLikeReference } from './util.js';

export default awsRule(
  {
    id: 'AWS_LAMBDA_ENV_SECRET_NOT_IN_STORE',
    title: 'Secret-like environment variable set to a literal instead of a secret store reference',
    severity: 'medium',
    category: 'secrets',
    description:
      'An environment variable whose name says it holds a secret (PASSWORD, API_KEY, CLIENT_SECRET, TOKEN…) is set to a literal value in the template rather than a reference to Secrets Manager or SSM Parameter Store. Even when the value is a placeholder or a low-entropy password, the pattern puts credentials into source control and into the function configuration. Values already reported as hard-coded secrets by AWS_LAMBDA_ENV_HARDCODED_SECRET are not reported again.',
    remediation:
      'Keep the secret in Secrets Manager or SSM Parameter Store (SecureString), pass its name/ARN in the environment and fetch it at run time; or, if the value really is not a secret, rename the variable.',
    compliance: {
      'OWASP-SLS-2017': ['A3', 'A6'],
      'PCI-DSS-4.0': ['8.6.2'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['IA-5(7)'],
    },
  },
  function* (ctx) {
    for (const { env, fns } of envDeclarations(awsFunctions(ctx))) {
      if (env.value === undefined || env.secretRef || env.value.trim() === '') continue;
      if (!isSecretLikeName(env.name) || looksLikeReference(env.value)) continue;
      if (detectSecretValue(env.name, env.value)) continue;
      yield {
        message: `Environment variable ${env.name} of ${fns.length > 1 ? 'functions' : 'function'} ${fnNames(fns)} is set to a literal value instead of a Secrets Manager or SSM reference.`,
        loc: env.loc,
        fn: fns,
        key: fnsKey(fns, `env:${env.name}`),
      };
    }
  },
);
