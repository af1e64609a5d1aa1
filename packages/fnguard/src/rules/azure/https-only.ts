import { appLabel, at, azureApps, azureRule, defaultNote, fnKey, unresolved } from './util.js';
import { PLAINTEXT_TRANSPORT } from '../compliance.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_HTTPS_ONLY_DISABLED',
    title: 'Function app accepts plain HTTP (httpsOnly not enabled)',
    severity: 'medium',
    category: 'encryption',
    description:
      'The function app does not redirect HTTP to HTTPS (`httpsOnly` is false or not set – the App Service default is false). ' +
      'Requests, function keys passed as `code=` query parameters and responses can then travel unencrypted and be read or altered on the way.',
    remediation: 'Set `properties.httpsOnly: true` (ARM) or `https_only = true` (Terraform) on the function app.',
    compliance: { ...PLAINTEXT_TRANSPORT, 'CIS-Azure': ['9.2'] },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.httpsOnly;
      if (unresolved(p) || p?.value === true) continue;
      yield {
        message: `${appLabel(fn)} serves plain HTTP: httpsOnly is ${p ? 'false' : 'not set (default false)'}${defaultNote(p)}.`,
        loc: at(p, fn),
        fn,
        key: fnKey(fn, 'httpsOnly'),
      };
    }
  },
);
