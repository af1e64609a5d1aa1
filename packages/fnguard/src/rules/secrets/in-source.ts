import { defineRule, type Report } from '../define.js';
import { redact } from '../../analyzers/secrets/redact.js';
import { functionsForFile, SECRETS_COMPLIANCE, sourceSecrets } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_SECRET_IN_SOURCE',
    title: 'Secret written in source code or a repository file',
    severity: 'high',
    category: 'secrets',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'A credential (cloud access key, API token, private key, password, connection string, or a high-entropy value assigned to a secret-like name) is written in a source, configuration, `.env` or notebook file. Anyone who can read the repository, the deployment package or the function code can use it.',
    remediation: 'Revoke and rotate the credential now, remove it from the file (and from history), and load it at run time from a secret store (AWS Secrets Manager / SSM Parameter Store, Azure Key Vault references, GCP Secret Manager).',
    compliance: SECRETS_COMPLIANCE,
    tags: ['credential'],
  },
  prepare(ctx) {
    // Starts the tree scan (in a worker on large trees) while the other rules run; errors surface in check().
    sourceSecrets(ctx).catch(() => undefined);
  },
  async check(ctx) {
    const reports: Report[] = [];
    for (const { path, secrets } of await sourceSecrets(ctx)) {
      for (const s of secrets) {
        reports.push({
          message: `${s.description} (${s.kind}) ${redact(s.secret)} in ${path}; fingerprint ${s.hash}`,
          loc: { file: path, line: s.line, column: s.column },
          fn: functionsForFile(ctx, path),
          severity: s.confidence === 'high' ? 'high' : 'medium',
          key: `secret:${s.hash}`,
        });
      }
    }
    return reports;
  },
});
