/**
 * SAM connectors (`AWS::Serverless::Connector` resources and the `Connectors` property of a
 * function): `Permissions: [Read, Write]` from a function to a destination become statements on
 * the function's role, with the actions SAM documents for the destination type. Destinations of
 * types not listed here are reported as not analysed.
 */
import type { Location, Statement } from '../../model/types.js';
import { isPlainObject, render } from '../aws-common/values.js';
import type { Resource, Stack } from './stack.js';

interface ConnectorActions {
  Read?: string[];
  Write?: string[];
  /** Resource ARNs for a destination with logical id `X` (written as `${X.Arn}` etc.). */
  resources(id: string): string[];
}

const DESTINATIONS: Record<string, ConnectorActions> = {
  'AWS::DynamoDB::Table': {
    Read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PartiQLSelect'],
    Write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLDelete',
      'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'],
    resources: (id) => [`\${${id}.Arn}`, `\${${id}.Arn}/index/*`],
  },
  'AWS::S3::Bucket': {
    Read: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectLegalHold', 's3:GetObjectRetention', 's3:GetObjectTorrent', 's3:GetObjectVersion',
      's3:GetObjectVersionAcl', 's3:GetObjectVersionForReplication', 's3:GetObjectVersionTorrent', 's3:ListBucket',
      's3:ListBucketMultipartUploads', 's3:ListBucketVersions', 's3:ListMultipartUploadParts'],
    Write: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObject', 's3:PutObjectLegalHold',
      's3:PutObjectRetention', 's3:RestoreObject'],
    resources: (id) => [`\${${id}.Arn}`, `\${${id}.Arn}/*`],
  },
  'AWS::SQS::Queue': {
    Read: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'],
    Write: ['sqs:DeleteMessage', 'sqs:SendMessage', 'sqs:ChangeMessageVisibility', 'sqs:PurgeQueue'],
    resources: (id) => [`\${${id}.Arn}`],
  },
  'AWS::SNS::Topic': { Write: ['sns:Publish'], resources: (id) => [`\${${id}}`] },
  'AWS::Events::EventBus': { Write: ['events:PutEvents'], resources: (id) => [`\${${id}.Arn}`] },
  'AWS::Serverless::Function': { Write: ['lambda:InvokeAsync', 'lambda:InvokeFunction'], resources: (id) => [`\${${id}.Arn}`] },
  'AWS::Lambda::Function': { Write: ['lambda:InvokeAsync', 'lambda:InvokeFunction'], resources: (id) => [`\${${id}.Arn}`] },
  'AWS::Serverless::StateMachine': {
    Read: ['states:DescribeExecution'],
    Write: ['states:StartExecution', 'states:StartSyncExecution', 'states:StopExecution'],
    resources: (id) => [`\${${id}}`],
  },
  'AWS::StepFunctions::StateMachine': {
    Read: ['states:DescribeExecution'],
    Write: ['states:StartExecution', 'states:StartSyncExecution', 'states:StopExecution'],
    resources: (id) => [`\${${id}}`],
  },
};

export function loadConnectors(stack: Stack): void {
  for (const r of stack.ofType('AWS::Serverless::Connector')) {
    connector(stack, r.props, r.props['Source'], r.loc, r.logicalId);
  }
  // Embedded connectors: `Connectors: {Name: {Properties: {Destination, Permissions}}}` on the source.
  for (const r of stack.resources.values()) {
    const embedded = r.props['Connectors'];
    if (!isPlainObject(embedded)) continue;
    for (const [name, c] of Object.entries(embedded)) {
      if (isPlainObject(c) && isPlainObject(c['Properties'])) connector(stack, c['Properties'], { Id: r.logicalId }, stack.loc(embedded, name), name);
    }
  }
}

function connector(stack: Stack, props: Record<string, unknown>, source: unknown, loc: Location, name: string): void {
  const sourceId = isPlainObject(source) ? stack.str(source['Id']) : undefined;
  const fn = sourceId ? stack.functions.get(sourceId) : undefined;
  const identity = fn?.identityId ? stack.ctx.model.identities.get(fn.identityId) : undefined;
  // Connectors between other resources, or from a function with a role defined elsewhere, change no role here.
  if (!identity || identity.external) return;
  const destinations = Array.isArray(props['Destination']) ? props['Destination'] : [props['Destination']];
  const permissions = (Array.isArray(props['Permissions']) ? props['Permissions'] : []).map((p) => render(p, stack).value);
  const statements: Statement[] = [];
  for (const d of destinations) {
    const destId = isPlainObject(d) ? stack.str(d['Id']) : undefined;
    const dest: Resource | undefined = destId ? stack.resources.get(destId) : undefined;
    const actions = dest ? DESTINATIONS[dest.type] : undefined;
    if (!dest || !actions) {
      stack.ctx.info(loc.file, `connector ${name}: destination ${destId ?? '(not a resource of this template)'} is not analysed`, loc.line);
      continue;
    }
    const granted = permissions.flatMap((p) => (p === 'Read' || p === 'Write' ? actions[p] ?? [] : []));
    if (granted.length > 0) statements.push({ effect: 'Allow', action: granted, resource: actions.resources(dest.logicalId), loc });
  }
  if (statements.length > 0) identity.policies.push({ name: `connector ${name}`, loc, statements, kind: 'inline' });
}
