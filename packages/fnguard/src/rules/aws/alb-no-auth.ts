import { at, awsFunctions, awsRule, fnKey, unresolved } from './util.js';

export default awsRule(
  {
    id: 'AWS_ALB_TARGET_NO_AUTH',
    title: 'Function behind an Application Load Balancer without authentication',
    severity: 'medium',
    category: 'exposure',
    description:
      'The function is the target of an Application Load Balancer listener rule with no authenticate-cognito or authenticate-oidc action, so every request reaching the load balancer is passed to the function without an identity.',
    remediation:
      'Add an authenticate-cognito or authenticate-oidc action before the forward action (serverless: `provider.alb.authorizers` and the event `authorizer:`), or restrict the load balancer to internal clients.',
    compliance: {
      'OWASP-SLS-2017': ['A2', 'A5'],
      'PCI-DSS-4.0': ['7.2.1'],
      HIPAA: ['164.312(d)'],
      'NIST-800-53': ['AC-3', 'IA-8'],
    },
  },
  function* (ctx) {
    for (const fn of awsFunctions(ctx)) {
      for (const t of fn.triggers) {
        if (t.kind !== 'alb' || t.public === false || unresolved(t.auth)) continue;
        if (t.auth && t.auth.value !== 'none') continue;
        yield {
          message: `Function "${fn.name}" is an ALB target${t.path ? ` for ${t.path}` : ''} with no authentication action.`,
          loc: at(t.auth, t.loc),
          fn,
          key: fnKey(fn, 'alb', t.path),
        };
      }
    }
  },
);
