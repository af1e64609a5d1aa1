/**
 * CycloneDX 1.6 JSON for one function (or one folder): its resolved packages as components with
 * purl, lockfile hashes, licences and the dependency graph, built with @cyclonedx/cyclonedx-library.
 */
import { randomUUID } from 'node:crypto';
import { Enums, Models, Serialize, Spec, SPDX } from '@cyclonedx/cyclonedx-library';
import { normalizePyName, pkgKey, type DepPackage, type Lockfile } from './types.js';

const SRI_ALGOS: Record<string, [Enums.HashAlgorithm, number]> = {
  sha1: [Enums.HashAlgorithm['SHA-1'], 20],
  sha256: [Enums.HashAlgorithm['SHA-256'], 32],
  sha384: [Enums.HashAlgorithm['SHA-384'], 48],
  sha512: [Enums.HashAlgorithm['SHA-512'], 64],
};

/** Lockfile integrity (`sha512-<base64>` SRI or `sha256:<hex>`) → CycloneDX algorithm + hex, when well-formed. */
export function hashOf(integrity: string): [Enums.HashAlgorithm, string] | undefined {
  const sri = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/.exec(integrity);
  const hex = /^(sha1|sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(integrity);
  const algo = SRI_ALGOS[(sri ?? hex)?.[1] ?? ''];
  if (!algo) return undefined;
  const value = sri ? Buffer.from(sri[2]!, 'base64').toString('hex') : hex![2]!.toLowerCase();
  return value.length === algo[1] * 2 ? [algo[0], value] : undefined;
}

/** Package URL (purl spec): npm scopes become an encoded namespace, PyPI names are normalised. */
export function purlOf(p: DepPackage): string {
  const v = p.version ? `@${encodeURIComponent(p.version)}` : '';
  if (p.ecosystem === 'PyPI') return `pkg:pypi/${encodeURIComponent(normalizePyName(p.name))}${v}`;
  const [scope, name] = p.name.startsWith('@') ? p.name.split('/') : [undefined, p.name];
  return `pkg:npm/${scope ? `${encodeURIComponent(scope)}/` : ''}${encodeURIComponent(name!)}${v}`;
}

function licenseOf(expr: string): Models.SpdxLicense | Models.LicenseExpression | Models.NamedLicense {
  const id = SPDX.fixupSpdxId(expr);
  if (id) return new Models.SpdxLicense(id);
  if (/\s(AND|OR|WITH)\s/.test(expr)) return new Models.LicenseExpression(expr);
  return new Models.NamedLicense(expr);
}

export interface SbomSubject {
  name: string;
  version?: string;
  /** e.g. 'aws:serverless.yml#api' – kept as a property. */
  id?: string;
  cloud?: string;
}

export function buildSbom(subject: SbomSubject, lockfiles: readonly Lockfile[], toolVersion: string): string {
  const bom = new Models.Bom();
  bom.serialNumber = `urn:uuid:${randomUUID()}`;
  bom.metadata.timestamp = new Date();
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'fnguard', { version: toolVersion }));
  const root = new Models.Component(Enums.ComponentType.Application, subject.name, { bomRef: `function:${subject.name}`, version: subject.version });
  if (subject.id) root.properties.add(new Models.Property('fnguard:function-id', subject.id));
  if (subject.cloud) root.properties.add(new Models.Property('fnguard:cloud', subject.cloud));
  bom.metadata.component = root;

  const byKey = new Map<string, Models.Component>();
  const edges: [Models.Component, string[]][] = [];
  for (const lock of lockfiles) {
    for (const p of lock.packages) {
      const purl = purlOf(p);
      const key = `${p.ecosystem}:${pkgKey(p.name, p.version)}`;
      let c = byKey.get(key);
      if (!c) {
        const [group, name] = p.ecosystem === 'npm' && p.name.startsWith('@') ? p.name.split('/') : [undefined, p.name];
        c = new Models.Component(Enums.ComponentType.Library, name!, {
          group,
          version: p.version,
          purl,
          bomRef: purl,
          scope: p.dev ? Enums.ComponentScope.Optional : Enums.ComponentScope.Required,
        });
        // yarn berry checksums hash yarn's cache zip, not the published archive: not a package hash
        if (lock.kind !== 'yarn-berry') {
          for (const i of p.integrity) {
            const h = hashOf(i);
            if (h) c.hashes.set(h[0], h[1]);
          }
        }
        if (p.license) c.licenses.add(licenseOf(p.license));
        if (p.resolved && /^(https?|git\+\w+):\/\//.test(p.resolved)) {
          c.externalReferences.add(new Models.ExternalReference(p.resolved, p.source === 'git' ? Enums.ExternalReferenceType.VCS : Enums.ExternalReferenceType.Distribution));
        }
        c.properties.add(new Models.Property('fnguard:lockfile', `${p.file ?? lock.file}:${p.line}`));
        if (p.hasInstallScript) c.properties.add(new Models.Property('fnguard:install-script', 'true'));
        byKey.set(key, c);
        bom.components.add(c);
      }
      edges.push([c, p.dependsOn.map((k) => `${p.ecosystem}:${k}`)]);
      if (p.direct) root.dependencies.add(c.bomRef);
    }
  }
  for (const [c, targets] of edges) {
    for (const t of targets) {
      const to = byKey.get(t);
      if (to && to !== c) c.dependencies.add(to.bomRef);
    }
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}
