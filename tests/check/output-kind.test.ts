// What a model's output holds, read from its graph: a loss that takes
// probabilities refuses a model that ends in raw scores before it trains
// (it would reach a small loss at poor accuracy, saying nothing), and every
// bundled train block passes.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { traceModel } from '../../core/graph/trace.js';
import { dataShapeOf } from '../../core/train/data-shapes.js';
import { lossOutputProblem, outputKind } from '../../core/train/output-kind.js';
import { planTraining } from '../../core/train/plan.js';
import { memoryHost } from '../helpers/memory-host.js';

function graphOf(body: string) {
  const traced = traceModel('/m.nn', memoryHost({ '/m.nn': `model M {\n  input x: [B, 8]\n${body}\n}\n` }), { model: 'M' });
  if (!traced.ok) throw new Error(traced.message);
  return traced.graph;
}

describe('outputKind', () => {
  it.each<[string, string]>([
    ['output x -> Dense(4) -> Softmax', 'distribution'],
    ['output x -> Dense(4, activation: "softmax")', 'distribution'],
    ['output softmax(x -> Dense(4))', 'distribution'],
    ['output x -> Dense(4) -> Softmax -> Dropout(0.1) -> Flatten', 'distribution'], // moved, not changed
    ['output x -> Dense(1) -> Sigmoid', 'probability'],
    ['output x -> Dense(1, activation: "sigmoid")', 'probability'],
    ['output x -> Dense(4)', 'scores'],
    ['output x -> Dense(4) -> ReLU', 'scores'],
    ['output x -> Dense(4, activation: "relu") -> reshape([B, 2, 2])', 'scores'],
    ['output (x -> Dense(4)) + (x -> Dense(4))', 'scores'],
    ['output x -> Dense(4) -> Softmax -> LayerNorm', 'unknown'], // not judged: nothing certain
    ['output exp(x -> Dense(4))', 'unknown'],
  ])('%s: %s', (body, kind) => {
    const graph = graphOf(`  ${body}`);
    expect(outputKind(graph, graph.outputs[0]!.ref).kind).toBe(kind);
  });
});

describe('lossOutputProblem', () => {
  it('names the loss, the model, the layer that gives scores, and the fix', () => {
    expect(lossOutputProblem('crossentropy', graphOf('  output x -> Dense(16) -> ReLU -> Dense(4)'))).toBe(
      "the loss crossentropy takes class probabilities, but M's output comes from Dense_2 (activation \"linear\"), which gives unbounded scores: end the model with Softmax (`-> Softmax`)",
    );
    expect(lossOutputProblem('binary_crossentropy', graphOf('  output x -> Dense(1) -> Tanh'))).toMatch(/^the loss binary_crossentropy takes probabilities in \[0, 1\], but M's output comes from Tanh_1 \(Tanh\).*-> Sigmoid/);
  });

  it('leaves losses on scores, and outputs it cannot judge, alone', () => {
    for (const loss of ['mse', 'mae', 'hinge']) expect(lossOutputProblem(loss, graphOf('  output x -> Dense(4)'))).toBeUndefined();
    expect(lossOutputProblem('crossentropy', graphOf('  output x -> Dense(4) -> Softmax'))).toBeUndefined();
    expect(lossOutputProblem('crossentropy', graphOf('  output exp(x -> Dense(4))'))).toBeUndefined();
  });

  it('passes every bundled train block with a built-in loss', () => {
    const dir = join(import.meta.dirname, '..', '..', 'examples');
    let judged = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.nn'))) {
      const file = join(dir, name);
      for (const [, block] of readFileSync(file, 'utf8').matchAll(/^train (\w+)/gm)) {
        const planned = planTraining(file, nodeHost, block);
        if (!planned.ok || !('builtin' in planned.plan.loss) || !planned.plan.model) continue;
        const data = dataShapeOf(planned.plan.data.name, planned.plan.data.args);
        if (!data) continue;
        const traced = traceModel(file, nodeHost, { model: planned.plan.model, inputShapes: data.inputs.map((i) => i.shape) });
        if (!traced.ok) continue;
        expect(lossOutputProblem(planned.plan.loss.builtin, traced.graph), `${name} ${block}`).toBeUndefined();
        judged++;
      }
    }
    expect(judged).toBeGreaterThanOrEqual(5);
  });
});
