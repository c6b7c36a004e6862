// One recorded training step, loaded into TensorFlow as a graph and run as
// one call: tfjs-node runs a SavedModel's graph in a TensorFlow session
// (TF_SessionRun), taking and giving back tfjs tensors. The graph goes
// through TensorFlow's graph optimiser (grappler) and keeps oneDNN's layouts
// between ops, which op-by-op eager execution cannot. TensorFlow only loads
// a graph from a folder: it is written into the run's folder, loaded, and
// removed at once.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tensor } from '../../tf-types.js';
import { savedModelBytes, stepGraphDef } from './graph-def.js';
import type { HandleInfo, NativeBinding, NodeBackend } from './step-trace.js';
import type { RecordedStep } from './trace-shape.js';

let loaded = 0;

export class StepGraph {
  private constructor(
    private readonly backend: NodeBackend,
    private readonly session: number,
    private readonly feedNames: { name: string }[],
    private readonly outputNames: string[],
    /** how many TensorFlow ops the graph holds */
    readonly ops: number,
  ) {}

  /**
   * Builds `step` as a graph and loads it. `feeds` are the fed handles'
   * shapes and dtypes, in the order of `step.feeds`; `folder` is where the
   * graph is written for the moment it takes TensorFlow to load it.
   */
  static load(backend: NodeBackend, step: RecordedStep, feeds: HandleInfo[], folder: string): StepGraph {
    const graph = stepGraphDef({ trace: step.trace, feeds, outputs: step.outputs, constant: (id) => outsideValue(backend.binding, id) }, backend.binding);
    const dir = join(folder, `.step-graph-${process.pid}-${loaded++}`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'saved_model.pb'), savedModelBytes(graph.bytes));
      const session = backend.loadSavedModelMetaGraph(dir, 'serve');
      return new StepGraph(
        backend,
        session,
        graph.feedNames.map((name) => ({ name })),
        graph.outputNames,
        graph.ops,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Runs the step on `inputs` (in the order of the recorded feeds); the outputs are new tensors, the caller's. */
  run(inputs: Tensor[]): Tensor[] {
    return this.backend.runSavedModel(this.session, inputs, this.feedNames, this.outputNames);
  }

  dispose(): void {
    this.backend.deleteSavedModel(this.session);
  }
}

/**
 * A handle from before the step that the step reads and nobody feeds (a
 * constant tfjs keeps, such as a cached scalar): its value, dtype and shape,
 * read from TensorFlow.
 */
function outsideValue(binding: NativeBinding, id: number): HandleInfo & { bytes: Uint8Array } {
  const values = binding.tensorDataSync(id);
  const dtype = values instanceof Float32Array ? binding.TF_FLOAT : values instanceof Int32Array ? binding.TF_INT32 : values instanceof Uint8Array ? binding.TF_BOOL : undefined;
  if (dtype === undefined) throw new Error(`a tensor of an unsupported type (${values.constructor.name}) from before the step`);
  const shapeOp = binding.executeOp(
    'Shape',
    [
      { name: 'T', type: binding.TF_ATTR_TYPE, value: dtype },
      { name: 'out_type', type: binding.TF_ATTR_TYPE, value: binding.TF_INT32 },
    ],
    [id],
    1,
  )[0]!;
  const shape = Array.from(binding.tensorDataSync(shapeOp.id) as Int32Array);
  (binding as unknown as { deleteTensor(id: number): void }).deleteTensor(shapeOp.id);
  return { id, shape, dtype, bytes: new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength)) };
}
