import { detectSecretValue } from '../../analyzers/secrets/detect.js';
import { HARDCODED_SECRET } from '../compliance.js';
import { redact } from '../../analyzers/secrets/redact.js';
import { awsFunctions, awsRule, envDeclarations, fnNames, fnsKey } from './util.js';

/** `scheme://user@host/db` (no password, no query): a locator, not a credential, whatever its entropy. */
function isUrlWithoutPassword(v: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]+@[^\s?#]*$/i.test(v.trim());
}

export default awsRule(
  {
    id: 'AWS_LAMBDA_ENV_HARDCODED_SECRET',
    title: 'Hard-coded secret in a Lambda environment variable',
    severity: 'high',
    category: 'secrets',
    description:
      'An environment variable of the function holds a literal credential: a provider key format (AWS access key, GitHub/GitLab/Slack/Stripe/Google token, private key, database URL with password…) or a high-entropy value under a secret-like name. The value is in the repository history, in the deployment artifacts and in clear in the function configuration for anyone with lambda:GetFunctionConfiguration. Medium-confidence matches are reported with medium severity.',
    remediation:
      'Rotate the credential now, remove it from the template and its history, store it in AWS Secrets Manager or SSM Parameter Store (SecureString) and read it at run time (e.g. the Parameters and Secrets Lambda extension), passing only the secret\'s name or ARN in the environment.',
    compliance: { ...HARDCODED_SECRET },
  },
  function* (ctx) {
    for (const { env, fns } of envDeclarations(awsFunctions(ctx))) {
      if (env.value === undefined || env.secretRef) continue;
      const m = detectSecretValue(env.name, env.value);
      if (!m || (m.kind === 'high-entropy' && isUrlWithoutPassword(env.value))) continue;
      yield {
        message: `Environment variable ${env.name} of ${fns.length > 1 ? 'functions' : 'function'} ${fnNames(fns)} holds ${m.kind === 'high-entropy' ? 'a hard-coded high-entropy value under a secret-like name' : `a hard-coded ${m.description}`}: ${redact(env.value)}.`,
        loc: env.loc,
        fn: fns,
        key: fnsKey(fns, `env:${env.name}`, m.kind),
        severity: m.confidence === 'high' ? 'high' : 'medium',
      };
    }
  },
);
