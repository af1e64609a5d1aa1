import { fnKey, fnLabel, gcpFunctions, gcpRule, known, today } from './util.js';
import { UNSUPPORTED_RUNTIME } from '../compliance.js';

interface RuntimeDates {
  /** From this day the runtime no longer gets security fixes: GCP deprecation date, or the language's community end of life. */
  unsupported: string;
  /** GCP decommission date: no more deploys, functions may be disabled. */
  decommissioned?: string;
}

/**
 * Runtime ids of Cloud Functions / Cloud Run functions.
 * Node.js rows are GCP's published deprecation / decommission dates. For the other languages the
 * first date is the language's community end of life (Google stops maintaining a runtime when its
 * community does), and decommission dates are only given where checked.
 */
export const GCP_RUNTIMES: Readonly<Record<string, RuntimeDates>> = {
  nodejs6: { unsupported: '2019-04-17', decommissioned: '2020-08-01' },
  nodejs8: { unsupported: '2020-06-05', decommissioned: '2021-02-01' },
  nodejs10: { unsupported: '2024-01-30', decommissioned: '2025-01-30' },
  nodejs12: { unsupported: '2024-01-30', decommissioned: '2025-01-30' },
  nodejs14: { unsupported: '2024-01-30', decommissioned: '2025-01-30' },
  nodejs16: { unsupported: '2024-01-30', decommissioned: '2025-01-30' },
  nodejs18: { unsupported: '2025-04-30', decommissioned: '2025-10-30' },
  nodejs20: { unsupported: '2026-04-30', decommissioned: '2026-10-30' },
  nodejs22: { unsupported: '2027-04-30', decommissioned: '2027-10-31' },
  nodejs24: { unsupported: '2028-04-30', decommissioned: '2028-10-31' },
  python37: { unsupported: '2023-06-27' },
  python38: { unsupported: '2024-10-07' },
  python39: { unsupported: '2025-10-31' },
  python310: { unsupported: '2026-10-31' },
  python311: { unsupported: '2027-10-31' },
  python312: { unsupported: '2028-10-31' },
  python313: { unsupported: '2029-10-31' },
  go111: { unsupported: '2019-09-03' },
  go113: { unsupported: '2020-08-11' },
  go116: { unsupported: '2022-03-15' },
  go118: { unsupported: '2023-02-01' },
  go119: { unsupported: '2023-08-08' },
  go120: { unsupported: '2024-02-06' },
  go121: { unsupported: '2024-08-13' },
  go122: { unsupported: '2025-02-11' },
  go123: { unsupported: '2025-08-12' },
  ruby26: { unsupported: '2022-03-31' },
  ruby27: { unsupported: '2023-03-31' },
  ruby30: { unsupported: '2024-04-23' },
  ruby32: { unsupported: '2026-03-31' },
  php74: { unsupported: '2022-11-28' },
  php81: { unsupported: '2025-12-31' },
  php82: { unsupported: '2026-12-31' },
  dotnet3: { unsupported: '2022-12-13' },
  dotnet6: { unsupported: '2024-11-12' },
  dotnet8: { unsupported: '2026-11-10' },
};

export default gcpRule(
  {
    id: 'GCP_FUNCTION_DEPRECATED_RUNTIME',
    title: 'Cloud Function uses a deprecated or end-of-life runtime',
    severity: 'medium',
    category: 'supply-chain',
    description:
      'The function\'s runtime has passed its end of support: the language version no longer receives security fixes (and, after GCP\'s ' +
      'decommission date, the function can no longer be redeployed and may be disabled). Vulnerabilities in the language runtime and base image ' +
      'stay unpatched. Decommissioned runtimes are reported with high severity. The date is compared with today (rule option `today` overrides it).',
    remediation: 'Move the function to a supported runtime (e.g. nodejs22, python312, go124, java21, dotnet8 or later), test, and redeploy.',
    compliance: { ...UNSUPPORTED_RUNTIME },
  },
  function* (ctx) {
    const now = today(ctx);
    for (const fn of gcpFunctions(ctx)) {
      if (!known(fn.runtime)) continue;
      const id = fn.runtime.value.trim().toLowerCase();
      const dates = GCP_RUNTIMES[id];
      if (!dates || dates.unsupported > now) continue;
      const gone = dates.decommissioned !== undefined && dates.decommissioned <= now;
      yield {
        message: gone
          ? `${fnLabel(fn)} uses runtime ${id}, decommissioned on ${dates.decommissioned}: it can no longer be deployed and gets no fixes.`
          : `${fnLabel(fn)} uses runtime ${id}, out of support since ${dates.unsupported}.`,
        loc: fn.runtime.loc,
        fn,
        key: fnKey(fn, 'runtime', id),
        severity: gone ? 'high' : 'medium',
      };
    }
  },
);
