/**
 * The dependency model shared by lockfile parsers, the OSV matcher, supply-chain rules and the SBOM.
 * Every package keeps the line of its lockfile entry so findings point at it.
 */
export type Ecosystem = 'npm' | 'PyPI';

export type LockfileKind =
  | 'package-lock'
  | 'npm-shrinkwrap'
  | 'yarn-classic'
  | 'yarn-berry'
  | 'pnpm'
  | 'requirements'
  | 'poetry'
  | 'pipfile';

/** How a package is obtained. */
export type DepSource = 'registry' | 'git' | 'url' | 'file' | 'link';

export interface DepPackage {
  name: string;
  /** Resolved version; undefined for unpinned Python requirements. */
  version?: string;
  ecosystem: Ecosystem;
  /** Listed by the project's own manifest (not pulled in by another package). */
  direct: boolean;
  dev?: boolean;
  /** Shortest chain of package names from a direct dependency to this one (inclusive). */
  path: string[];
  /** SRI strings (`sha512-…`) or `algo:hex` hashes, as the lockfile writes them. */
  integrity: string[];
  resolved?: string;
  source: DepSource;
  /** 1-based line of the package's entry in its lockfile. */
  line: number;
  /** File of the entry when it is not the lockfile itself (a requirements file pulled in by `-r`). */
  file?: string;
  hasInstallScript?: boolean;
  /** Deprecation message, when the lockfile carries one. */
  deprecated?: string;
  license?: string;
  /** Requirement as written (Python requirements: `>=2.0`, npm manifest ranges). */
  spec?: string;
  /** Keys (`name@version`) of the packages this one depends on, for the dependency graph. */
  dependsOn: string[];
}

export interface Lockfile {
  /** Path relative to the scan root. */
  file: string;
  kind: LockfileKind;
  ecosystem: Ecosystem;
  packages: DepPackage[];
  /** Extra package indexes configured (`--index-url`, `--extra-index-url`, Pipfile sources, .npmrc). */
  registries: string[];
  /** requirements `--index-url` / `--extra-index-url` options, with their lines. */
  indexes?: { url: string; file: string; line: number; extra: boolean }[];
}

export interface DirectDependency {
  name: string;
  /** Range or requirement as written. */
  spec: string;
  line: number;
  dev: boolean;
}

export interface Manifest {
  file: string;
  kind: 'package.json' | 'pyproject.toml' | 'Pipfile' | 'requirements.txt';
  ecosystem: Ecosystem;
  name?: string;
  version?: string;
  dependencies: DirectDependency[];
}

export const pkgKey = (name: string, version: string | undefined): string => `${name}@${version ?? ''}`;

/** PEP 503 normalised Python project name. */
export function normalizePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function normalizeName(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'PyPI' ? normalizePyName(name) : name;
}

/** Raised by a parser for input it cannot read; callers turn it into a one-line diagnostic. */
export class LockfileError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'LockfileError';
  }
}
