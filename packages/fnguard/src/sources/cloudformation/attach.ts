/**
 * Resources that attach to a function defined elsewhere in the stack: `AWS::Lambda::Permission`,
 * `AWS::Lambda::Url`, `AWS::Lambda::EventSourceMapping`, `AWS::Lambda::EventInvokeConfig` (on-failure
 * destination), `AWS::Logs::LogGroup` (matched by
 * `/aws/lambda/<function>`), plus account-wide `AWS::CloudTrail::Trail` → model.auditTrails.
 */
import type { AuditTrail, FunctionNode, Permission, Trigger, TriggerKind } from '../../model/types.js';
import { isPlainObject, render, setDefined } from '../aws-common/values.js';
import { parseArn } from '../aws-common/arn.js';
import { urlTrigger } from './functions.js';
import { Props } from './props.js';
import type { Resource, Stack } from './stack.js';

export function loadAttachments(stack: Stack): void {
  for (const r of stack.ofType('AWS::Lambda::Permission')) permission(stack, r);
  for (const r of stack.ofType('AWS::Lambda::Url')) {
    const fn = functionOf(stack, r, 'TargetFunctionArn');
    if (fn) fn.triggers.push(urlTrigger(stack, new Props(stack, r.props), r.loc));
  }
  for (const r of stack.ofType('AWS::Lambda::EventSourceMapping')) eventSourceMapping(stack, r);
  for (const r of stack.ofType('AWS::Lambda::EventInvokeConfig')) {
    const fn = functionOf(stack, r, 'FunctionName');
    const onFailure = new Props(stack, r.props).sub('DestinationConfig')?.props.sub('OnFailure')?.props.str('Destination');
    if (fn && onFailure) fn.deadLetter ??= onFailure;
  }
  for (const r of stack.ofType('AWS::Logs::LogGroup')) logGroup(stack, r);
  for (const r of stack.ofType('AWS::CloudTrail::Trail')) trail(stack, r);
}

function functionOf(stack: Stack, r: Resource, key: string): FunctionNode | undefined {
  const fn = stack.functionFor(r.props[key]);
  if (!fn) stack.ctx.info(r.loc.file, `${r.type} ${r.logicalId} refers to a function outside the templates`, r.loc.line);
  return fn;
}

function permission(stack: Stack, r: Resource): void {
  const fn = functionOf(stack, r, 'FunctionName');
  if (!fn) return;
  const p = new Props(stack, r.props);
  const principal = p.str('Principal') ?? { expr: '${…}', loc: r.loc };
  const perm: Permission = { principal, loc: r.loc };
  const set = <K extends keyof Permission>(key: K, v: Permission[K] | undefined): void => setDefined(perm, key, v);
  set('action', p.str('Action'));
  set('sourceArn', p.str('SourceArn'));
  set('sourceAccount', p.str('SourceAccount'));
  set('functionUrlAuthType', p.str('FunctionUrlAuthType'));
  const org = p.str('PrincipalOrgID');
  if (org) perm.conditions = [`aws:PrincipalOrgID=${org.value ?? org.expr}`];
  fn.permissions.push(perm);
}

const SOURCE_BY_TYPE: Record<string, { kind: TriggerKind; service: string }> = {
  'AWS::SQS::Queue': { kind: 'queue', service: 'sqs' },
  'AWS::Kinesis::Stream': { kind: 'stream', service: 'kinesis' },
  'AWS::DynamoDB::Table': { kind: 'stream', service: 'dynamodb' },
  'AWS::MSK::Cluster': { kind: 'stream', service: 'kafka' },
  'AWS::AmazonMQ::Broker': { kind: 'queue', service: 'mq' },
};
const SOURCE_BY_SERVICE: Record<string, { kind: TriggerKind; service: string }> = {
  sqs: SOURCE_BY_TYPE['AWS::SQS::Queue']!,
  kinesis: SOURCE_BY_TYPE['AWS::Kinesis::Stream']!,
  dynamodb: SOURCE_BY_TYPE['AWS::DynamoDB::Table']!,
  kafka: SOURCE_BY_TYPE['AWS::MSK::Cluster']!,
  mq: SOURCE_BY_TYPE['AWS::AmazonMQ::Broker']!,
};

function eventSourceMapping(stack: Stack, r: Resource): void {
  const fn = functionOf(stack, r, 'FunctionName');
  if (!fn) return;
  const p = new Props(stack, r.props);
  const source = p.str('EventSourceArn');
  const target = stack.target(r.props['EventSourceArn']);
  const byType = target ? SOURCE_BY_TYPE[stack.resources.get(target)?.type ?? ''] : undefined;
  const service = source?.value ? parseArn(source.value)?.service : undefined;
  const what = byType ?? (service ? SOURCE_BY_SERVICE[service] : undefined) ?? { kind: 'other' as const, service: 'event-source-mapping' };
  const t: Trigger = { kind: what.kind, service: what.service, loc: r.loc };
  if (source) t.source = source;
  const batch = p.num('BatchSize');
  if (batch) t.batchSize = batch;
  fn.triggers.push(t);
}

/** A log group for a function: `/aws/lambda/<name>` or `!Sub /aws/lambda/${Fn}`. */
function logGroup(stack: Stack, r: Resource): void {
  const nameValue = r.props['LogGroupName'];
  const name = render(nameValue, stack);
  let fn = name.value !== undefined ? stack.logGroupNames.get(name.value) : undefined;
  if (nameValue === undefined) {
    // serverless override of its generated `<Name>LogGroup` for `<Name>LambdaFunction`.
    fn = stack.functions.get(r.logicalId.replace(/LogGroup$/, 'LambdaFunction'));
  } else if (!fn) {
    const text = name.value ?? name.expr ?? '';
    if (!text.startsWith('/aws/lambda/')) return;
    fn = stack.targets(nameValue).map((t) => stack.functions.get(t)).find((f) => f !== undefined);
  }
  if (!fn) return;
  fn.logGroupDefined = true;
  const days = new Props(stack, r.props).num('RetentionInDays');
  // A group without RetentionInDays never expires; an override without it keeps what was set.
  if (days) fn.logRetentionDays = days;
  else if (nameValue !== undefined) fn.logRetentionDays = { value: 0, loc: r.loc };
}

function trail(stack: Stack, r: Resource): void {
  const p = new Props(stack, r.props);
  const t: AuditTrail = { cloud: 'aws', kind: 'cloudtrail', loc: r.loc };
  const set = <K extends keyof AuditTrail>(key: K, v: AuditTrail[K] | undefined): void => setDefined(t, key, v);
  set('multiRegion', p.bool('IsMultiRegionTrail'));
  set('logFileValidation', p.bool('EnableLogFileValidation'));
  set('kmsKey', p.str('KMSKeyId'));
  const selectors = p.get('EventSelectors') ?? p.get('AdvancedEventSelectors');
  if (selectors) {
    const hasData = Array.isArray(selectors.value) && selectors.value.some((s) =>
      isPlainObject(s) && (Array.isArray(s['DataResources']) ? s['DataResources'].length > 0 : Array.isArray(s['FieldSelectors'])));
    t.dataEvents = { value: hasData, loc: selectors.loc };
  }
  stack.ctx.model.auditTrails.push(t);
}
