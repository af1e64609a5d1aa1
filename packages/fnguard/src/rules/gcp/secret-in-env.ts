import { redact } from '../../analyzers/secrets/redact.js';
import { HARDCODED_SECRET } from '../compliance.js';
import { literalSecrets } from '../azure/util.js';
import { gcpFunctions, gcpRule, names } from './util.js';

export default gcpRule(
  {
    id: 'GCP_FUNCTION_SECRET_IN_ENV',
    title: 'Secret in a Cloud Function environment variable instead of Secret Manager',
    severity: 'high',
    category: 'secrets',
    description:
      'A runtime or build environment variable of the function holds a literal credential (a provider key format, a connection string or URL ' +
      'with a password, or a high-entropy value under a secret-like name). Environment variables are stored in clear in the function ' +
      'configuration, visible to anyone with `cloudfunctions.functions.get`, and the value is in the repository history.',
    remediation:
      'Rotate the credential, store it in Secret Manager and expose it with `secret_environment_variables` (or a secret volume), granting the ' +
      'function\'s service account `roles/secretmanager.secretAccessor` on that secret only.',
    compliance: { ...HARDCODED_SECRET },
  },
  function* (ctx) {
    for (const { env, fns, match } of literalSecrets(gcpFunctions(ctx))) {
      yield {
        message: `Environment variable ${env.name} of ${fns.length > 1 ? 'functions' : 'function'} ${names(fns)} holds a literal credential (${match.description}): ${redact(env.value)}.`,
        loc: env.loc,
        fn: fns,
        key: `env:${env.name}/${match.kind}`,
        severity: match.confidence === 'high' ? 'high' : 'medium',
      };
    }
  },
);
