/**
 * The generated policy as ready-to-paste text in the function's own format: serverless.yml
 * `provider.iam.role.statements`, SAM `Policies`, Terraform `data "aws_iam_policy_document"`.
 * Template references carried in resources (`${Orders.Arn}`, `${aws_sqs_queue.jobs.arn}`) are
 * written as that format's own reference syntax.
 */
import type { GeneratedPolicy } from './policy.js';

const TF_REF = /\$\{((?:data\.)?aws_[a-z0-9_]+\.[\w-]+\.[\w.]+|module\.[\w.-]+|var\.[\w-]+|local\.[\w-]+)\}/;

/** A YAML scalar: plain when safe, JSON-quoted (valid YAML) otherwise. */
function yamlScalar(s: string): string {
  return /^[A-Za-z][\w:/.\-*?+=@,]*$/.test(s) && !/:\s|#/.test(s) ? s : JSON.stringify(s);
}

/** CloudFormation value (serverless.yml and SAM both accept the short-form intrinsics). */
function cfnValue(resource: string): string {
  if (!resource.includes('${') || TF_REF.test(resource)) return yamlScalar(resource);
  const whole = /^\$\{([A-Za-z][A-Za-z0-9]*)(?:\.(Arn))?\}$/.exec(resource);
  if (whole) return whole[2] ? `!GetAtt ${whole[1]}.${whole[2]}` : `!Ref ${whole[1]}`;
  return `!Sub ${JSON.stringify(resource)}`;
}

function yamlStatements(policy: GeneratedPolicy, indent: string): string[] {
  const out: string[] = [];
  for (const s of policy.Statement) {
    out.push(`${indent}- Sid: ${yamlScalar(s.Sid)}`);
    out.push(`${indent}  Effect: Allow`);
    out.push(`${indent}  Action:`);
    for (const a of s.Action) out.push(`${indent}    - ${yamlScalar(a)}`);
    out.push(`${indent}  Resource:`);
    for (const r of s.Resource) out.push(`${indent}    - ${cfnValue(r)}`);
  }
  return out;
}

export function serverlessSnippet(policy: GeneratedPolicy, functionName: string): string {
  return [
    `# serverless.yml - least-privilege statements for function ${functionName}`,
    'provider:',
    '  iam:',
    '    role:',
    ...(policy.Statement.length ? ['      statements:', ...yamlStatements(policy, '        ')] : ['      statements: []']),
    '',
  ].join('\n');
}

export function samSnippet(policy: GeneratedPolicy, logicalId: string): string {
  return [
    `# template.yaml - under Properties of ${logicalId}`,
    ...(policy.Statement.length ? ['Policies:', '  - Version: "2012-10-17"', '    Statement:', ...yamlStatements(policy, '      ')] : ['Policies: []']),
    '',
  ].join('\n');
}

/** An HCL string or expression for one resource. */
function hclValue(resource: string): string {
  const whole = new RegExp(`^${TF_REF.source}$`).exec(resource);
  if (whole) return whole[1]!;
  const escaped = JSON.stringify(resource).replace(/%\{/g, '%%{');
  // Keep Terraform interpolations; escape anything else that looks like one (CloudFormation refs).
  return escaped.replace(/\$\{([^}]*)\}/g, (m, inner: string) => (TF_REF.test(m) ? `\${${inner}}` : `$\${${inner}}`));
}

export function terraformSnippet(policy: GeneratedPolicy, name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'function';
  const out = [`data "aws_iam_policy_document" "${id}" {`];
  for (const s of policy.Statement) {
    out.push('  statement {');
    out.push(`    sid       = ${JSON.stringify(s.Sid)}`);
    out.push('    effect    = "Allow"');
    out.push(`    actions   = [${s.Action.map((a) => JSON.stringify(a)).join(', ')}]`);
    out.push(`    resources = [${s.Resource.map(hclValue).join(', ')}]`);
    out.push('  }');
  }
  out.push('}', '');
  return out.join('\n');
}
