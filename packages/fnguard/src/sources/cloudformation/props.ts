/**
 * Property lookup with SAM Globals: a resource's own value wins; otherwise the Globals value is
 * used and marked inherited, with the Globals line as its location.
 */
import type { Location, Prop } from '../../model/types.js';
import { boolProp, isPlainObject, listProp, numProp, strProp } from '../aws-common/values.js';
import type { Stack } from './stack.js';

export interface Field {
  value: unknown;
  loc: Location;
  inherited: boolean;
  /** The map the key was read from (for the lines of nested keys). */
  container: Record<string, unknown>;
}

export class Props {
  readonly globals: Record<string, unknown>;

  constructor(
    private readonly stack: Stack,
    readonly own: Record<string, unknown>,
    globals?: unknown,
  ) {
    this.globals = isPlainObject(globals) ? globals : {};
  }

  get(key: string): Field | undefined {
    if (this.own[key] !== undefined && this.own[key] !== null) {
      return { value: this.own[key], loc: this.stack.loc(this.own, key), inherited: false, container: this.own };
    }
    if (this.globals[key] !== undefined && this.globals[key] !== null) {
      return { value: this.globals[key], loc: this.stack.loc(this.globals, key), inherited: true, container: this.globals };
    }
    return undefined;
  }

  str(key: string): Prop<string> | undefined {
    const f = this.get(key);
    return f && strProp(f.value, f.loc, this.stack, f.inherited);
  }

  num(key: string): Prop<number> | undefined {
    const f = this.get(key);
    return f && numProp(f.value, f.loc, this.stack, f.inherited);
  }

  bool(key: string): Prop<boolean> | undefined {
    const f = this.get(key);
    return f && boolProp(f.value, f.loc, this.stack, f.inherited);
  }

  list(key: string): Prop<string[]> | undefined {
    const f = this.get(key);
    return f && listProp(f.value, f.loc, this.stack, f.inherited);
  }

  /** A nested map (`Auth`, `VpcConfig`…) as Props of its own, inheriting the flag and lines. */
  sub(key: string): { props: Props; field: Field } | undefined {
    const f = this.get(key);
    if (!f || !isPlainObject(f.value)) return undefined;
    // The nested map is "own" when it came from the resource, "globals" when inherited.
    return { props: f.inherited ? new Props(this.stack, {}, f.value) : new Props(this.stack, f.value), field: f };
  }
}
