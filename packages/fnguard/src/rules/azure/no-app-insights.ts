import { appLabel, azureApps, azureRule, fnKey } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_NO_APP_INSIGHTS',
    title: 'Function app has no Application Insights monitoring',
    severity: 'low',
    category: 'observability',
    description:
      'Neither `APPLICATIONINSIGHTS_CONNECTION_STRING` nor `APPINSIGHTS_INSTRUMENTATIONKEY` (nor the Terraform site_config equivalents) is set, ' +
      'so invocations, failures, dependency calls and exceptions of the functions are not collected. Attacks and abuse (credential stuffing, ' +
      'injection attempts, unusual call volumes) go unnoticed and cannot be investigated afterwards.',
    remediation: 'Create an Application Insights resource (workspace-based) and set `APPLICATIONINSIGHTS_CONNECTION_STRING` in the app settings, with alerts on failures and anomalies.',
    compliance: {
      'PCI-DSS-4.0': ['10.2.1', '10.4.1'],
      HIPAA: ['164.312(b)'],
      'OWASP-SLS-2017': ['A10'],
      'NIST-800-53': ['AU-2', 'AU-12', 'SI-4'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.appInsights;
      if (p?.value !== false) continue;
      yield { message: `${appLabel(fn)} has no Application Insights connection: function executions are not monitored.`, loc: p.loc, fn, key: fnKey(fn, 'appInsights') };
    }
  },
);
