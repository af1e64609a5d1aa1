import { appLabel, azureApps, azureRule, fnKey, known } from './util.js';

/** '1.0' / '1.1' → below 1.2; '1.2', '1.3' fine. */
function belowTls12(v: string): boolean {
  const m = /^\s*(?:tls\s*)?(\d+)(?:[._](\d+))?/i.exec(v);
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2] ?? 0);
  return major < 1 || (major === 1 && minor < 2);
}

export default azureRule(
  {
    id: 'AZURE_FUNCTION_MIN_TLS_OUTDATED',
    title: 'Function app accepts TLS versions older than 1.2',
    severity: 'medium',
    category: 'encryption',
    description:
      'The minimum inbound TLS version of the function app is set below 1.2. TLS 1.0 and 1.1 are deprecated (RFC 8996) and allow weak ' +
      'cipher suites and downgrade attacks. (When not set, App Service uses 1.2, which is not reported.)',
    remediation: 'Set `siteConfig.minTlsVersion` to `1.2` (or `1.3`); in Terraform `site_config { minimum_tls_version = "1.2" }`.',
    compliance: {
      'CIS-Azure': ['9.3'],
      'PCI-DSS-4.0': ['4.2.1'],
      HIPAA: ['164.312(e)(1)'],
      GDPR: ['Art.32'],
      'OWASP-SLS-2017': ['A3'],
      'NIST-800-53': ['SC-8', 'SC-13'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const p = fn.azure.minTlsVersion;
      if (!known(p) || !belowTls12(p.value)) continue;
      yield { message: `${appLabel(fn)} accepts TLS ${p.value} (minimum should be 1.2).`, loc: p.loc, fn, key: fnKey(fn, 'minTls') };
    }
  },
);
