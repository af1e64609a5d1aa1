/**
 * Shared pieces of the JS and Python call finders: which request parameters name resources,
 * line numbers from offsets, and the small value algebra (literal / glob pattern / env / dynamic).
 */
import type { ParamValue, SdkCall } from './types.js';

/**
 * Request parameters (SDK casing for JS and boto3, which share the API shapes) that name a
 * resource or decide the permission (`Statement` of a PartiQL call). Their values become
 * resource hints for the generated policy.
 */
export const RESOURCE_PARAMS = new Set([
  'Bucket', 'Key', 'Prefix', 'CopySource',
  'TableName', 'IndexName',
  'QueueUrl', 'QueueName',
  'TopicArn', 'TargetArn',
  'FunctionName',
  'SecretId',
  'Name', 'Names', 'Path',
  'StreamName', 'StreamARN', 'DeliveryStreamName',
  'StateMachineArn',
  'EventBusName',
  'logGroupName',
  'KeyId',
  'resourceArn', 'secretArn',
  'UserPoolId',
  'ConnectionId',
  'modelId',
  'Statement',
]);

export { LineIndex } from '../../core/line-index.js';

/**
 * Join the parts of a string built from static text and placeholders (template literal, f-string,
 * `+` concatenation) into one value: all static → literal; some static → glob pattern with `*`
 * for each placeholder; nothing static → dynamic.
 */
export function joinParts(parts: (string | null)[], expr: string): ParamValue {
  if (parts.every((p) => p !== null)) return { kind: 'literal', value: parts.join('') };
  const glob = parts.map((p) => (p === null ? '*' : p)).join('').replace(/\*+/g, '*');
  if (glob.replace(/\*/g, '') === '') return { kind: 'dynamic', expr: shorten(expr) };
  return { kind: 'pattern', value: glob };
}

export function shorten(expr: string): string {
  const one = expr.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

export function addParam(call: Pick<SdkCall, 'params'>, name: string, values: ParamValue[]): void {
  if (values.length === 0) return;
  (call.params[name] ??= []).push(...values);
}

/**
 * Libraries that call AWS themselves (parameter/secret helpers, ORMs, middleware). Their calls are
 * not analysed, so importing one makes a function's analysis incomplete: "unused permission" is
 * then never claimed for it. Matched as the package/module name or a prefix of it.
 */
export const AWS_CALLING_LIBRARIES = {
  js: [
    '@aws-lambda-powertools/parameters', '@aws-lambda-powertools/idempotency', '@aws-lambda-powertools/batch',
    '@middy/ssm', '@middy/secrets-manager', '@middy/sts', '@middy/rds-signer', '@middy/s3-object-response',
    '@middy/dynamodb', '@middy/appconfig', '@middy/service-discovery', '@middy/s3',
    'dynamoose', 'electrodb', 'dynamodb-toolbox', '@aws/dynamodb-data-mapper', '@aws-sdk/rds-signer', '@aws-sdk/credential-providers',
  ],
  python: [
    'aws_lambda_powertools.utilities.parameters', 'aws_lambda_powertools.utilities.idempotency',
    'aws_lambda_powertools.utilities.feature_flags', 'aws_lambda_powertools.utilities.streaming',
    'pynamodb', 'awswrangler', 's3fs', 'smart_open', 'aioboto3', 'aiobotocore', 'botocore.session',
  ],
};

export function callsAwsItself(lang: 'js' | 'python', module: string): string | undefined {
  return AWS_CALLING_LIBRARIES[lang].find((lib) => module === lib || module.startsWith(lib + (lang === 'js' ? '/' : '.')));
}
