// Watches what a training step asks of TensorFlow, from inside this process:
// every op tfjs-node executes (its name, the time in the native call, and
// the layer kind it was run for), and the tensor handles it creates, frees
// and reads back. It wraps tfjs-node's native binding (every kernel of the
// backend ends in `binding.executeOp`), the engine's tape (a backward op is
// attributed to the layer whose forward op recorded its gradient), and each
// layer's `call`. Time outside the native calls is dispatch: tfjs's engine
// and kernels in JavaScript, N-API and tensor handles.

import type { LayersModel, TF } from '../../runtime/tf-types.js';

export interface OpRecord {
  op: string;
  /** the layer kind (`Conv2D`, `fn:reshape`) or the part of the step (`loss`, `optimizer`) it ran for */
  label: string;
  ms: number;
}

interface NativeBinding {
  executeOp(name: string, attrs: unknown, inputs: unknown, outputs: number): unknown;
  createTensor(...args: unknown[]): unknown;
  deleteTensor(...args: unknown[]): unknown;
  tensorDataSync(...args: unknown[]): unknown;
}

interface TapeNode {
  gradient?: (dys: unknown[]) => unknown;
}

interface EngineInternals {
  addTapeNode(...args: unknown[]): void;
  state: { activeTape: TapeNode[] | null };
}

export interface HandleCounts {
  created: number;
  deleted: number;
  reads: number;
  /** milliseconds in the native calls that make, free and read handles */
  ms: number;
}

export class OpRecorder {
  records: OpRecord[] = [];
  handles: HandleCounts = { created: 0, deleted: 0, reads: 0, ms: 0 };
  recording = false;
  /** what the ops run now are for */
  label = 'other';
  private readonly undo: (() => void)[] = [];

  /** Starts watching tfjs-node's binding, the tape and `models`' layers (until `uninstall`). */
  install(tf: TF, models: readonly LayersModel[]): void {
    const backend = tf.backend() as unknown as { binding?: NativeBinding };
    const native = backend.binding;
    if (!native) throw new Error(`the profile needs tfjs-node's native backend, not '${tf.getBackend()}'`);
    // the addon's functions are read-only: the backend gets a binding of its own that inherits them
    const binding = Object.create(native) as NativeBinding;
    backend.binding = binding;
    this.undo.push(() => (backend.binding = native));
    this.wrap(binding, 'executeOp', (original) => (name: string, attrs: unknown, inputs: unknown, outputs: number) => {
      if (!this.recording) return original(name, attrs, inputs, outputs);
      const started = performance.now();
      const result = original(name, attrs, inputs, outputs);
      this.records.push({ op: name, label: this.label, ms: performance.now() - started });
      return result;
    });
    for (const [method, count] of [['createTensor', 'created'], ['deleteTensor', 'deleted'], ['tensorDataSync', 'reads']] as const) {
      this.wrap(binding, method, (original) => (...args: unknown[]) => {
        if (!this.recording) return original(...args);
        const started = performance.now();
        const result = original(...args);
        this.handles.ms += performance.now() - started;
        this.handles[count]++;
        return result;
      });
    }
    const engine = tf.engine() as unknown as EngineInternals;
    this.wrap(engine, 'addTapeNode', (original) => (...args: unknown[]) => {
      original(...args);
      const node = engine.state.activeTape?.at(-1);
      const gradient = node?.gradient;
      if (!node || !gradient) return;
      const label = `${this.label} ↩`;
      // a gradient gives a function per input, called later by the tape: those run the backward ops
      node.gradient = (dys) => {
        const perInput = this.within(label, () => gradient(dys)) as Record<string, () => unknown>;
        return Object.fromEntries(Object.entries(perInput).map(([input, f]) => [input, () => this.within(label, f)]));
      };
    });
    for (const model of models) {
      for (const layer of model.layers) {
        const kind = (layer as unknown as { nn?: { kind: string } }).nn?.kind ?? layer.getClassName();
        this.wrap(layer as unknown as { call: (...args: unknown[]) => unknown }, 'call', (original) => (...args: unknown[]) => this.within(kind, () => original(...args)));
      }
    }
  }

  uninstall(): void {
    for (const undo of this.undo.splice(0).reverse()) undo();
  }

  /** Runs `f` with its ops attributed to `label`. */
  within<T>(label: string, f: () => T): T {
    const outer = this.label;
    this.label = label;
    try {
      return f();
    } finally {
      this.label = outer;
    }
  }

  reset(): void {
    this.records = [];
    this.handles = { created: 0, deleted: 0, reads: 0, ms: 0 };
  }

  /** Replaces `target[key]` (a method) by `make(original)`, remembering how to put it back. */
  private wrap<K extends string, T extends Record<K, (...args: never[]) => unknown>>(target: T, key: K, make: (original: T[K]) => T[K]): void {
    const own = Object.prototype.hasOwnProperty.call(target, key);
    const previous = target[key];
    const original = ((...args: never[]) => previous.apply(target, args)) as T[K];
    // defined, not assigned: an inherited read-only method (the addon's) cannot be assigned over
    Object.defineProperty(target, key, { value: make(original), writable: true, configurable: true });
    this.undo.push(() => {
      if (own) Object.defineProperty(target, key, { value: previous, writable: true, configurable: true });
      else delete (target as Partial<T>)[key];
    });
  }
}
