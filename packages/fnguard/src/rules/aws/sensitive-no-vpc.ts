import type { EnvVar } from '../../model/types.js';
import { awsFunctions, awsRule, fnKey } from './util.js';

/**
 * What "sensitive access" means here: an environment variable (value, or the expression it is
 * built from) that points the function at a data store AWS runs inside a VPC —
 * RDS/Aurora/RDS Proxy, ElastiCache, MemoryDB, Redshift, DocumentDB, Neptune, OpenSearch VPC
 * domains, MSK — or a database/cache/broker URL or JDBC string whose host is such an endpoint or a
 * private (RFC 1918) address.
 */
const VPC_DATA_HOST = /\.(rds|cache|redshift|docdb|neptune)\.amazonaws\.com(\.cn)?\b|\.memorydb\.[a-z0-9-]+\.amazonaws\.com|\bvpc-[a-z0-9-]+\.[a-z0-9-]+\.es\.amazonaws\.com|\.kafka\.[a-z0-9-]+\.amazonaws\.com/i;
const DATA_URL = /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb|rediss?|memcached|amqps?|mssql|sqlserver|jdbc:[a-z]+):\/\/(?:[^@/\s]*@)?([^:/?\s,;]+)/i;
const PRIVATE_IP = /^(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/;
/** References to data-store endpoints in CloudFormation / Terraform expressions. */
const ENDPOINT_REF = /\b(aws_db_instance|aws_rds_cluster|aws_db_proxy|aws_elasticache_[a-z_]+|aws_memorydb_cluster|aws_redshift_cluster|aws_docdb_cluster|aws_neptune_cluster|aws_msk_cluster)\.[\w-]+\.(address|endpoint|reader_endpoint|primary_endpoint_address|configuration_endpoint_address|cache_nodes|cluster_endpoint_address|bootstrap_brokers\w*)\b|\.(Endpoint|ReadEndpoint|RedisEndpoint|ConfigurationEndpoint|PrimaryEndPoint|ReaderEndpoint)\.Address\b/;

export function sensitiveTarget(env: EnvVar): string | undefined {
  const v = env.value ?? '';
  const host = VPC_DATA_HOST.exec(v);
  if (host) return 'an AWS data store endpoint that lives in a VPC';
  const url = DATA_URL.exec(v);
  if (url && PRIVATE_IP.test(url[1]!)) return 'a database/broker at a private IP address';
  if (env.expr && ENDPOINT_REF.test(env.expr)) return 'the endpoint of a database/cache resource';
  return undefined;
}

export default awsRule(
  {
    id: 'AWS_LAMBDA_SENSITIVE_NO_VPC',
    title: 'Function reaching a VPC data store is not attached to a VPC',
    severity: 'medium',
    category: 'network',
    description:
      'The function\'s environment points it at a data store that normally lives in a VPC (RDS/Aurora/RDS Proxy, ElastiCache, MemoryDB, Redshift, DocumentDB, Neptune, OpenSearch VPC domain, MSK, or a database URL with a private IP), but the function has no VPC configuration. Either the call cannot work, or the data store has been made reachable from the internet for it — and the function\'s egress cannot be restricted by security groups.',
    remediation:
      'Attach the function to private subnets of the data store\'s VPC with a security group allowed by the store\'s security group (serverless `vpc`, SAM `VpcConfig`, Terraform `vpc_config`), and keep the data store not publicly accessible. Use VPC endpoints for the AWS APIs the function needs.',
    compliance: {
      'OWASP-SLS-2017': ['A6'],
      'PCI-DSS-4.0': ['1.3.1', '1.4.2'],
      HIPAA: ['164.312(e)(1)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['SC-7', 'AC-4'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      if (fn.network?.attached) continue;
      const hits = fn.env.map((e) => ({ e, why: sensitiveTarget(e) })).filter((h): h is { e: EnvVar; why: string } => h.why !== undefined);
      if (hits.length === 0) continue;
      yield {
        message: `Function "${fn.name}" is not attached to a VPC but its environment variable ${hits.map((h) => h.e.name).join(', ')} points at ${hits[0]!.why}.`,
        loc: fn.network?.loc ?? fn.loc,
        fn,
        key: fnKey(fn, 'vpc'),
        related: hits.map((h) => ({ loc: h.e.loc, message: `${h.e.name}: ${h.why}` })),
      };
    }
  },
);
