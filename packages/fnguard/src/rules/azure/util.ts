/**
 * Helpers of the Azure (and GCP) rules.
 *
 * Conventions:
 * - App-level settings live in `fn.azure`; only function apps (ARM sites, Terraform function
 *   apps) have it. Functions read from function.json files do not, so app-level rules skip them.
 * - An absent property was not written: the platform default applies (each rule says which).
 * - A present property whose value is undefined could not be resolved: rules stay silent.
 */
import { detectSecretValue, type SecretMatch } from '../../analyzers/secrets/detect.js';
import type { AzureSettings, Cloud, EnvVar, FunctionNode, Location, Prop } from '../../model/types.js';
import { defineRule, functionsOf, todayOf, type Report, type Rule, type RuleContext, type RuleMeta } from '../define.js';

/** Define a rule for one cloud (meta.clouds filled in). */
export function cloudRule(cloud: Cloud, meta: Omit<RuleMeta, 'clouds'>, check: (ctx: RuleContext) => Iterable<Report>): Rule {
  return defineRule({ meta: { ...meta, clouds: [cloud] }, check });
}

export function azureRule(meta: Omit<RuleMeta, 'clouds'>, check: (ctx: RuleContext) => Iterable<Report>): Rule {
  return cloudRule('azure', meta, check);
}

/** Azure function apps with app-level settings, each with its settings object. */
export function azureApps(ctx: RuleContext): (FunctionNode & { azure: AzureSettings })[] {
  return functionsOf(ctx.model, 'azure').filter((f): f is FunctionNode & { azure: AzureSettings } => f.azure !== undefined);
}

export function known<T>(p: Prop<T> | undefined): p is Prop<T> & { value: T } {
  return p !== undefined && p.value !== undefined;
}

/** Written but not statically known. */
export function unresolved(p: Prop<unknown> | undefined): boolean {
  return p !== undefined && p.value === undefined;
}

/** `(platform default)` when a source recorded the default rather than a written value. */
export function defaultNote(p: { inherited?: boolean } | undefined): string {
  return p?.inherited ? ' (platform default, not written)' : '';
}

export function fnKey(fn: FunctionNode, ...parts: string[]): string {
  return [`fn:${fn.name}`, ...parts].join('/');
}

export function appLabel(fn: FunctionNode): string {
  return `Function app "${fn.name}"`;
}

export function at(p: { loc: Location } | undefined, fn: FunctionNode): Location {
  return p?.loc ?? fn.loc;
}

/**
 * Environment entries declared once and shared by several functions (a local.settings.json
 * feeds every function of its project): one entry per declaration, with every function it affects.
 */
export function envDeclarations(fns: FunctionNode[]): { env: EnvVar; fns: FunctionNode[] }[] {
  const out = new Map<string, { env: EnvVar; fns: FunctionNode[] }>();
  for (const fn of fns) {
    for (const env of fn.env) {
      const k = `${env.loc.file}:${env.loc.line}:${env.name}`;
      const e = out.get(k);
      if (e) {
        if (!e.fns.includes(fn)) e.fns.push(fn);
      } else out.set(k, { env, fns: [fn] });
    }
  }
  return [...out.values()];
}

/** Settings that look like credentials but are identifiers (Microsoft: not a security token). */
const NOT_CREDENTIALS = new Set(['applicationinsights_connection_string', 'appinsights_instrumentationkey']);

/** Literal secrets among the environment of some functions (references and placeholders excluded). */
export function literalSecrets(fns: FunctionNode[]): { env: EnvVar & { value: string }; fns: FunctionNode[]; match: SecretMatch }[] {
  const out: { env: EnvVar & { value: string }; fns: FunctionNode[]; match: SecretMatch }[] = [];
  for (const { env, fns: affected } of envDeclarations(fns)) {
    if (env.value === undefined || env.secretRef || NOT_CREDENTIALS.has(env.name.toLowerCase())) continue;
    const match = detectSecretValue(env.name, env.value);
    if (match) out.push({ env: env as EnvVar & { value: string }, fns: affected, match });
  }
  return out;
}

export function names(fns: FunctionNode[]): string {
  const n = fns.map((f) => `"${f.name}"`);
  return n.length > 3 ? `${n.slice(0, 3).join(', ')} and ${n.length - 3} more` : n.join(', ');
}

/** Today as YYYY-MM-DD, or the `today` rule option (tests, reproducible reports). */
export function today(ctx: RuleContext): string {
  return todayOf(ctx).toISOString().slice(0, 10);
}
