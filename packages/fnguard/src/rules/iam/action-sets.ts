/**
 * Action groups the dataset has no classification for. Each entry is a fact about what the API
 * returns or changes; the tests check that every one exists in the dataset.
 */

/** Actions that return stored data or secrets in bulk. */
export const DATA_EXFILTRATION_ACTIONS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'kms:Decrypt',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:ExportTableToPointInTime',
  'rds:CreateDBSnapshot',
  'rds-data:ExecuteStatement',
  'kinesis:GetRecords',
  'sqs:ReceiveMessage',
  'ec2:CreateSnapshot',
  'ebs:GetSnapshotBlock',
];

/** Actions that hand out credentials (keys, passwords, tokens) for a principal. */
export const CREDENTIAL_EXPOSURE_ACTIONS: readonly string[] = [
  'iam:CreateAccessKey',
  'iam:UpdateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'ec2:GetPasswordData',
  'redshift:GetClusterCredentials',
  'rds-db:connect',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-identity:GetOpenIdToken',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'connect:GetFederationToken',
  'gamelift:RequestUploadCredentials',
  'codepipeline:PollForJobs',
];
