// The one custom TensorFlow.js layer class: a graph node with its kernel.
// Its config is the node as data (kind, arguments, input and output types),
// so a saved model loads again once the class is registered
// (`registerNnLayer`), which `nn export` ships as a small module.

import type { GraphArg, TensorType } from '../../core/graph/graph.js';
import type { SliceAxis } from '../../core/values.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import type { LayerVariable, Tensor, TF } from '../tf-types.js';
import { ArgReader } from './graph-args.js';
import { initialValue } from './initializers.js';
import type { CallContext, Kernel } from './kernel.js';
import { findKernel } from './kernels/index.js';
import { type RandomSource, randomSource } from './random-source.js';

export interface NnLayerConfig {
  name: string;
  /** the kernel: a layer kind (`Conv2D`), `fn:reshape`, `binary:+`, `unary:-`, `slice` */
  kind: string;
  args: Record<string, GraphArg>;
  inputTypes: TensorType[];
  outputTypes: TensorType[];
  /** slices only: what happens to each axis */
  axes?: SliceAxis[];
  /**
   * When one tensor is several of the node's inputs (`attention(x, x, x)`),
   * it is applied once: input i of the kernel is applied input `inputOrder[i]`.
   */
  inputOrder?: number[];
  /**
   * No input's shape depends on the batch (a constant, a learned token, a
   * `Weight`), so the model's first input is appended as a last input that
   * only carries the batch size.
   */
  batchInput?: boolean;
  /** a seed for the initial weights (repeatable runs) */
  seed?: number;
  /** a layer only read by name, never applied: each application returns its weight `read` */
  read?: string;
  /**
   * A weight of another layer read by name (`embed.embeddings`): the layer
   * named `layer` in the same model owns the variable; this one has no
   * weights of its own and returns that variable's value (tied weights).
   */
  sharedWeight?: { layer: string; weight: string };
  trainable?: boolean;
}

export const NN_LAYER_CLASS = 'NnLayer';

/**
 * The config as saved in model.json. TensorFlow.js rewrites the keys and
 * string values of saved configs (snake_case to camelCase and back), so the
 * node travels as one hex-encoded JSON string, which it leaves alone.
 */
interface SavedConfig {
  name: string;
  trainable?: boolean;
  node: string;
}

function encodeNode(config: NnLayerConfig): string {
  const { name: _name, trainable: _trainable, ...node } = config;
  return Buffer.from(JSON.stringify(node), 'utf8').toString('hex');
}

function decodeConfig(saved: SavedConfig): NnLayerConfig {
  return { ...(JSON.parse(Buffer.from(saved.node, 'hex').toString('utf8')) as NnLayerConfig), name: saved.name, ...(saved.trainable !== undefined ? { trainable: saved.trainable } : {}) };
}

type NnLayerClass = new (config: NnLayerConfig) => import('@tensorflow/tfjs').layers.Layer;

const classes = new WeakMap<object, NnLayerClass>();

/** The NnLayer class for this TensorFlow.js module, defined and registered once. */
export function registerNnLayer(tf: TF): NnLayerClass {
  const known = classes.get(tf);
  if (known) return known;
  const cls = defineNnLayer(tf);
  tf.serialization.registerClass(cls as never);
  classes.set(tf, cls);
  return cls;
}

function defineNnLayer(tf: TF): NnLayerClass {
  class NnLayer extends tf.layers.Layer {
    static className = NN_LAYER_CLASS;
    readonly nn: NnLayerConfig;
    private readonly kernel: Kernel;
    private readonly reader: ArgReader;
    private readonly variables = new Map<string, LayerVariable>();
    /** sharedWeight only: the layer that owns the variable, found on first use */
    private owner: NnLayer | undefined;
    /** the layer's random numbers (dropout, noise) and their counter, made on first use */
    private readonly randomState: { counter?: import('@tensorflow/tfjs').Variable } = {};
    private randomNumbers: RandomSource | undefined;

    constructor(given: NnLayerConfig | SavedConfig) {
      const config = 'node' in given ? decodeConfig(given) : given;
      super({ name: config.name, trainable: config.trainable ?? true });
      this.nn = { ...config };
      this.kernel = findKernel(config.kind);
      this.reader = new ArgReader(config.args, config.kind);
    }

    override build(): void {
      if (this.nn.sharedWeight) {
        this.built = true;
        return;
      }
      const specs = this.kernel.weights?.({ args: this.reader, inputs: this.nn.inputTypes, outputs: this.nn.outputTypes, ...(this.nn.axes ? { axes: this.nn.axes } : {}) }) ?? [];
      specs.forEach((spec, i) => {
        const variable = this.addWeight(spec.name, spec.shape, 'float32', tf.initializers.zeros(), undefined, spec.trainable);
        const initial = initialValue(tf, spec.shape, spec.init, this.nn.seed === undefined ? undefined : this.nn.seed + i);
        variable.write(initial);
        initial.dispose();
        this.variables.set(spec.name, variable);
      });
      this.built = true;
    }

    /** tfjs guesses an output's dtype from the first input; the node knows it (a mask is bool) */
    override apply(inputs: never, kwargs?: Record<string, unknown>): never {
      const out = super.apply(inputs, kwargs) as unknown;
      const symbolic = (Array.isArray(out) ? out : [out]) as { dtype: string; sourceLayer?: unknown }[];
      if (symbolic[0]?.sourceLayer !== undefined) symbolic.forEach((t, i) => (t.dtype = this.nn.outputTypes[i]!.dtype));
      return out as never;
    }

    override computeOutputShape(): (number | null)[] | (number | null)[][] {
      const shapes = this.nn.outputTypes.map((t) => t.shape.map((d) => (typeof d === 'number' ? d : null)));
      return shapes.length === 1 ? shapes[0]! : shapes;
    }

    override call(inputs: Tensor | Tensor[], kwargs: Record<string, unknown>): Tensor | Tensor[] {
      const applied = Array.isArray(inputs) ? [...inputs] : [inputs];
      const carrier = this.nn.batchInput ? applied.pop() : undefined;
      const order = this.nn.inputOrder;
      const tensors = order ? order.map((i) => applied[i]!) : applied;
      const context: CallContext = {
        tf,
        args: this.reader,
        inputs: this.nn.inputTypes,
        outputs: this.nn.outputTypes,
        ...(this.nn.axes ? { axes: this.nn.axes } : {}),
        training: kwargs['training'] === true,
        batch: carrier ? carrier.shape[0]! : batchSize(this.nn.inputTypes, tensors),
        weight: (name) => {
          const v = this.variables.get(name);
          if (!v) throw new Error(`${this.nn.kind}: no weight '${name}'`);
          return v.read();
        },
        assign: (name, value) => this.variables.get(name)!.write(value),
        random: (this.randomNumbers ??= randomSource(tf, this.nn.seed, this.randomState)),
      };
      // a copy: the caller may dispose what a layer returns, never the weight itself
      if (this.nn.sharedWeight) return tf.clone(this.ownerLayer().variable(this.nn.sharedWeight.weight).read());
      if (this.nn.read !== undefined) return tf.clone(context.weight(this.nn.read));
      const out = this.kernel.call(context, tensors);
      return Array.isArray(out) && out.length === 1 ? out[0]! : out;
    }

    /** Frees the random numbers' counter with the weights. */
    override dispose(): ReturnType<import('@tensorflow/tfjs').layers.Layer['dispose']> {
      const result = super.dispose();
      if (result.refCountAfterDispose === 0) {
        this.randomState.counter?.dispose();
        delete this.randomState.counter;
      }
      return result;
    }

    /** The variable of one of this layer's weights (a tied weight reads it). */
    variable(name: string): LayerVariable {
      const v = this.variables.get(name);
      if (!v) throw new Error(`${this.name}: no weight '${name}'`);
      return v;
    }

    /**
     * The layer that owns a shared weight: the NnLayer of that name connected
     * to this one in the model's graph (a model loaded from model.json finds
     * it the same way as the compiled one).
     */
    private ownerLayer(): NnLayer {
      if (this.owner) return this.owner;
      const wanted = this.nn.sharedWeight!.layer;
      const found = connectedLayers(this).find((l) => l.name === wanted);
      if (!(found instanceof NnLayer)) throw new Error(`${this.name}: the layer '${wanted}' whose weight it reads is not in the model`);
      this.owner = found;
      return found;
    }

    override getConfig() {
      return { ...super.getConfig(), node: encodeNode(this.nn) };
    }
  }
  return NnLayer as unknown as NnLayerClass;
}

/** A tfjs layer as far as walking its graph needs. */
interface GraphLayer {
  name: string;
  inboundNodes: { inboundLayers: GraphLayer[] }[];
  outboundNodes: { outboundLayer: GraphLayer }[];
}

/** Every layer connected to `start` through the model's graph, in either direction (breadth first). */
function connectedLayers(start: unknown): GraphLayer[] {
  const first = start as GraphLayer;
  const seen = new Set<GraphLayer>([first]);
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    const layer = queue[i]!;
    const next = [...layer.inboundNodes.flatMap((n) => n.inboundLayers), ...layer.outboundNodes.map((n) => n.outboundLayer)];
    for (const l of next) {
      if (l && !seen.has(l)) {
        seen.add(l);
        queue.push(l);
      }
    }
  }
  return queue;
}

/** The batch size of a call: from the first input whose type has a size that depends on the batch (`B` or `4*B`). */
function batchSize(types: readonly TensorType[], inputs: readonly Tensor[]): number {
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    for (let axis = 0; axis < t.shape.length; axis++) {
      const d = t.shape[axis]!;
      if (typeof d !== 'number') return (inputs[i]!.shape[axis]! - d.plus) / d.perBatch;
    }
  }
  throw new Error('no input carries the batch size');
}

/** Resolves the sizes of a type for a batch (for kernels that reshape). */
export function shapeFor(t: TensorType, batch: number): number[] {
  return t.shape.map((d) => resolveDim(d, batch));
}
