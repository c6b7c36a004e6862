// A detection pipeline's mean average precision at IoU 0.5 (PASCAL VOC's
// mAP) on synthetic scenes of shapes: the pipeline runs on each scene, and
// its kept boxes, per class and in descending score, are matched with the
// scene's true boxes (runtime/train/mean-average-precision.ts); mAP is the
// mean AP over the classes that have true boxes.

import type { ShapeScene } from '../data/shapes.js';
import type { LayersModel, TF } from '../tf-types.js';
import { averagePrecision, type Box } from '../train/mean-average-precision.js';
import type { PipelineGraph } from './pipeline-graph.js';
import { readResults } from './pipeline-results.js';
import { runPipeline } from './run-pipeline.js';

/** mAP@0.5 of the pipeline (traced for [1, size, size, 3] images) on `scenes`, and the detections it kept per scene on average. */
export function detectionMeanAveragePrecision(tf: TF, graph: PipelineGraph, models: Readonly<Record<string, LayersModel>>, scenes: readonly ShapeScene[], size: number, classes: number): { map: number; perScene: number } {
  const detections: { image: number; box: Box; score: number }[][] = Array.from({ length: classes }, () => []);
  const truths: { image: number; box: Box }[][] = Array.from({ length: classes }, () => []);
  const square = { width: size, height: size };
  let kept = 0;
  scenes.forEach((scene, image) => {
    const input = tf.tensor4d(scene.image, [1, size, size, 3]);
    const outputs = runPipeline(tf, graph, [input], models);
    const { boxes } = readResults(tf, outputs, { from: square, to: square });
    tf.dispose([input, ...outputs.map((o) => o.tensor)]);
    kept += boxes.length;
    for (const b of boxes) if (b.classId !== undefined && b.classId < classes) detections[b.classId]!.push({ image, box: b.box, score: b.score ?? 1 });
    for (const o of scene.objects) truths[o.kind]!.push({ image, box: o.box });
  });
  const aps = truths.flatMap((t, c) => (t.length === 0 ? [] : [averagePrecision(detections[c]!, t)]));
  return { map: aps.length === 0 ? 0 : aps.reduce((a, b) => a + b, 0) / aps.length, perScene: kept / Math.max(1, scenes.length) };
}
