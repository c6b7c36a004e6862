// Lexical scopes: what a name means at a point in a definition.

import type { Identifier } from '../../grammar/ast.js';
import type { Value } from '../values.js';

export type BindingKind = 'param' | 'input' | 'let' | 'dim' | 'loop' | 'output';

export interface Binding {
  name: string;
  value: Value;
  kind: BindingKind;
  /** where the name is introduced (absent for dims bound implicitly) */
  declaration?: Identifier;
  used: boolean;
  /** an optional input that the caller left out (`given(x)` is false) */
  absent?: boolean;
}

export class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(readonly parent?: Scope) {}

  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** A binding in this scope only. */
  own(name: string): Binding | undefined {
    return this.bindings.get(name);
  }

  define(binding: Binding): void {
    this.bindings.set(binding.name, binding);
  }

  undefine(name: string): void {
    this.bindings.delete(name);
  }

  /** Every name visible here, innermost first. */
  visibleNames(): string[] {
    const out: string[] = [];
    for (let s: Scope | undefined = this; s; s = s.parent) out.push(...s.bindings.keys());
    return out;
  }
}
