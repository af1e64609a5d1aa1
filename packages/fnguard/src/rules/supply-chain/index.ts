import type { Rule } from '../define.js';
import knownVulnerability from './known-vulnerability.js';
import maliciousPackage from './malicious-package.js';
import noLockfile from './no-lockfile.js';
import floatingRange from './floating-range.js';
import pythonUnpinned from './python-unpinned.js';
import nonRegistrySource from './non-registry-source.js';
import missingIntegrity from './missing-integrity.js';
import unexpectedRegistry from './unexpected-registry.js';
import installScript from './install-script.js';
import typosquat from './typosquat.js';
import deprecated from './deprecated.js';
import registrySignature from './registry-signature.js';

export const supplyChainRules: Rule[] = [
  knownVulnerability,
  maliciousPackage,
  noLockfile,
  floatingRange,
  pythonUnpinned,
  nonRegistrySource,
  missingIntegrity,
  unexpectedRegistry,
  installScript,
  typosquat,
  deprecated,
  registrySignature,
];
