// A model that builds lists compiles: the list is gone, its tensors remain.
// A small U-Net collects its skip connections in a list and joins them in
// reverse; the compiled model has the checker's weight count, each skip
// wired to the encoder level it came from, and one training step on a real
// batch lowers the loss.

import { describe, expect, it } from 'vitest';
import type { Graph } from '../../core/graph/graph.js';
import { traceModel } from '../../core/graph/trace.js';
import { summarize } from '../../core/summary.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

type Variable = import('@tensorflow/tfjs').Variable;

const tf = testTf();

const UNET = `model UNet(widths: [int] = [4, 8]) {
  input image: [B, 16, 16, 3]
  let x = image
  let skips = []
  for w in widths {
    x = x -> Conv2D(w, 3, padding: 1) -> ReLU
    skips = skips + [x]
    x = x -> MaxPool2D(2)
  }
  x = x -> Conv2D(16, 3, padding: 1) -> ReLU
  let ups = reverse(widths)
  repeat i in len(skips) {
    x = concat([x -> UpSampling2D(2), reverse(skips)[i]]) -> Conv2D(ups[i], 3, padding: 1) -> ReLU
  }
  output x -> Conv2D(1, 1)
}
`;

function traced(): Graph {
  const result = traceModel('/unet.nn', memoryHost({ '/unet.nn': UNET }));
  if (!result.ok) throw new Error(`${result.message}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.graph;
}

describe('a U-Net written with a list of skip connections', () => {
  it('traces to a graph without the list: each concat joins an upsampled tensor and the skip of its level', () => {
    const graph = traced();
    const functions = graph.nodes.flatMap((n) => (n.op === 'function' ? [n.spec.name] : []));
    expect(functions).toEqual(['concat', 'concat']);
    const concats = graph.nodes.filter((n) => n.op === 'function');
    const source = (ref: { node: number }) => graph.nodes[ref.node]!;
    // the deepest skip first: the second encoder ReLU [B, 8, 8, 8], then the first [B, 16, 16, 4]
    expect(concats.map((c) => c.inputs.map((i) => source(i).name))).toEqual([
      ['UpSampling2D_1', 'ReLU_2'],
      ['UpSampling2D_2', 'ReLU_1'],
    ]);
    expect(concats.map((c) => source(c.inputs[1]!).outputs[0]!.shape.slice(1))).toEqual([
      [8, 8, 8],
      [16, 16, 4],
    ]);
  });

  it("compiles with the checker's weight count and trains: one step lowers the loss on its batch", () => {
    const graph = traced();
    const summary = summarize('/unet.nn', memoryHost({ '/unet.nn': UNET }), undefined);
    if (!summary.ok) throw new Error(summary.message);
    const model = compileGraph(tf, graph, { seed: 3 });
    // by hand: 3*3*3*4+4 + 3*3*4*8+8 + 3*3*8*16+16 + 3*3*(16+8)*8+8 + 3*3*(8+4)*4+4 + 4*1+1
    expect(summary.summary.trainableParams).toBe(3753);
    expect(graph.params.trainable).toBe(3753);
    expect(model.countParams()).toBe(3753);

    const images = tf.randomUniform([4, 16, 16, 3], 0, 1, 'float32', 11);
    const targets = tf.randomUniform([4, 16, 16, 1], 0, 1, 'float32', 12);
    const loss = (): Tensor => tf.tidy(() => tf.mean(tf.square(tf.sub(model.apply(images, { training: true }) as Tensor, targets))));
    const before = loss();
    const variables = model.trainableWeights.map((w) => w.read() as Variable);
    tf.train.sgd(0.05).minimize(loss as never, false, variables);
    const after = loss();
    const [b, a] = [before.dataSync()[0]!, after.dataSync()[0]!];
    expect(Number.isFinite(a)).toBe(true);
    expect(a).toBeLessThan(b);
    tf.dispose([images, targets, before, after]);
    model.dispose();
  });
});
