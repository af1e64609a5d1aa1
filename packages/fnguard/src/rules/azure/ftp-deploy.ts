import { appLabel, azureApps, azureRule, defaultNote, fnKey } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_FTP_DEPLOY_ALLOWED',
    title: 'Function app allows unencrypted FTP deployment (ftpsState AllAllowed)',
    severity: 'medium',
    category: 'exposure',
    description:
      'The FTP endpoint of the function app accepts plain FTP (`ftpsState: AllAllowed`, which is also what the App Service API ' +
      'applies when an ARM template does not set it). Deployment credentials and the function code cross the network in clear text, ' +
      'and anyone holding the publishing credentials can replace the code.',
    remediation: 'Set `siteConfig.ftpsState` to `Disabled` (or `FtpsOnly` if FTP deployment is really needed); in Terraform `site_config { ftps_state = "Disabled" }`.',
    compliance: {
      'CIS-Azure': ['9.10'],
      'PCI-DSS-4.0': ['4.2.1', '2.2.7'],
      HIPAA: ['164.312(e)(1)'],
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['SC-8', 'CM-7'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.ftpsState;
      if (p?.value?.toLowerCase() !== 'allallowed') continue;
      yield {
        message: `${appLabel(fn)} allows plain FTP deployment: ftpsState is AllAllowed${defaultNote(p)}.`,
        loc: p.loc,
        fn,
        key: fnKey(fn, 'ftpsState'),
      };
    }
  },
);
