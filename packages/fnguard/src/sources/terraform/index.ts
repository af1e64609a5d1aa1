/**
 * The Terraform source: `.tf` files (HCL2) per folder, `terraform.tfvars` / `*.auto.tfvars`,
 * local modules with their inputs. Resources for AWS Lambda (+ IAM, API Gateway, CloudTrail),
 * Azure function apps and GCP Cloud Functions become model nodes with their lines.
 *
 * `count` / `for_each` resources are one model node each (their index values stay unknown).
 */
import type { Location } from '../../model/types.js';
import { describeError } from '../../core/errors.js';
import type { Source, SourceContext, SourceFile } from '../types.js';
import { Evaluator, PolicyDocValue, type Instance, type Val } from './eval.js';
import { loadConfig } from './load.js';
import { Builder } from './build.js';
import { policyDocumentStatements, type PolicyContext } from './policy.js';
import { loadAws } from './aws.js';
import { AZURE_FUNCTION_TYPES, loadAzure } from './azure.js';
import { GCP_IAM_TYPES, loadGcp } from './gcp.js';

const CLAIMED = /\.(tf|tfvars|tfvars\.json)$/i;

/** Resource types this source reads (directly or as the target of a link). Others get one info line. */
const READ_TYPES = new Set([
  'aws_lambda_function', 'aws_lambda_alias', 'aws_lambda_permission', 'aws_lambda_function_url', 'aws_lambda_event_source_mapping',
  'aws_iam_role', 'aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_role_policy_attachment', 'aws_iam_policy_attachment',
  'aws_cloudwatch_log_group', 'aws_cloudtrail', 'aws_s3_bucket_notification', 'aws_sns_topic_subscription',
  'aws_cloudwatch_event_target', 'aws_cloudwatch_event_rule',
  'aws_api_gateway_rest_api', 'aws_api_gateway_rest_api_policy', 'aws_api_gateway_resource', 'aws_api_gateway_method',
  'aws_api_gateway_integration', 'aws_api_gateway_stage', 'aws_api_gateway_method_settings',
  'aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association', 'aws_waf_regional_web_acl_association',
  'aws_apigatewayv2_api', 'aws_apigatewayv2_route', 'aws_apigatewayv2_integration', 'aws_apigatewayv2_stage',
  // Read through the resources that point at them (authorization types, scopes, sources).
  'aws_api_gateway_authorizer', 'aws_api_gateway_deployment', 'aws_apigatewayv2_authorizer', 'aws_apigatewayv2_deployment',
  'aws_api_gateway_request_validator', 'aws_api_gateway_base_path_mapping', 'aws_api_gateway_domain_name',
  'aws_apigatewayv2_api_mapping', 'aws_apigatewayv2_domain_name',
  'azurerm_resource_group',
  ...AZURE_FUNCTION_TYPES, 'azurerm_function_app_function', 'azurerm_role_assignment', 'azurerm_role_definition', 'azurerm_user_assigned_identity',
  'azurerm_app_service_virtual_network_swift_connection',
  'google_cloudfunctions_function', 'google_cloudfunctions2_function', 'google_service_account', 'google_storage_bucket_object',
  ...GCP_IAM_TYPES,
  ...['google_project', 'google_folder', 'google_organization'].flatMap((p) => [`${p}_iam_member`, `${p}_iam_binding`]),
]);

/**
 * Computed attributes of data sources we can evaluate statically: `data.aws_iam_policy_document.x.json`.
 * `shared.pc` is filled in once the evaluator exists (the hook and the evaluator need each other).
 */
function dataHook(shared: { pc?: PolicyContext }) {
  const cache = new Map<string, Val>();
  const active = new Set<string>();
  return (inst: Instance, addr: string, attr: string): Val | undefined => {
    if (!addr.startsWith('data.aws_iam_policy_document.') || (attr !== 'json' && attr !== 'minified_json')) return undefined;
    const key = `${inst.scope}|${addr}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const d = inst.decl.resources.get(addr);
    if (!d || !shared.pc || active.has(key)) return undefined;
    active.add(key);
    try {
      const ref = { module: inst.scope, addr, attr };
      const v = new PolicyDocValue(policyDocumentStatements(d.block, inst, d.file, shared.pc, ref), ref);
      cache.set(key, v);
      return v;
    } finally {
      active.delete(key);
    }
  };
}

async function load(files: SourceFile[], ctx: SourceContext): Promise<void> {
  const shared: { pc?: PolicyContext } = {};
  const ev = new Evaluator({
    warn: (file, message, line) => ctx.warn(file, message, line),
    readFile: (path: string, from: Location) => {
      const f = ctx.readFile(path, from);
      return f ? { text: f.text, path: f.path } : undefined;
    },
    dataAttr: dataHook(shared),
  });
  shared.pc = { ev, warn: (m, loc) => ctx.warn(loc.file, m, loc.line) };
  const cfg = await loadConfig(files, ctx, ev);
  const b = new Builder(cfg, ev, ctx);
  // One cloud's failure (a bug on unusual input) must not drop the others' functions.
  for (const [cloud, loader] of [['AWS', loadAws], ['Azure', loadAzure], ['GCP', loadGcp]] as const) {
    try {
      loader(b);
    } catch (err) {
      ctx.warn(files[0]?.path ?? '.', `Terraform ${cloud} resources only partly read: ${describeError(err)}`);
    }
  }
  for (const r of cfg.resources) {
    if (!r.data && !READ_TYPES.has(r.type)) b.infoOnce(r.type, r.file, `Terraform resource type ${r.type} is not analysed`, r.block.line);
  }
}

export const terraformSource: Source = {
  format: 'terraform',
  claims: (file) => CLAIMED.test(file.path),
  load,
};
