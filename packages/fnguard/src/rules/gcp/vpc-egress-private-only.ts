import { fnKey, fnLabel, gcpFunctions, gcpRule, unresolved } from './util.js';

export default gcpRule(
  {
    id: 'GCP_FUNCTION_VPC_EGRESS_PRIVATE_ONLY',
    title: 'Cloud Function with a VPC connector sends internet traffic around the VPC (egress not ALL_TRAFFIC)',
    severity: 'low',
    category: 'network',
    description:
      'The function has a VPC connector but `vpc_connector_egress_settings` is `PRIVATE_RANGES_ONLY` (the default): only RFC 1918 destinations ' +
      'go through the VPC, everything else leaves directly. Outbound internet calls then bypass the VPC firewall rules, Cloud NAT fixed egress ' +
      'addresses and VPC Service Controls that the connector was meant to enforce, leaving an exfiltration path.',
    remediation: 'Set `vpc_connector_egress_settings = "ALL_TRAFFIC"` and allow only the needed external destinations with egress firewall rules / Cloud NAT.',
    compliance: {
      'PCI-DSS-4.0': ['1.3.2'],
      'NIST-800-53': ['SC-7(5)', 'AC-4'],
    },
  },
  function* (ctx) {
    for (const fn of gcpFunctions(ctx)) {
      const net = fn.network;
      if (!net?.attached) continue;
      const p = net.egress;
      if (unresolved(p) || p?.value?.toUpperCase() === 'ALL_TRAFFIC') continue;
      yield {
        message: `${fnLabel(fn)} routes only private ranges through its VPC connector (egress ${p ? p.value : 'not set, default PRIVATE_RANGES_ONLY'}).`,
        loc: p?.loc ?? net.loc,
        fn,
        key: fnKey(fn, 'egress'),
      };
    }
  },
);
