import type { Rule } from '../define.js';
import defaultServiceAccount from './default-service-account.js';
import httpsNotEnforced from './https-not-enforced.js';
import ingressAllowAll from './ingress-allow-all.js';
import noCmek from './no-cmek.js';
import privateTargetNoVpc from './private-target-no-vpc.js';
import publicInvoker from './public-invoker.js';
import runtimeDeprecated from './runtime-deprecated.js';
import secretInEnv from './secret-in-env.js';
import vpcEgressPrivateOnly from './vpc-egress-private-only.js';

export const gcpRules: Rule[] = [
  publicInvoker,
  defaultServiceAccount,
  ingressAllowAll,
  secretInEnv,
  httpsNotEnforced,
  privateTargetNoVpc,
  vpcEgressPrivateOnly,
  noCmek,
  runtimeDeprecated,
];
