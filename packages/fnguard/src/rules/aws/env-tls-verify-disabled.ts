import type { EnvVar } from '../../model/types.js';
import { awsFunctions, awsRule, envDeclarations, fnNames, fnsKey } from './util.js';

/** Environment settings that switch off certificate verification or allow old TLS in the runtime. */
function insecureTls(env: EnvVar): string | undefined {
  const v = (env.value ?? '').trim().replace(/^['"]|['"]$/g, '');
  const name = env.name.toUpperCase();
  if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && v === '0') return 'disables TLS certificate verification in Node.js';
  if (name === 'PYTHONHTTPSVERIFY' && v === '0') return 'disables HTTPS certificate verification in Python';
  if (name === 'GIT_SSL_NO_VERIFY' && v !== '' && !/^(0|false|no)$/i.test(v)) return 'disables TLS certificate verification in git';
  if (name === 'NODE_OPTIONS') {
    if (/--tls-min-v1\.[01]\b/.test(v)) return 'allows TLS 1.0/1.1 in Node.js';
    if (/--insecure-http-parser\b/.test(v)) return 'enables the lenient (request-smuggling prone) HTTP parser in Node.js';
    if (/--tls-cipher-list=\S*(NULL|RC4|DES|EXPORT)/i.test(v)) return 'allows weak TLS cipher suites in Node.js';
  }
  return undefined;
}

export default awsRule(
  {
    id: 'AWS_LAMBDA_ENV_TLS_VERIFY_DISABLED',
    title: 'Environment variable disables TLS verification',
    severity: 'high',
    category: 'encryption',
    description:
      'An environment variable turns off TLS certificate verification or allows outdated TLS for the whole runtime (NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, NODE_OPTIONS=--tls-min-v1.0/--insecure-http-parser). Every outbound HTTPS call of the function — to AWS APIs, databases, third parties — can then be intercepted by a man in the middle.',
    remediation:
      'Remove the variable. If a service uses a private CA, add that CA (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE/AWS_CA_BUNDLE) instead of disabling verification.',
    compliance: {
      'OWASP-SLS-2017': ['A3', 'A6'],
      'PCI-DSS-4.0': ['4.2.1'],
      HIPAA: ['164.312(e)(1)'],
      GDPR: ['Art.32'],
      'NIST-800-53': ['SC-8', 'SC-23'],
    },
  },
  function* (ctx) {
    for (const { env, fns } of envDeclarations(awsFunctions(ctx))) {
      if (env.value === undefined) continue;
      const why = insecureTls(env);
      if (!why) continue;
      yield {
        message: `Environment variable ${env.name}=${env.value} of ${fns.length > 1 ? 'functions' : 'function'} ${fnNames(fns)} ${why}.`,
        loc: env.loc,
        fn: fns,
        key: fnsKey(fns, `env:${env.name}`, 'tls'),
      };
    }
  },
);
