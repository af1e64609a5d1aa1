/**
 * SDK service names → IAM service prefixes.
 *
 * The three SDKs name a service differently (`@aws-sdk/client-cloudwatch-logs`, `AWS.CloudWatchLogs`,
 * `boto3.client('logs')`). All are reduced to a key (lower case, letters and digits only). Most keys
 * are the IAM prefix itself once dashes are dropped (`secretsmanager`, `dynamodb`, `cognitoidp`); the
 * rest are listed in ALIASES. The result is checked against the prefixes in the IAM dataset.
 */
import { hasService, serviceKeys } from '../iam/data.js';

/** Normalised SDK service key → IAM prefix, where they differ. */
const ALIASES: Record<string, string> = {
  cloudwatchlogs: 'logs',
  dynamodbstreams: 'dynamodb',
  sfn: 'states',
  stepfunctions: 'states',
  eventbridge: 'events',
  cloudwatchevents: 'events',
  sesv2: 'ses',
  pinpointemail: 'ses',
  apigatewaymanagementapi: 'execute-api',
  apigatewayv2: 'apigateway',
  elasticloadbalancingv2: 'elasticloadbalancing',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  cognitoidentityprovider: 'cognito-idp',
  cognitoidentity: 'cognito-identity',
  iotdataplane: 'iot',
  iotdata: 'iot',
  kinesisfirehose: 'firehose',
  lexruntimev2: 'lex',
  lexruntime: 'lex',
  lexruntimeservice: 'lex',
  sagemakerruntime: 'sagemaker',
  bedrockruntime: 'bedrock',
  bedrockagentruntime: 'bedrock',
  bedrockagent: 'bedrock',
  timestreamwrite: 'timestream',
  timestreamquery: 'timestream',
  configservice: 'config',
  costexplorer: 'ce',
  emr: 'elasticmapreduce',
  elasticsearchservice: 'es',
  opensearch: 'es',
  mediastoredata: 'mediastore',
  appconfigdata: 'appconfig',
  marketplacemetering: 'aws-marketplace',
  rdsdataservice: 'rds-data',
  rdsdata: 'rds-data',
  redshiftdata: 'redshift-data',
  s3control: 's3',
  location: 'geo',
  pinpoint: 'mobiletargeting',
  pinpointsmsvoicev2: 'sms-voice',
  cloudwatch: 'cloudwatch',
  ssmincidents: 'ssm-incidents',
  ssmcontacts: 'ssm-contacts',
  acmpca: 'acm-pca',
  opensearchserverless: 'aoss',
  schedulerservice: 'scheduler',
  secretsmanagerservice: 'secretsmanager',
};

/** Lower case, letters and digits only: `cloudwatch-logs`, `CloudWatchLogs` → `cloudwatchlogs`. */
export function serviceKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

let byKey: Map<string, string> | undefined;

/** IAM prefix for an SDK service name, or undefined when the dataset has no such service. */
export function iamPrefixFor(sdkName: string): string | undefined {
  const key = serviceKey(sdkName.replace(/^@aws-sdk\/client-/, '').replace(/Client$/, ''));
  const alias = ALIASES[key];
  if (alias) return hasService(alias) ? alias : undefined;
  if (!byKey) {
    byKey = new Map();
    for (const p of serviceKeys()) byKey.set(serviceKey(p), p);
  }
  return byKey.get(key);
}

/** `get_object` / `getObject` / `GetObjectCommand` → `GetObject`. */
export function operationName(written: string): string {
  const base = written.replace(/Command$/, '');
  if (base.includes('_')) return base.split('_').filter(Boolean).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  return base[0]!.toUpperCase() + base.slice(1);
}
