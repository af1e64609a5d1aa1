/**
 * Compliance references that several rules share because they guard the same control, in any
 * cloud. One place to keep them right: a rule spreads a set and adds its cloud's benchmark id.
 */
import type { RuleMeta } from './define.js';

type Compliance = RuleMeta['compliance'];

/** A credential written in plain configuration (environment, app settings). */
export const HARDCODED_SECRET: Compliance = {
  'OWASP-SLS-2017': ['A3'],
  'PCI-DSS-4.0': ['8.3.2', '8.6.2'],
  HIPAA: ['164.312(a)(1)'],
  GDPR: ['Art.32'],
  'NIST-800-53': ['IA-5(7)', 'SC-28'],
};

/** A language runtime or host version past its end of support (no more security fixes). */
export const UNSUPPORTED_RUNTIME: Compliance = {
  'OWASP-SLS-2017': ['A9'],
  'PCI-DSS-4.0': ['6.3.3'],
  'NIST-800-53': ['SA-22', 'SI-2'],
};

/** An HTTP(S) endpoint anyone on the internet can call without authenticating. */
export const UNAUTHENTICATED_ENDPOINT: Compliance = {
  'OWASP-SLS-2017': ['A2', 'A5'],
  'PCI-DSS-4.0': ['7.2.1'],
  HIPAA: ['164.312(a)(1)', '164.312(d)'],
  GDPR: ['Art.32'],
  'NIST-800-53': ['AC-3', 'AC-14', 'IA-8'],
};

/** Traffic accepted over plain HTTP. */
export const PLAINTEXT_TRANSPORT: Compliance = {
  'OWASP-SLS-2017': ['A3'],
  'PCI-DSS-4.0': ['4.2.1'],
  HIPAA: ['164.312(e)(1)'],
  GDPR: ['Art.32'],
  'NIST-800-53': ['SC-8'],
};
