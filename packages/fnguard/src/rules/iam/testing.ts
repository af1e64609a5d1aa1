/**
 * Test helpers for the IAM rules: audit an account-export fixture, or run rules over a model
 * built in the test (for clouds whose sources are not available to these tests).
 */
import { readFileSync } from 'node:fs';
import { runRules } from '../../findings/engine.js';
import type { Finding } from '../../findings/types.js';
import type { Model } from '../../model/types.js';
import { loadAccountExport } from '../../sources/aws-account/index.js';
import type { Rule } from '../define.js';

export function loadExport(path: string): Model {
  return loadAccountExport(readFileSync(path, 'utf8'), path).model;
}

export async function auditExport(path: string, rules: readonly Rule[]): Promise<Finding[]> {
  return runRules(loadExport(path), rules);
}

/** Name of the principal a finding is about (account exports carry it as logical location). */
export function principalOf(f: Finding): string | undefined {
  return f.logicalLocations?.[0]?.name;
}
