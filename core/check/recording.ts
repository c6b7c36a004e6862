// What the editor wants to know about the nodes of the file being checked:
// the value of each expression and each layer or block application. A
// re-check carries the values of unchanged definitions over from the
// previous recording; they are copied when first read (the diagnostics do
// not need them, so an editor gets those first).

import type { Definition, Node } from '../../grammar/ast.js';
import type { Value } from '../values.js';
import type { ApplicationRecord } from './state.js';

export class Recording {
  private readonly valueOf = new Map<Node, Value>();
  private readonly applicationAt = new Map<Node, ApplicationRecord>();
  /**
   * Called with each value computed while a definition of the recorded file is
   * applied to concrete inputs (an instance; those are not kept in `values`):
   * the editor's hover shows the shapes inside a block at each of its uses.
   */
  onInstanceValue: ((node: Node, value: Value) => void) | undefined;
  /** definitions whose values are still to be copied from the previous recording: each -> its previous node */
  private carried: { from: Recording; definitions: ReadonlyMap<Definition, Definition> } | undefined;

  /** the value of each expression (for a pipeline stage: the value after it) */
  get values(): Map<Node, Value> {
    this.complete();
    return this.valueOf;
  }

  /** each layer or block application: the call or stage node -> what was applied to what */
  get applications(): Map<Node, ApplicationRecord> {
    this.complete();
    return this.applicationAt;
  }

  /** Takes over the values of `definitions` (each -> its node in `from`); they are copied on first read. */
  carryOver(from: Recording, definitions: ReadonlyMap<Definition, Definition>): void {
    from.complete(); // now at the latest: recordings never wait on each other in a chain
    if (definitions.size > 0) this.carried = { from, definitions };
  }

  /** Copies what was carried over, if that is not done yet. */
  complete(): void {
    const carried = this.carried;
    if (carried === undefined) return;
    this.carried = undefined; // and what it held is let go
    for (const [def, before] of carried.definitions) this.copy(carried.from, before, def);
  }

  /** Moves the values of `from`'s nodes under `oldRoot` to the same nodes under `newRoot` (same text, same tree: walked side by side). */
  private copy(from: Recording, oldRoot: Node, newRoot: Node): void {
    const stack: unknown[] = [oldRoot, newRoot];
    while (stack.length > 0) {
      const newNode = stack.pop();
      const oldNode = stack.pop();
      if (Array.isArray(oldNode)) {
        for (let i = 0; i < oldNode.length; i++) if (typeof oldNode[i] === 'object' && oldNode[i] !== null) stack.push(oldNode[i], (newNode as unknown[])[i]);
        continue;
      }
      const value = from.valueOf.get(oldNode as Node);
      if (value !== undefined) this.valueOf.set(newNode as Node, value);
      const application = from.applicationAt.get(oldNode as Node);
      if (application !== undefined) this.applicationAt.set(newNode as Node, application);
      for (const key in oldNode as Fields) {
        if (key === 'range' || key === 'opRange' || key === 'argsRange' || key === 'keywordRange') continue;
        const child = (oldNode as Fields)[key];
        if (typeof child === 'object' && child !== null) stack.push(child, (newNode as Fields)[key]);
      }
    }
  }
}

type Fields = Record<string, unknown>;
