/**
 * One CloudFormation stack being loaded into the model: the resources of a template (or of a
 * serverless.yml `resources` block), the lookups between them (Ref/GetAtt targets, parameter
 * defaults, mappings) and the nodes created so far, by logical id.
 *
 * The Serverless source pre-registers the nodes it generates (`<Name>LambdaFunction`,
 * `IamRoleLambdaExecution`, `ApiGatewayRestApi`, `HttpApi`) so raw resources attach to them.
 */
import type { Api, FunctionNode, Identity, Location, PolicyDocument, Prop, SourceFormat } from '../../model/types.js';
import type { SourceContext } from '../types.js';
import type { Locator } from '../aws-common/policy.js';
import { isPlainObject, render, type RefResolver } from '../aws-common/values.js';

export interface StackOptions {
  format: SourceFormat;
  /** File used in node ids (`<stackFile>#<LogicalId>`): the template, or serverless.yml. */
  stackFile: string;
  /** Directory of the stack file relative to the root ('' for the root), for code paths. */
  baseDir: string;
  /** Positions of every value (several documents when files were included). */
  at: Locator;
  functions?: Map<string, FunctionNode>;
  identities?: Map<string, Identity>;
  apis?: Map<string, Api>;
  /** Deployed function names → node (serverless `service-stage-fn`), for name-based matching. */
  functionNames?: Map<string, FunctionNode>;
}

export interface Resource {
  logicalId: string;
  type: string;
  body: Record<string, unknown>;
  props: Record<string, unknown>;
  loc: Location;
}

/** What a Serverless/SAM API's Auth block says, for the endpoints that use it. */
export interface ApiAuthInfo {
  authorizers?: Record<string, unknown>;
  defaultAuthorizer?: { value: unknown; loc: Location; inherited: boolean };
  apiKeyRequired?: { value: unknown; loc: Location; inherited: boolean };
  iam?: boolean;
}

export class Stack implements RefResolver {
  readonly resources = new Map<string, Resource>();
  readonly functions: Map<string, FunctionNode>;
  readonly identities: Map<string, Identity>;
  readonly apis: Map<string, Api>;
  readonly managedPolicies = new Map<string, PolicyDocument>();
  readonly apiAuth = new Map<string, ApiAuthInfo>();
  /** CORS origins an API allows (SAM `Cors` / `CorsConfiguration`), for its endpoints. */
  readonly apiCors = new Map<string, Prop<string[]>>();
  readonly functionNames: Map<string, FunctionNode>;
  /** Log group names (`/aws/lambda/<name>`, LoggingConfig.LogGroup) → function. */
  readonly logGroupNames = new Map<string, FunctionNode>();
  readonly parameters = new Map<string, unknown>();
  mappings: Record<string, unknown> = {};
  globals: Record<string, unknown> = {};
  private readonly infoTypes = new Set<string>();

  constructor(
    readonly ctx: SourceContext,
    readonly opts: StackOptions,
  ) {
    this.functions = opts.functions ?? new Map();
    this.identities = opts.identities ?? new Map();
    this.apis = opts.apis ?? new Map();
    this.functionNames = opts.functionNames ?? new Map();
  }

  get format(): SourceFormat {
    return this.opts.format;
  }

  loc(container: unknown, key?: string | number): Location {
    return this.opts.at.loc(container, key);
  }

  id(logicalId: string): string {
    return `${this.opts.stackFile}#${logicalId}`;
  }

  // RefResolver: parameters with a Default resolve; resources and pseudo parameters do not.
  ref(name: string): unknown {
    return this.parameters.get(name);
  }

  findInMap(map: string, first: string, second: string): unknown {
    const m = this.mappings[map];
    if (!isPlainObject(m)) return undefined;
    const row = m[first];
    return isPlainObject(row) ? row[second] : undefined;
  }

  isResource(name: string): boolean {
    return this.resources.has(name) || this.isNode(name);
  }

  str(v: unknown): string | undefined {
    return render(v, this).value;
  }

  /** The logical id a value points at (`!Ref X`, `!GetAtt X.Arn`, `!Sub '${X.Arn}'`), when it is a known one. */
  target(v: unknown): string | undefined {
    return this.targets(v)[0];
  }

  private isNode(id: string): boolean {
    return this.functions.has(id) || this.identities.has(id) || this.apis.has(id);
  }

  /** Every known logical id mentioned in a value (Ref, GetAtt, Sub tokens), in order. */
  targets(v: unknown, out: string[] = [], depth = 0): string[] {
    if (depth > 20) return out;
    const add = (id: string): void => {
      if ((this.resources.has(id) || this.isNode(id)) && !out.includes(id)) out.push(id);
    };
    if (Array.isArray(v)) {
      for (const x of v) this.targets(x, out, depth + 1);
    } else if (isPlainObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        // SAM `!Ref Fn.Alias` / `!Ref Fn.Version` designate the function.
        if (k === 'Ref' && typeof x === 'string') add(x.replace(/\.(Alias|Version)$/, ''));
        else if (k === 'Fn::GetAtt') add(Array.isArray(x) ? String(x[0]) : String(x).split('.')[0]!);
        else if (k === 'Fn::Sub') {
          const text = Array.isArray(x) ? x[0] : x;
          if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}.][^}.]*)[^}]*\}/g)) add(m[1]!);
          this.targets(x, out, depth + 1);
        } else this.targets(x, out, depth + 1);
      }
    }
    return out;
  }

  /** The function a value designates: a reference to its logical id, or its deployed name/ARN. */
  functionFor(v: unknown, depth = 0): FunctionNode | undefined {
    for (const id of this.targets(v)) {
      const fn = this.functions.get(id);
      if (fn) return fn;
      // An alias or version stands for its function.
      const r = this.resources.get(id);
      if (r && depth < 3 && (r.type === 'AWS::Lambda::Alias' || r.type === 'AWS::Lambda::Version')) {
        const viaAlias = this.functionFor(r.props['FunctionName'], depth + 1);
        if (viaAlias) return viaAlias;
      }
    }
    const text = this.str(v);
    if (!text) return undefined;
    const name = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(text)?.[1] ?? text;
    return this.functionNames.get(name);
  }

  /** Unknown or unhandled resource types: one info per type per file. */
  notAnalysed(type: string, loc: Location): void {
    const key = `${loc.file}\0${type}`;
    if (this.infoTypes.has(key)) return;
    this.infoTypes.add(key);
    this.ctx.info(loc.file, `resource type ${type} is not analysed`, loc.line);
  }

  warn(message: string, loc: Location): void {
    this.ctx.warn(loc.file, message, loc.line);
  }

  /**
   * Read `Resources` (and `Parameters`, `Mappings`, `Globals`) of a template or fragment.
   * `typeOf` gives the type of entries written without one (serverless overrides of the
   * resources it generates, e.g. `IamRoleLambdaExecution: {Properties: …}`).
   */
  collect(fragment: Record<string, unknown>, typeOf?: (logicalId: string) => string | undefined): void {
    const params = fragment['Parameters'];
    if (isPlainObject(params)) {
      for (const [name, p] of Object.entries(params)) {
        if (isPlainObject(p) && p['Default'] !== undefined) this.parameters.set(name, p['Default']);
      }
    }
    if (isPlainObject(fragment['Mappings'])) this.mappings = { ...this.mappings, ...fragment['Mappings'] };
    if (isPlainObject(fragment['Globals'])) this.globals = fragment['Globals'];
    const res = fragment['Resources'];
    if (res === undefined || res === null) return;
    if (!isPlainObject(res)) {
      this.warn('Resources is not a map; skipped', this.loc(fragment, 'Resources'));
      return;
    }
    for (const [logicalId, body] of Object.entries(res)) {
      const loc = this.loc(res, logicalId);
      const type = isPlainObject(body) && typeof body['Type'] === 'string' ? body['Type'] : typeOf?.(logicalId);
      if (!isPlainObject(body) || type === undefined) {
        this.warn(`resource ${logicalId} has no Type; skipped`, loc);
        continue;
      }
      const props = isPlainObject(body['Properties']) ? body['Properties'] : {};
      this.resources.set(logicalId, { logicalId, type, body, props, loc });
    }
  }

  ofType(...types: string[]): Resource[] {
    return [...this.resources.values()].filter((r) => types.includes(r.type));
  }
}
