/**
 * SARIF 2.1.0: one run, rules in tool.driver.rules (help, tags, security-severity), results with
 * root-relative URIs under %SRCROOT%, partialFingerprints that never include a line number,
 * inline suppressions as `suppressions[kind=inSource]`, scan warnings as tool notifications.
 */
import { pathToFileURL } from 'node:url';
import type { Finding, ScanResult } from '../findings/types.js';
import type { Location } from '../model/types.js';
import type { RuleMeta } from '../rules/define.js';
import { SECURITY_SEVERITY, sarifLevel } from './severity.js';
import { TOOL } from './tool.js';

type Json = Record<string, unknown>;

function physical(loc: Location): Json {
  const region: Json = { startLine: Math.max(1, loc.line) };
  if (loc.column) region.startColumn = loc.column;
  if (loc.endLine && loc.endLine >= loc.line) region.endLine = loc.endLine;
  return { artifactLocation: { uri: encodeURI(loc.file), uriBaseId: 'SRCROOT' }, region };
}

function ruleDescriptor(m: RuleMeta): Json {
  const compliance = Object.entries(m.compliance).map(([fw, ids]) => `${fw}: ${ids!.join(', ')}`);
  return {
    id: m.id,
    name: m.id.toLowerCase().replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: m.title },
    fullDescription: { text: m.description },
    help: {
      text: `${m.remediation}${compliance.length ? `\nCompliance: ${compliance.join('; ')}` : ''}`,
      markdown: `${m.remediation}${compliance.length ? `\n\n**Compliance:** ${compliance.join('; ')}` : ''}`,
    },
    ...(m.helpUri ? { helpUri: m.helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(m.severity) },
    properties: {
      tags: [m.category, ...(m.tags ?? [])],
      'security-severity': SECURITY_SEVERITY[m.severity],
      severity: m.severity,
      clouds: m.clouds,
      compliance: m.compliance,
    },
  };
}

function result(f: Finding, ruleIndex: number): Json {
  const location: Json = { physicalLocation: physical(f.loc) };
  if (f.logicalLocations?.length) location.logicalLocations = f.logicalLocations;
  else if (f.functions.length) {
    location.logicalLocations = f.functions.map((fn) => ({ name: fn.name, fullyQualifiedName: fn.id, kind: 'function' }));
  }
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [location],
    ...(f.related.length
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.loc), message: { text: r.message } })) }
      : {}),
    partialFingerprints: { 'fnguardFindingHash/v1': f.fingerprint },
    ...(f.suppression
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.suppression.reason, location: { physicalLocation: physical(f.suppression.loc) } }] }
      : {}),
    properties: {
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY[f.severity],
      tags: f.tags,
      functions: f.functions.map((fn) => fn.name),
    },
  };
}

export function renderSarif(res: ScanResult): string {
  const index = new Map(res.rules.map((r, i) => [r.id, i] as const));
  // Findings from rules outside the selected set (should not happen) still need a descriptor.
  const rules = [...res.rules];
  for (const f of res.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push({ id: f.ruleId, title: f.title, severity: f.severity, category: f.category, clouds: [], description: f.title, remediation: f.title, compliance: {} });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: TOOL.version,
            semanticVersion: TOOL.version,
            informationUri: TOOL.informationUri,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(res.root.endsWith('/') ? res.root : `${res.root}/`).href } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: res.diagnostics
              .filter((d) => d.level === 'warning')
              .map((d) => ({
                level: 'warning',
                message: { text: d.message },
                locations: [{ physicalLocation: physical({ file: d.file, line: d.line ?? 1 }) }],
              })),
          },
        ],
        results: res.findings.map((f) => result(f, index.get(f.ruleId)!)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
