/**
 * Loads the resources of one stack in dependency order: IAM first (functions name their roles),
 * then APIs (events name their API), functions, SAM connectors (which extend function roles),
 * and finally the resources that attach to them.
 */
import { loadApiAttachments, loadApis } from './apis.js';
import { loadAttachments } from './attach.js';
import { loadConnectors } from './connectors.js';
import { loadFunctions } from './functions.js';
import { loadIam } from './iam.js';
import { Stack, type StackOptions } from './stack.js';
import type { SourceContext } from '../types.js';

/** Types read by this module (everything else gets one "not analysed" info per file). */
const HANDLED = new Set([
  'AWS::Serverless::Function', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi',
  'AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::Lambda::Url', 'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::EventInvokeConfig', 'AWS::Lambda::Alias', 'AWS::Lambda::Version',
  'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy',
  'AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Stage', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::UsagePlan', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Integration', 'AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation',
  'AWS::Logs::LogGroup', 'AWS::CloudTrail::Trail', 'AWS::Serverless::Connector',
]);

/** Load a stack's collected resources into the model. */
export function loadStack(stack: Stack): void {
  loadIam(stack);
  loadApis(stack);
  loadFunctions(stack);
  loadConnectors(stack);
  loadApiAttachments(stack);
  loadAttachments(stack);
  for (const r of stack.resources.values()) if (!HANDLED.has(r.type)) stack.notAnalysed(r.type, r.loc);
}

/**
 * Load CloudFormation fragments (a template, or serverless.yml `resources` entries with
 * `Resources`/`Outputs`/`Parameters`) as one stack. Pre-registered nodes in `opts` are reused.
 */
export function loadFragments(fragments: Record<string, unknown>[], ctx: SourceContext, opts: StackOptions): Stack {
  const stack = new Stack(ctx, opts);
  for (const f of fragments) stack.collect(f);
  loadStack(stack);
  return stack;
}
