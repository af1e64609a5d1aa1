import type { Location, Model, ScannedFile, SourceFormat } from '../model/types.js';

/** A discovered text file inside the scan root. */
export interface SourceFile {
  /** Relative to the scan root, forward slashes. */
  path: string;
  abs: string;
  text: string;
}

export interface SourceContext {
  readonly root: string;
  readonly model: Model;
  /**
   * Read another file for an include or a module (`${file(…)}`, `source = "./mod"`).
   * Refuses anything outside the scan root (returns undefined and records a warning), so an
   * untrusted pull request cannot make the scanner read the runner's files.
   */
  readFile(rel: string, from: Location): SourceFile | undefined;
  /** List files of a directory inside the root (for Terraform modules); undefined when refused. */
  listDir(rel: string, from: Location): string[] | undefined;
  /** Mark a file as handled so later sources do not load it again (e.g. an included resources file). */
  consume(rel: string): void;
  /** Keep a loaded file's text in the model (once), so suppression comments in it are honoured. */
  keep(file: SourceFile, format: ScannedFile['format']): void;
  warn(file: string, message: string, line?: number): void;
  info(file: string, message: string, line?: number): void;
}

export interface Source {
  format: SourceFormat;
  /** Cheap decision whether this source owns a discovered file (by name, then by a look at its text). */
  claims(file: SourceFile): boolean;
  /**
   * Load every claimed file into ctx.model. A file that fails to parse is reported with
   * ctx.warn and skipped; it must never abort the whole scan.
   */
  load(files: SourceFile[], ctx: SourceContext): Promise<void> | void;
}
