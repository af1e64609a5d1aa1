import { appLabel, azureApps, azureRule, fnKey, unresolved } from './util.js';

export default azureRule(
  {
    id: 'AZURE_FUNCTION_PUBLIC_NETWORK_NO_VNET',
    title: 'Function app is open to the internet and not integrated with a virtual network',
    severity: 'low',
    category: 'network',
    description:
      'The function app keeps public network access on (the default), has no inbound access restrictions (IP/service-tag rules or a ' +
      'Deny default action), and has no VNet integration. It is reachable from anywhere and its outbound calls leave from shared public ' +
      'addresses, so back-end services it uses cannot be locked to a private network or firewall rule. Apps with any of the three controls are not reported.',
    remediation:
      'Integrate the app with a subnet (`virtualNetworkSubnetId`, with `vnetRouteAllEnabled`) and either disable public network access behind a private ' +
      'endpoint / Front Door, or add access restrictions that allow only the expected callers.',
    compliance: {
      'PCI-DSS-4.0': ['1.3.1', '1.4.1'],
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['SC-7', 'AC-4'],
    },
  },
  function* (ctx) {
    for (const fn of azureApps(ctx)) {
      const pna = fn.azure.publicNetworkAccess;
      const restricted = fn.azure.accessRestricted;
      if (pna?.value === false || restricted?.value === true || fn.network?.attached) continue;
      if (unresolved(pna) || unresolved(restricted) || unresolved(fn.network?.subnetIds)) continue;
      yield {
        message: `${appLabel(fn)} accepts traffic from the whole internet (public network access ${pna ? 'enabled' : 'not disabled'}, no access restrictions) and has no VNet integration.`,
        loc: pna?.loc ?? fn.loc,
        fn,
        key: fnKey(fn, 'network'),
      };
    }
  },
);
