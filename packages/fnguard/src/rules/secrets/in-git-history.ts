import { defineRule, type Report } from '../define.js';
import { redact } from '../../analyzers/secrets/redact.js';
import { GitHistoryError, scanGitHistory } from '../../analyzers/secrets/git.js';
import { allowList, functionsForFile, SECRETS_COMPLIANCE, sourceSecrets } from './shared.js';

export default defineRule({
  meta: {
    id: 'FNG_SECRET_IN_GIT_HISTORY',
    title: 'Secret removed from the files but still in git history',
    severity: 'high',
    category: 'secrets',
    clouds: ['aws', 'azure', 'gcp'],
    description: 'With `--git-history`, past commits are scanned: a credential that was committed and later deleted is still readable in every clone, fork and CI cache of the repository.',
    remediation: 'Treat the credential as leaked: revoke and rotate it. Rewriting history (git filter-repo) only helps after rotation, and only for clones made afterwards.',
    compliance: SECRETS_COMPLIANCE,
    tags: ['credential', 'git-history'],
  },
  async check(ctx) {
    if (ctx.options.gitHistory !== true) return [];
    const allow = allowList(ctx);
    const inHead = new Set((await sourceSecrets(ctx)).flatMap((f) => f.secrets.map((s) => s.hash)));
    let history;
    try {
      history = await scanGitHistory(ctx.model.root, {
        maxCommits: typeof ctx.options.gitHistoryDepth === 'number' ? ctx.options.gitHistoryDepth : undefined,
      });
    } catch (err) {
      if (!(err instanceof GitHistoryError)) throw err;
      ctx.model.diagnostics.push({ level: 'warning', file: '.', message: `git history not scanned: ${err.message}` });
      return [];
    }
    const reports: Report[] = [];
    const seen = new Set<string>();
    for (const s of history) {
      // newest commit first: the first sighting is the latest commit that added the secret
      if (inHead.has(s.hash) || seen.has(s.hash) || allow.allowsHash(s.hash) || allow.allowsPath(s.file)) continue;
      seen.add(s.hash);
      reports.push({
        message: `${s.description} (${s.kind}) ${redact(s.secret)} was committed in ${s.commit.slice(0, 12)} (${s.file}:${s.line}) and is no longer in the files, but stays in git history; fingerprint ${s.hash}`,
        loc: { file: s.file, line: s.line },
        fn: functionsForFile(ctx, s.file),
        key: `history:${s.hash}`,
      });
    }
    return reports;
  },
});
