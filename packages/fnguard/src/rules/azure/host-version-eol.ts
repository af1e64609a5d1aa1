import { appLabel, azureApps, azureRule, fnKey, known, today } from './util.js';
import { UNSUPPORTED_RUNTIME } from '../compliance.js';

/**
 * Azure Functions host versions out of support. Versions 2.x and 3.x reached end of extended
 * support on 2022-12-13; 1.x support ends on 2026-09-14 (Microsoft's published dates).
 */
const END_OF_SUPPORT: Record<string, string> = { '1': '2026-09-14', '2': '2022-12-13', '3': '2022-12-13' };

export default azureRule(
  {
    id: 'AZURE_FUNCTIONS_HOST_VERSION_EOL',
    title: 'Function app runs an Azure Functions host version that is out of support',
    severity: 'high',
    category: 'supply-chain',
    description:
      '`FUNCTIONS_EXTENSION_VERSION` selects a Functions runtime (host) major version whose support has ended. The host and its language ' +
      'workers no longer receive security fixes, and the apps may stop being able to scale or be deployed.',
    remediation: 'Migrate the app to Functions host 4.x (`FUNCTIONS_EXTENSION_VERSION = ~4`) with a supported language version.',
    compliance: { ...UNSUPPORTED_RUNTIME },
  },
  function* (ctx) {
    const now = today(ctx);
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.functionsVersion;
      if (!known(p)) continue;
      const major = /^\s*~?(\d+)/.exec(p.value)?.[1];
      const end = major !== undefined ? END_OF_SUPPORT[major] : undefined;
      if (!end || end > now) continue;
      yield { message: `${appLabel(fn)} runs Functions host ${p.value}, out of support since ${end}.`, loc: p.loc, fn, key: fnKey(fn, 'hostVersion') };
    }
  },
);
