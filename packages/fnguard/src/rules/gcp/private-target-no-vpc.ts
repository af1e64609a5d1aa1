import type { EnvVar } from '../../model/types.js';
import { fnKey, fnLabel, gcpFunctions, gcpRule } from './util.js';

/**
 * "Touches private resources" is decided from the environment: a literal value naming an RFC 1918
 * address (10/8, 172.16/12, 192.168/16 – Memorystore, Cloud SQL private IP, internal load balancers)
 * or a host in Google's internal DNS (`*.internal`). Such targets are only reachable through the VPC.
 */
const PRIVATE_IP = /(?:^|[^\d.])(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/;
const INTERNAL_HOST = /(?:^|[/@:=,;\s])((?:[a-z0-9-]+\.)+internal)(?=$|[/:;,\s?])/i;

export function privateTarget(env: EnvVar): string | undefined {
  if (env.value === undefined || env.secretRef) return undefined;
  return PRIVATE_IP.exec(env.value)?.[1] ?? INTERNAL_HOST.exec(env.value)?.[1];
}

export default gcpRule(
  {
    id: 'GCP_FUNCTION_PRIVATE_TARGET_NO_VPC',
    title: 'Cloud Function talks to private-network resources without a VPC connector',
    severity: 'medium',
    category: 'network',
    description:
      'An environment variable points the function at a private address (an RFC 1918 IP such as a Memorystore or Cloud SQL private IP, or an ' +
      '`*.internal` host) but the function has no Serverless VPC Access connector. Without one those targets are unreachable, which usually ' +
      'leads to them being exposed on public IPs or through open firewall rules instead – or the function is sending that traffic to the internet.',
    remediation:
      'Attach the function to the VPC (`vpc_connector`, with `vpc_connector_egress_settings = "ALL_TRAFFIC"`) and keep the private services ' +
      'reachable only from inside it.',
    compliance: {
      'PCI-DSS-4.0': ['1.3.1', '1.4.1'],
      'OWASP-SLS-2017': ['A6'],
      'NIST-800-53': ['SC-7'],
    },
  },
  function* (ctx) {
    for (const fn of gcpFunctions(ctx)) {
      if (fn.network?.attached) continue;
      const hits = fn.env.map((e) => ({ e, target: privateTarget(e) })).filter((h): h is { e: EnvVar; target: string } => h.target !== undefined);
      const [first, ...rest] = hits;
      if (!first) continue;
      yield {
        message: `${fnLabel(fn)} has no VPC connector but ${first.e.name} points at private address ${first.target}${rest.length ? ` (and ${rest.length} more)` : ''}.`,
        loc: first.e.loc,
        fn,
        key: fnKey(fn, 'privateTarget'),
        related: rest.map((h) => ({ loc: h.e.loc, message: `${h.e.name} → ${h.target}` })),
      };
    }
  },
);
