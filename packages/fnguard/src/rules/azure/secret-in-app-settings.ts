import { redact } from '../../analyzers/secrets/redact.js';
import { HARDCODED_SECRET } from '../compliance.js';
import { functionsOf } from '../define.js';
import { azureRule, literalSecrets, names } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_SECRET_IN_APP_SETTINGS',
    title: 'Secret in function app settings instead of a Key Vault reference',
    severity: 'high',
    category: 'secrets',
    description:
      'An application setting or connection string of the function app (or a committed local.settings.json) holds a literal credential: ' +
      'a provider key format, a connection string with a key or password, or a high-entropy value under a secret-like name. It sits in ' +
      'the repository history and in clear in the app configuration for anyone with read access to the site. Key Vault references ' +
      '(`@Microsoft.KeyVault(...)`) are not reported.',
    remediation:
      'Rotate the credential, store it in Azure Key Vault and set the app setting to `@Microsoft.KeyVault(SecretUri=...)` (resolved with the ' +
      'app\'s managed identity), or use an identity-based connection and drop the secret. Keep local.settings.json out of source control.',
    compliance: { ...HARDCODED_SECRET, 'CIS-Azure': ['9.11'] },
  },
  function* (ctx) {
    for (const { env, fns, match } of literalSecrets(functionsOf(ctx.model, 'azure'))) {
      yield {
        message: `Setting ${env.name} of ${fns.length > 1 ? 'functions' : 'function'} ${names(fns)} holds a literal credential (${match.description}): ${redact(env.value)}.`,
        loc: env.loc,
        fn: fns,
        key: `env:${env.name}/${match.kind}`,
        severity: match.confidence === 'high' ? 'high' : 'medium',
      };
    }
  },
);
