/**
 * The AWS SAM policy templates most used in practice, as data: actions and resource patterns
 * as documented in the SAM policy template list. `{Param}` is replaced by the template's
 * parameter (rendered), region and account stay pseudo parameters.
 */
export interface SamPolicyTemplate {
  statements: { actions: string[]; resources: string[] }[];
}

const R = '${AWS::Region}';
const A = '${AWS::AccountId}';

const S3_READ = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'];
const S3_BUCKET = ['arn:aws:s3:::{BucketName}', 'arn:aws:s3:::{BucketName}/*'];
const DDB_TABLE = [`arn:aws:dynamodb:${R}:${A}:table/{TableName}`, `arn:aws:dynamodb:${R}:${A}:table/{TableName}/index/*`];
const SQS_QUEUE = [`arn:aws:sqs:${R}:${A}:{QueueName}`];
const SNS_TOPIC = [`arn:aws:sns:${R}:${A}:{TopicName}`];
const KINESIS_STREAM = [`arn:aws:kinesis:${R}:${A}:stream/{StreamName}`];
const one = (actions: string[], resources: string[]): SamPolicyTemplate => ({ statements: [{ actions, resources }] });

export const SAM_POLICY_TEMPLATES: Readonly<Record<string, SamPolicyTemplate>> = {
  S3ReadPolicy: one(S3_READ, S3_BUCKET),
  S3WritePolicy: one(['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'], S3_BUCKET),
  S3CrudPolicy: one([...S3_READ, 's3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration', 's3:DeleteObject'], S3_BUCKET),
  S3FullAccessPolicy: {
    statements: [
      {
        actions: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject',
          's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging',
          's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: ['arn:aws:s3:::{BucketName}/*'],
      },
      { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], resources: ['arn:aws:s3:::{BucketName}'] },
    ],
  },
  DynamoDBCrudPolicy: one(['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem',
    'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'], DDB_TABLE),
  DynamoDBReadPolicy: one(['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], DDB_TABLE),
  DynamoDBWritePolicy: one(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], DDB_TABLE),
  DynamoDBStreamReadPolicy: {
    statements: [
      { actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: [`arn:aws:dynamodb:${R}:${A}:table/{TableName}/stream/{StreamName}`] },
      { actions: ['dynamodb:ListStreams'], resources: [`arn:aws:dynamodb:${R}:${A}:table/{TableName}/stream/*`] },
    ],
  },
  SQSSendMessagePolicy: one(['sqs:SendMessage*'], SQS_QUEUE),
  SQSPollerPolicy: one(['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch',
    'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], SQS_QUEUE),
  SNSPublishMessagePolicy: one(['sns:Publish'], SNS_TOPIC),
  SNSCrudPolicy: one(['sns:ListSubscriptionsByTopic', 'sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Publish'], [`arn:aws:sns:${R}:${A}:{TopicName}*`]),
  LambdaInvokePolicy: one(['lambda:InvokeFunction'], [`arn:aws:lambda:${R}:${A}:function:{FunctionName}*`]),
  SecretsManagerGetSecretValuePolicy: one(['secretsmanager:GetSecretValue'], ['{SecretArn}']),
  AWSSecretsManagerGetSecretValuePolicy: one(['secretsmanager:GetSecretValue'], ['{SecretArn}']),
  SSMParameterReadPolicy: {
    statements: [
      { actions: ['ssm:DescribeParameters'], resources: ['*'] },
      { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: [`arn:aws:ssm:${R}:${A}:parameter/{ParameterName}`] },
    ],
  },
  SSMParameterWithSlashPrefixReadPolicy: {
    statements: [
      { actions: ['ssm:DescribeParameters'], resources: ['*'] },
      { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: [`arn:aws:ssm:${R}:${A}:parameter{ParameterName}`] },
    ],
  },
  KMSDecryptPolicy: one(['kms:Decrypt'], [`arn:aws:kms:${R}:${A}:key/{KeyId}`]),
  KMSEncryptPolicy: one(['kms:Encrypt'], [`arn:aws:kms:${R}:${A}:key/{KeyId}`]),
  KinesisStreamReadPolicy: {
    statements: [
      { actions: ['kinesis:ListStreams', 'kinesis:DescribeLimits'], resources: [`arn:aws:kinesis:${R}:${A}:stream/*`] },
      { actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], resources: KINESIS_STREAM },
    ],
  },
  KinesisCrudPolicy: one(['kinesis:AddTagsToStream', 'kinesis:CreateStream', 'kinesis:DecreaseStreamRetentionPeriod', 'kinesis:DeleteStream',
    'kinesis:DescribeStream', 'kinesis:DescribeStreamConsumer', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords',
    'kinesis:IncreaseStreamRetentionPeriod', 'kinesis:ListTagsForStream', 'kinesis:MergeShards', 'kinesis:PutRecord', 'kinesis:PutRecords',
    'kinesis:SplitShard', 'kinesis:RemoveTagsFromStream'], KINESIS_STREAM),
  EventBridgePutEventsPolicy: one(['events:PutEvents'], [`arn:aws:events:${R}:${A}:event-bus/{EventBusName}`]),
  StepFunctionsExecutionPolicy: one(['states:StartExecution'], [`arn:aws:states:${R}:${A}:stateMachine:{StateMachineName}`]),
  CloudWatchPutMetricPolicy: one(['cloudwatch:PutMetricData'], ['*']),
  VPCAccessPolicy: one(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], ['*']),
  SESCrudPolicy: one(['ses:GetIdentityVerificationAttributes', 'ses:SendEmail', 'ses:SendRawEmail', 'ses:VerifyEmailIdentity'],
    [`arn:aws:ses:${R}:${A}:identity/{IdentityName}`]),
  AthenaQueryPolicy: one(['athena:ListWorkGroups', 'athena:GetExecutionEngine', 'athena:GetExecutionEngines', 'athena:GetNamespace', 'athena:GetCatalogs',
    'athena:GetNamespaces', 'athena:GetTables', 'athena:GetTable'], ['*']),
  AMIDescribePolicy: one(['ec2:DescribeImages'], ['*']),
  CloudFormationDescribeStacksPolicy: one(['cloudformation:DescribeStacks'], [`arn:aws:cloudformation:${R}:${A}:stack/*`]),
  EC2DescribePolicy: one(['ec2:DescribeRegions', 'ec2:DescribeInstances'], ['*']),
};

/** Fill `{Param}` placeholders; unknown parameters are kept as `${Param}`. */
export function fillTemplate(pattern: string, params: ReadonlyMap<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => params.get(name) ?? `\${${name}}`);
}
