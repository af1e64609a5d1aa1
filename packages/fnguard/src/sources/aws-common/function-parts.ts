/** Function parts shared by the AWS sources: environment variables and VPC placement. */
import type { EnvVar, Location, Network } from '../../model/types.js';
import type { Locator } from './policy.js';
import { isPlainObject, listProp, render, type RefResolver } from './values.js';

/** One environment variable of a `Variables`/`environment` map, with its own line. */
export function envVarFrom(vars: Record<string, unknown>, name: string, at: Locator, r?: RefResolver, inherited?: boolean): EnvVar | undefined {
  const x = render(vars[name], r);
  if (x.noValue) return undefined;
  const e: EnvVar = { name, loc: at.loc(vars, name) };
  if (x.value !== undefined) e.value = x.value;
  else e.expr = x.expr;
  if (x.secretRef) e.secretRef = x.secretRef;
  if (inherited) e.inherited = true;
  return e;
}

/**
 * Merge inherited (provider / Globals) and own variables: own ones override by name,
 * inherited ones keep their own lines and are marked inherited.
 */
export function mergeEnv(own: unknown, inherited: unknown, at: Locator, r?: RefResolver): EnvVar[] {
  const out: EnvVar[] = [];
  const ownVars = isPlainObject(own) ? own : {};
  if (isPlainObject(inherited)) {
    for (const name of Object.keys(inherited)) {
      if (name in ownVars) continue;
      const e = envVarFrom(inherited, name, at, r, true);
      if (e) out.push(e);
    }
  }
  for (const name of Object.keys(ownVars)) {
    const e = envVarFrom(ownVars, name, at, r);
    if (e) out.push(e);
  }
  return out;
}

/** VPC settings (`VpcConfig` or serverless `vpc`) → Network; keys differ only in case. */
export function vpcNetwork(v: unknown, loc: Location, at: Locator, r?: RefResolver, inherited?: boolean): Network | undefined {
  if (v === undefined || v === null) return undefined;
  const x = render(v, r);
  if (x.noValue) return undefined;
  const net: Network = { loc, attached: false };
  if (inherited) net.inherited = true;
  if (!isPlainObject(v)) {
    // `vpc: ${file(…)}` left unresolved, `!If` …: placement unknown, assume attached only if written.
    net.attached = true;
    return net;
  }
  const key = (upper: string): string => (upper in v ? upper : upper[0]!.toLowerCase() + upper.slice(1));
  const subnets = listProp(v[key('SubnetIds')], at.loc(v, key('SubnetIds')), r, inherited);
  const groups = listProp(v[key('SecurityGroupIds')], at.loc(v, key('SecurityGroupIds')), r, inherited);
  if (subnets) net.subnetIds = subnets;
  if (groups) net.securityGroupIds = groups;
  net.attached = subnets !== undefined && (subnets.expr !== undefined || (subnets.value?.length ?? 0) > 0);
  return net;
}
