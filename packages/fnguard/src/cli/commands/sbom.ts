import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError, describeError } from '../../core/errors.js';
import { buildModel } from '../../scan.js';
import { TOOL } from '../../report/tool.js';
import { analyzeDeps } from '../../analyzers/deps/project.js';
import { buildSbom } from '../../analyzers/deps/sbom.js';
import { parseFlags, writeOutput, printWarnings } from '../common.js';
import type { Command } from '../types.js';

const USAGE = `fnguard sbom <path> [--function NAME] [--output FILE|DIR]
Write a CycloneDX 1.6 JSON software bill of materials for each function under <path>: the packages
resolved by the lockfile governing its code, with purl, lockfile hashes, licences and the dependency graph.

Options:
  --function NAME   only this function (repeatable)
  --output PATH     write to PATH; with several functions PATH is a folder and each BOM is
                    written to PATH/<function>.cdx.json
Without functions in the templates, one BOM covers every lockfile under <path>.`;

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

export const sbomCommand: Command = {
  name: 'sbom',
  summary: 'write a CycloneDX SBOM per function',
  usage: USAGE,
  async run(argv, io) {
    try {
      const { values, positionals } = parseFlags(argv, { function: { type: 'string', multiple: true }, output: { type: 'string', short: 'o' } }, USAGE);
      if (values.help) {
        io.stdout(`${USAGE}\n`);
        return 0;
      }
      if (positionals.length !== 1) throw new UsageError(`sbom takes exactly one path (got ${positionals.length}). Usage: ${USAGE.split('\n')[0]}`);
      const target = resolve(io.cwd, positionals[0]!);
      if (!existsSync(target)) throw new UsageError(`path not found: ${positionals[0]}`);
      const model = await buildModel(target);
      const deps = analyzeDeps(model);
      const wanted = values.function ?? [];
      const known = new Set(model.functions.map((f) => f.name));
      for (const n of wanted) if (!known.has(n)) throw new UsageError(`no function named '${n}' (found: ${[...known].join(', ') || 'none'})`);
      const boms: { name: string; json: string }[] = [];
      if (model.functions.length === 0) {
        boms.push({ name: basename(model.root), json: buildSbom({ name: basename(model.root) }, deps.lockfiles, TOOL.version) });
      } else {
        for (const fn of model.functions) {
          if (wanted.length > 0 && !wanted.includes(fn.name)) continue;
          const locks = [...new Set(deps.unitsOf(fn).flatMap((u) => u.lockfiles))];
          boms.push({ name: fn.name, json: buildSbom({ name: fn.name, id: fn.id, cloud: fn.cloud }, locks, TOOL.version) });
        }
      }
      printWarnings(model.diagnostics, io);
      if (boms.length === 1) {
        const out = values.output && existsSync(values.output) && statSync(values.output).isDirectory() ? join(values.output, `${safeName(boms[0]!.name)}.cdx.json`) : values.output;
        writeOutput(`${boms[0]!.json}\n`, out ? resolve(io.cwd, out) : undefined, io);
        return 0;
      }
      if (!values.output) throw new UsageError(`${boms.length} functions found: pass --function NAME, or --output DIR for one file per function`);
      const dir = resolve(io.cwd, values.output);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (err) {
        throw new UsageError(`cannot create ${values.output}: ${describeError(err)}`);
      }
      for (const b of boms) writeOutput(`${b.json}\n`, join(dir, `${safeName(b.name)}.cdx.json`), io);
      io.stderr(`wrote ${boms.length} SBOMs to ${values.output}\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`fnguard sbom: ${err.message}\n`);
      return 2;
    }
  },
};
