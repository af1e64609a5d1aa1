/**
 * IAM policy JSON (as written in an account export, an object or a URL-encoded string) →
 * model PolicyDocument with the line of every statement.
 */
import { ParseError } from '../../core/errors.js';
import type { Location, PolicyDocument, Statement } from '../../model/types.js';
import { isObject, type Plain, type PlainObject, type StructuredDoc } from '../structured.js';

function strings(v: Plain | undefined, where: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw new ParseError(`${where}: expected a string or a list of strings`);
}

function principal(v: Plain | undefined, where: string): Statement['principal'] {
  if (v === undefined || v === null) return undefined;
  if (v === '*') return '*';
  if (!isObject(v)) throw new ParseError(`${where}: expected "*" or an object`);
  const out: Record<string, string[]> = {};
  for (const [k, x] of Object.entries(v)) out[k] = strings(x, `${where}.${k}`) ?? [];
  return out;
}

function condition(v: Plain | undefined, where: string): Statement['condition'] {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new ParseError(`${where}: expected an object`);
  const out: Record<string, Record<string, string[]>> = {};
  for (const [op, entries] of Object.entries(v)) {
    if (!isObject(entries)) throw new ParseError(`${where}.${op}: expected an object`);
    out[op] = {};
    for (const [key, val] of Object.entries(entries)) {
      const list = Array.isArray(val) ? val : [val];
      if (list.some((x) => x !== null && typeof x === 'object')) throw new ParseError(`${where}.${op}.${key}: expected scalar values`);
      out[op]![key] = list.map((x) => String(x));
    }
  }
  return out;
}

function statement(raw: Plain, where: string, loc: Location): Statement {
  if (!isObject(raw)) throw new ParseError(`${where}: a statement must be an object`);
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') throw new ParseError(`${where}.Effect: expected "Allow" or "Deny"`);
  const st: Statement = { effect, loc };
  if (typeof raw.Sid === 'string') st.sid = raw.Sid;
  const action = strings(raw.Action, `${where}.Action`);
  const notAction = strings(raw.NotAction, `${where}.NotAction`);
  if (action) st.action = action;
  else if (notAction) st.notAction = notAction;
  else st.action = [];
  const resource = strings(raw.Resource, `${where}.Resource`);
  const notResource = strings(raw.NotResource, `${where}.NotResource`);
  if (resource) st.resource = resource;
  else if (notResource) st.notResource = notResource;
  const p = principal(raw.Principal, `${where}.Principal`);
  if (p) st.principal = p;
  const np = principal(raw.NotPrincipal, `${where}.NotPrincipal`);
  if (np) st.notPrincipal = np;
  const c = condition(raw.Condition, `${where}.Condition`);
  if (c) st.condition = c;
  return st;
}

/**
 * Parse the policy document found at `holder[key]`. A URL-encoded string (the raw API form) is
 * decoded; its statements then all carry the line of `key`.
 */
export function policyDocument(doc: StructuredDoc, holder: PlainObject, key: string, name: string, kind: PolicyDocument['kind'], where: string): PolicyDocument {
  let value = holder[key];
  const keyLoc = doc.loc(holder, key);
  let inline = true;
  if (typeof value === 'string') {
    inline = false;
    try {
      value = JSON.parse(decodeURIComponent(value)) as Plain;
    } catch {
      throw new ParseError(`${where}: policy document is neither JSON nor URL-encoded JSON`, keyLoc.line);
    }
  }
  if (!isObject(value)) throw new ParseError(`${where}: expected a policy document object`, keyLoc.line);
  const raw = value.Statement;
  const list: Plain[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const statements = list.map((s, i) => {
    const loc = !inline ? keyLoc : Array.isArray(raw) ? doc.loc(raw, i) : doc.loc(s);
    return statement(s, `${where}.Statement[${i}]`, loc);
  });
  return { name, loc: keyLoc, kind, statements };
}
