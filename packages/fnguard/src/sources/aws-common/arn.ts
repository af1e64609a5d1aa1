/** ARN parsing for the AWS sources (layer accounts and versions, role ARNs). */
import type { Layer, Prop } from '../../model/types.js';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** `arn:partition:service:region:account:resource`; undefined when the text is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
  if (!m) return undefined;
  return { partition: m[1]!, service: m[2]!, region: m[3]!, account: m[4]!, resource: m[5]! };
}

/** A layer reference with the account and version read from its ARN when it is one. */
export function layerFrom(ref: Prop<string>): Layer {
  const layer: Layer = { ref };
  const text = ref.value ?? ref.expr ?? '';
  const arn = parseArn(text);
  if (arn && arn.service === 'lambda') {
    if (/^\d{12}$/.test(arn.account)) layer.account = arn.account;
    const m = /^layer:[^:]+:(\d+)$/.exec(arn.resource);
    if (m) layer.version = m[1];
  }
  return layer;
}

/** Whether a string looks like an IAM role ARN (an identity defined outside the templates). */
export function isRoleArn(text: string): boolean {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === 'iam' && arn.resource.startsWith('role/');
}
