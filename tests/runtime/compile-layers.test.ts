// The differential test of the compiler: every layer kind, function and
// operator over a grid of arguments, compiled and run on a real batch. The
// compiled model's output shapes and weight counts must equal the checker's,
// and gradients must flow through it.

import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../core/catalog/index.js';
import { FUNCTIONS } from '../../core/functions/index.js';
import type { Graph } from '../../core/graph/graph.js';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { hasKernel } from '../../runtime/compile/kernels/index.js';
import type { LayersModel, Tensor } from '../../runtime/tf-types.js';

type Variable = import('@tensorflow/tfjs').Variable;
import { memoryHost } from '../helpers/memory-host.js';
import { LAYER_CASES } from '../helpers/layer-cases.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const BATCH = 3;

/** [what the model computes, its inputs] */
const CASES: [string, string][] = [
  ...LAYER_CASES,
  // only here: a random draw (the export's draws are PyTorch's)
  ['x + uniform([B, 3])', 'x: [B, 3]'],
];

function trace(call: string, inputs: string): Graph {
  const source = `model M {\n  input ${inputs}\n  output ${call}\n}\n`;
  const result = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
  if (!result.ok) throw new Error(`${call}: ${result.message} ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.graph;
}

function randomInput(shape: number[], dtype: string): Tensor {
  if (dtype === 'int32') return tf.randomUniform(shape, 0, 5, 'int32');
  if (dtype === 'bool') return tf.greater(tf.randomUniform(shape), 0.3);
  return tf.randomUniform(shape, 0.1, 1);
}

/** Training can differentiate through the model: every weight and float input gets a finite gradient. */
function expectGradients(model: LayersModel, graph: Graph, xs: Tensor[]): void {
  const inputs = xs.map((x, i) => (graph.inputs[i]!.type.dtype === 'float32' ? tf.variable(x) : x));
  const variables = [...model.trainableWeights.map((w) => w.read() as Variable), ...inputs.filter((x): x is Variable => x instanceof tf.Variable)];
  if (variables.length === 0) return; // nothing to differentiate: integer inputs and no weights (one_hot(ids))
  const { grads } = tf.variableGrads(() => tf.sum(tf.cast(model.apply(inputs.length === 1 ? inputs[0]! : inputs, { training: true }) as Tensor, 'float32')) as never, variables);
  for (const g of Object.values(grads)) expect(Number.isFinite(tf.sum(g).dataSync()[0])).toBe(true);
  for (const x of inputs) if (x instanceof tf.Variable) x.dispose();
}

describe('every layer kind, function and operator compiles to what the checker says', () => {
  it.each(CASES)('%s', (call, inputs) => {
    const graph = trace(call, inputs);
    const model = compileGraph(tf, graph, { seed: 7 });
    const count = (ws: { shape: number[] }[]) => ws.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
    expect({ trainable: count(model.trainableWeights as never), nonTrainable: count(model.nonTrainableWeights as never) }).toEqual(graph.params);
    tf.tidy(() => {
      const xs = graph.inputs.map((i) => randomInput(i.type.shape.map((d) => resolveDim(d, BATCH)), i.type.dtype));
      const out = model.predict(xs.length === 1 ? xs[0]! : xs) as Tensor;
      const expected = graph.outputs[0]!.type;
      expect(out.shape).toEqual(expected.shape.map((d) => resolveDim(d, BATCH)));
      expect(out.dtype).toBe(expected.dtype);
      if (out.dtype === 'float32') expect(Number.isFinite(tf.sum(out).dataSync()[0])).toBe(true);
      if (out.dtype === 'float32') expectGradients(model, graph, xs);
    });
    model.dispose();
  });
});

describe('the kernel registry', () => {
  it('has a kernel for every layer kind of the catalog', () => {
    expect([...LAYERS.keys()].filter((name) => !hasKernel(name))).toEqual([]);
  });

  it('has a kernel for every function a model may call', () => {
    const inModels = [...FUNCTIONS.values()].filter((f) => !f.pipelineOnly && !f.checkTimeOnly).map((f) => f.name);
    expect(inModels.filter((name) => !hasKernel(`fn:${name}`))).toEqual([]);
  });

  it('covers every layer kind in the differential cases above', () => {
    const used = new Set(CASES.flatMap(([call]) => [...call.matchAll(/\b([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1]!)));
    expect([...LAYERS.keys()].filter((name) => !used.has(name))).toEqual([]);
  });
});
