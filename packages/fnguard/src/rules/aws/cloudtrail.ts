/** CloudTrail trails declared in the scanned templates (AWS::CloudTrail::Trail, aws_cloudtrail). CIS ids: CIS AWS Foundations Benchmark v3.0.0. */
import type { AuditTrail, Prop } from '../../model/types.js';
import type { Rule, RuleMeta } from '../define.js';
import { at, awsRule } from './util.js';

function trailRule(
  meta: Omit<RuleMeta, 'clouds'>,
  prop: (t: AuditTrail) => Prop<unknown> | undefined,
  /** Whether a statically known value is compliant. */
  ok: (value: unknown) => boolean,
  what: string,
): Rule {
  return awsRule(meta, function* (ctx) {
    const seenInFile = new Map<string, number>();
    for (const trail of ctx.model.auditTrails) {
      if (trail.cloud !== 'aws' || trail.kind !== 'cloudtrail') continue;
      // n-th trail of its file: a fingerprint key that survives line shifts.
      const n = (seenInFile.get(trail.loc.file) ?? 0) + 1;
      seenInFile.set(trail.loc.file, n);
      const p = prop(trail);
      if (p && (p.value === undefined || ok(p.value))) continue;
      yield {
        message: `CloudTrail trail declared at ${trail.loc.file}:${trail.loc.line} ${what}.`,
        loc: at(p, trail.loc),
        key: `trail:${trail.loc.file}#${n}`,
      };
    }
  });
}

export const trailNotMultiRegion = trailRule(
  {
    id: 'AWS_CLOUDTRAIL_NOT_MULTI_REGION',
    title: 'CloudTrail trail is not multi-region',
    severity: 'medium',
    category: 'observability',
    description:
      'The trail records API activity in one region only. Functions, roles and resources created in any other region — a classic way to hide attacker activity — leave no audit record.',
    remediation: 'Set `IsMultiRegionTrail: true` (Terraform `is_multi_region_trail = true`).',
    compliance: {
      'CIS-AWS': ['3.1'],
      'OWASP-SLS-2017': ['A10'],
      'PCI-DSS-4.0': ['10.2.1'],
      HIPAA: ['164.312(b)'],
      'NIST-800-53': ['AU-2', 'AU-12'],
    },
  },
  (t) => t.multiRegion,
  (v) => v === true,
  'records only its own region',
);

export const trailNoLogValidation = trailRule(
  {
    id: 'AWS_CLOUDTRAIL_NO_LOG_VALIDATION',
    title: 'CloudTrail log file validation disabled',
    severity: 'medium',
    category: 'observability',
    description:
      'Log file integrity validation is off, so deleted or modified CloudTrail log files cannot be detected: an intruder can erase the traces of what they did.',
    remediation: 'Set `EnableLogFileValidation: true` (Terraform `enable_log_file_validation = true`).',
    compliance: {
      'CIS-AWS': ['3.2'],
      'OWASP-SLS-2017': ['A10'],
      'PCI-DSS-4.0': ['10.3.2', '10.3.4'],
      HIPAA: ['164.312(c)(1)'],
      'NIST-800-53': ['AU-9', 'SI-7'],
    },
  },
  (t) => t.logFileValidation,
  (v) => v === true,
  'has log file validation disabled',
);

export const trailNoKms = trailRule(
  {
    id: 'AWS_CLOUDTRAIL_NO_KMS',
    title: 'CloudTrail logs not encrypted with a customer managed key',
    severity: 'medium',
    category: 'encryption',
    description:
      'The trail delivers logs encrypted only with S3 managed keys. With a KMS customer managed key, reading the audit logs additionally requires kms:Decrypt, which limits who can read them and records every access.',
    remediation: 'Set `KMSKeyId` (Terraform `kms_key_id`) to a customer managed KMS key whose policy allows CloudTrail to encrypt.',
    compliance: {
      'CIS-AWS': ['3.5'],
      'PCI-DSS-4.0': ['10.3.1'],
      HIPAA: ['164.312(a)(2)(iv)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['AU-9(3)', 'SC-28(1)'],
    },
  },
  (t) => t.kmsKey,
  (v) => typeof v === 'string' && v.trim() !== '',
  'has no customer managed KMS key',
);

export const trailNoDataEvents = trailRule(
  {
    id: 'AWS_CLOUDTRAIL_NO_DATA_EVENTS',
    title: 'CloudTrail trail records no data events',
    severity: 'low',
    category: 'observability',
    description:
      'The trail has no event selectors for data events, so function invocations (lambda:Invoke) and object-level access are not recorded: who invoked a function directly, bypassing the API, cannot be established afterwards.',
    remediation:
      'Add an event selector (or advanced event selector) for data events of AWS::Lambda::Function (and S3 objects holding sensitive data) to the trail.',
    compliance: {
      'OWASP-SLS-2017': ['A10'],
      'PCI-DSS-4.0': ['10.2.1'],
      HIPAA: ['164.312(b)'],
      'NIST-800-53': ['AU-2', 'AU-12'],
    },
  },
  (t) => t.dataEvents,
  (v) => v === true,
  'records no data events (e.g. Lambda invocations)',
);
