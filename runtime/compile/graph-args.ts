// Reading a node's arguments (GraphArg) as the kernels need them.

import type { GraphArg, RuntimeDim } from '../../core/graph/graph.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';

export type Args = Readonly<Record<string, GraphArg>>;

export class ArgReader {
  constructor(
    private readonly args: Args,
    private readonly kind: string,
  ) {}

  /** the same arguments with some replaced */
  with(overrides: Args): ArgReader {
    return new ArgReader({ ...this.args, ...overrides }, this.kind);
  }

  has(name: string): boolean {
    return this.args[name] !== undefined;
  }

  raw(name: string): GraphArg {
    const a = this.args[name];
    if (!a) throw new Error(`${this.kind}: argument '${name}' is missing`);
    return a;
  }

  /** an int that may depend on the batch size */
  dim(name: string): RuntimeDim {
    const a = this.raw(name);
    if (a.kind === 'int') return a.value;
    if (a.kind === 'float') return a.value;
    throw new Error(`${this.kind}: argument '${name}' is not an int`);
  }

  int(name: string, batch = 0): number {
    return resolveDim(this.dim(name), batch);
  }

  float(name: string): number {
    const a = this.raw(name);
    if (a.kind === 'float') return a.value;
    if (a.kind === 'int' && typeof a.value === 'number') return a.value;
    throw new Error(`${this.kind}: argument '${name}' is not a number`);
  }

  bool(name: string): boolean {
    const a = this.raw(name);
    if (a.kind !== 'bool') throw new Error(`${this.kind}: argument '${name}' is not a bool`);
    return a.value;
  }

  string(name: string): string {
    const a = this.raw(name);
    if (a.kind !== 'string') throw new Error(`${this.kind}: argument '${name}' is not a string`);
    return a.value;
  }

  /** a list of ints (or one int), sizes resolved for `batch` */
  ints(name: string, batch = 0): number[] {
    const a = this.raw(name);
    if (a.kind === 'int') return [resolveDim(a.value, batch)];
    if (a.kind !== 'list') throw new Error(`${this.kind}: argument '${name}' is not a list`);
    return a.items.map((i) => {
      if (i.kind !== 'int') throw new Error(`${this.kind}: argument '${name}' has an item that is not an int`);
      return resolveDim(i.value, batch);
    });
  }

  /** an int or a list, one entry per spatial axis */
  size(name: string, rank: number): number[] {
    const values = this.ints(name);
    return values.length === 1 ? new Array<number>(rank).fill(values[0]!) : values;
  }

  /** the index among the node's inputs of a tensor argument */
  tensorIndex(name: string): number {
    const a = this.raw(name);
    if (a.kind !== 'tensor') throw new Error(`${this.kind}: argument '${name}' is not a tensor`);
    return a.index;
  }

  tensorIndices(name: string): number[] {
    const a = this.raw(name);
    if (a.kind !== 'list') throw new Error(`${this.kind}: argument '${name}' is not a list of tensors`);
    return a.items.map((i) => {
      if (i.kind !== 'tensor') throw new Error(`${this.kind}: argument '${name}' has an item that is not a tensor`);
      return i.index;
    });
  }
}
