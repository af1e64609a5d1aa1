import type { FunctionNode } from '../../model/types.js';
import type { RuleContext } from '../define.js';
import { accountOfArn, awsFunctions, awsRule, fnKey, stringListOption } from './util.js';

/**
 * Accounts from which AWS itself publishes public layers (trusted by default):
 * 017000801446 Powertools for AWS Lambda (Python), 094274105915 Powertools (TypeScript),
 * 177933569100 AWS Parameters and Secrets Lambda Extension, 580247275435 Lambda Insights extension,
 * 901920570463 AWS Distro for OpenTelemetry, 336392948345 AWS SDK for pandas.
 * (Some of these extensions use other accounts in a few regions; add them with
 * `trustedLayerAccounts`.)
 */
export const AWS_PUBLISHED_LAYER_ACCOUNTS: readonly string[] = [
  '017000801446',
  '094274105915',
  '177933569100',
  '580247275435',
  '901920570463',
  '336392948345',
];

function layerAccount(ref: string | undefined, parsed: string | undefined): string | undefined {
  if (parsed && /^\d{12}$/.test(parsed)) return parsed;
  return accountOfArn(ref);
}

/** The function's own account, when written in its role ARN or given as `options.accountIds`. */
function ownAccounts(ctx: RuleContext, fn: FunctionNode): Set<string> {
  const own = new Set(stringListOption(ctx, 'accountIds'));
  const identity = fn.identityId ? ctx.model.identities.get(fn.identityId) : undefined;
  const acct = accountOfArn(identity?.arn?.value);
  if (acct) own.add(acct);
  return own;
}

export default awsRule(
  {
    id: 'AWS_LAMBDA_LAYER_UNTRUSTED_ACCOUNT',
    title: 'Lambda layer from an untrusted account',
    severity: 'medium',
    category: 'supply-chain',
    description:
      'The function loads a layer published by another AWS account that is neither the function\'s own account, an AWS-published layer account, nor listed in `trustedLayerAccounts`. Layer code runs inside the function with its role and sees every event and environment variable; whoever controls that account decides what code a new deployment gets.',
    remediation:
      'Build and publish the layer in your own account from reviewed sources (or vendor the dependency into the package); if the publisher is trusted, add its account id to the `trustedLayerAccounts` option.',
    compliance: {
      'OWASP-SLS-2017': ['A9'],
      'PCI-DSS-4.0': ['6.3.2'],
      'NIST-800-53': ['SR-3', 'SR-11'],
    },
  },
  function* (ctx) {
    const trusted = new Set([...AWS_PUBLISHED_LAYER_ACCOUNTS, ...stringListOption(ctx, 'trustedLayerAccounts')]);
    for (const fn of awsFunctions(ctx)) {
      const own = ownAccounts(ctx, fn);
      for (const layer of fn.layers) {
        const account = layerAccount(layer.ref.value, layer.account);
        if (!account || trusted.has(account) || own.has(account)) continue;
        yield {
          message: `Function "${fn.name}" uses layer ${layer.ref.value ?? layer.ref.expr ?? ''} from account ${account}, which is not trusted.`,
          loc: layer.ref.loc,
          fn,
          key: fnKey(fn, 'layer', account, (layer.ref.value ?? '').replace(/:\d+$/, '')),
        };
      }
    }
  },
);
