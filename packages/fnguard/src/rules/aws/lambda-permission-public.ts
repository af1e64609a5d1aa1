import type { Permission } from '../../model/types.js';
import { awsFunctions, awsRule, fnKey, known, show } from './util.js';

/** Principal `*` (or `{ AWS: '*' }` rendered as '*'). */
export function isAnyone(p: Permission): boolean {
  return known(p.principal) && /^(\*|arn:aws[a-z-]*:iam::\*:root)$/.test(p.principal.value.trim());
}

/** Written SourceArn / SourceAccount / other condition that narrows who can use the grant. */
export function isConstrained(p: Permission): boolean {
  return p.sourceArn !== undefined || p.sourceAccount !== undefined || (p.conditions?.length ?? 0) > 0;
}

export default awsRule(
  {
    id: 'AWS_LAMBDA_PERMISSION_PUBLIC',
    title: 'Lambda resource policy lets anyone invoke the function',
    severity: 'high',
    category: 'exposure',
    description:
      'A resource-based permission (AWS::Lambda::Permission, aws_lambda_permission, serverless resources) grants invoke to principal `*` with no SourceArn, SourceAccount or other condition: any AWS account can call the function directly. Function URL permissions (lambda:InvokeFunctionUrl) are left to AWS_LAMBDA_URL_AUTH_NONE.',
    remediation:
      'Grant the permission to the specific service principal or account that needs it and add SourceArn (and SourceAccount for S3), or remove the permission.',
    compliance: {
      'OWASP-SLS-2017': ['A5'],
      'PCI-DSS-4.0': ['7.2.1'],
      HIPAA: ['164.312(a)(1)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['AC-3', 'AC-6'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const p of fn.permissions) {
        if (!isAnyone(p) || isConstrained(p)) continue;
        if (p.functionUrlAuthType !== undefined || /InvokeFunctionUrl$/i.test(p.action?.value ?? '')) continue;
        yield {
          message: `Function "${fn.name}" grants ${p.action ? show(p.action) : 'invoke'} to principal "*" with no SourceArn, SourceAccount or condition: any AWS account can invoke it.`,
          loc: p.principal.loc,
          fn,
          key: fnKey(fn, 'permission', p.action?.value),
        };
      }
    }
  },
);
