// The pipeline executor on hand-made pipelines: a model applied inside
// computes with the weights it was given (set by hand here), a size only the
// run decides (the boxes nms keeps) flows into the steps after it, and the
// problems a user can cause are one-line messages.

import { describe, expect, it } from 'vitest';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { runPipeline } from '../../runtime/pipelines/run-pipeline.js';
import { PipelineError, tracePipeline } from '../../runtime/pipelines/trace-pipeline.js';
import type { LayersModel } from '../../runtime/tf-types.js';
import { memoryHost } from '../helpers/memory-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();

const SOURCE = `model Affine {
  input x: [B, 3]
  output x -> Dense(2)
}

pipeline Twice {
  input x: [1, 3]
  let y = x -> Affine                       // [1, 2]
  output y * 2 + 1
}

pipeline Again {
  input x: [1, 3]
  output (x -> Affine) - (x -> Affine) + (x -> Affine)
}

pipeline Keep {
  input boxes: [5, 4]
  input scores: [5]
  let kept, kept_scores, classes = nms(boxes, scores, iou: 0.5, score: 0.1)
  output doubled = kept * 2                 // [K1, 4]: K1 is known only when it runs
  output best = kept_scores
}
`;

const host = memoryHost({ '/p.nn': SOURCE });

/** Affine compiled, with W = [[1, 2], [3, 4], [5, 6]] and b = [0.5, -1]. */
function affine(): LayersModel {
  const traced = traceModel('/p.nn', host, { model: 'Affine' });
  if (!traced.ok) throw new Error(traced.message);
  const model = compileGraph(tf, traced.graph, { seed: 3 });
  const byName = new Map(model.weights.map((w) => [w.originalName, w]));
  byName.get('Dense_1/kernel')!.write(tf.tensor2d([[1, 2], [3, 4], [5, 6]]));
  byName.get('Dense_1/bias')!.write(tf.tensor1d([0.5, -1]));
  return model;
}

describe('the pipeline executor', () => {
  it("computes a model's application with that model's weights", () => {
    const graph = tracePipeline('/p.nn', host, { pipeline: 'Twice', inputShapes: [[1, 3]] });
    expect(graph.models.map((m) => [m.model, m.path])).toEqual([['Affine', 'Twice_1/Affine_1/']]);
    const [out] = runPipeline(tf, graph, [tf.tensor2d([[1, 0, -1]])], { Affine: affine() });
    // x W + b = [1 - 5 + 0.5, 2 - 6 - 1] = [-3.5, -5]; times 2, plus 1
    expect(Array.from(out!.tensor.dataSync())).toEqual([-6, -9]);
  });

  it('gives every application of a model the same weights', () => {
    const graph = tracePipeline('/p.nn', host, { pipeline: 'Again', inputShapes: [[1, 3]] });
    expect(graph.models.map((m) => m.path)).toEqual(['Again_1/Affine_1/', 'Again_1/Affine_2/', 'Again_1/Affine_3/']);
    const [out] = runPipeline(tf, graph, [tf.tensor2d([[2, 1, 0]])], { Affine: affine() });
    expect(Array.from(out!.tensor.dataSync())).toEqual([5.5, 7]); // [2 + 3 + 0.5, 4 + 4 - 1]
  });

  it('learns a size that only the run decides and uses it in the steps after', () => {
    const graph = tracePipeline('/p.nn', host, { pipeline: 'Keep', inputShapes: [[5, 4], [5]] });
    const boxes = tf.tensor2d([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30], [40, 40, 50, 50], [0, 40, 5, 45]]);
    const scores = tf.tensor1d([0.9, 0.8, 0.7, 0.05, 0.2]);
    const [doubled, best] = runPipeline(tf, graph, [boxes, scores], {});
    // the second box overlaps the first (IoU 0.68); the fourth scores below 0.1
    expect(doubled!.tensor.shape).toEqual([3, 4]);
    expect(Array.from(doubled!.tensor.dataSync())).toEqual([0, 0, 20, 20, 40, 40, 60, 60, 0, 80, 10, 90]);
    expect(Array.from(best!.tensor.dataSync()).map((v) => Math.round(v * 100) / 100)).toEqual([0.9, 0.7, 0.2]);
  });

  it('says which weights are missing when a model was not given', () => {
    const graph = tracePipeline('/p.nn', host, { pipeline: 'Twice', inputShapes: [[1, 3]] });
    expect(() => runPipeline(tf, graph, [tf.tensor2d([[1, 0, -1]])], {})).toThrow('Twice applies Affine, whose weights were not loaded');
  });

  it('names the pipelines of the file when the one asked for is not there', () => {
    expect(() => tracePipeline('/p.nn', host, { pipeline: 'Detect', inputShapes: [[1, 3]] })).toThrow("no pipeline 'Detect' in /p.nn (pipelines: Twice, Again, Keep)");
  });

  it('says which input does not fit', () => {
    expect(() => tracePipeline('/p.nn', host, { pipeline: 'Twice', inputShapes: [[1, 4]] })).toThrow(new PipelineError('input x of Twice is [1, 3], but [1, 4] was given'));
  });
});
