// The table of data shapes (core/train/data-shapes.ts) against the
// runtime: each source gives, per example, the inputs and targets the table
// says; `shapes` gives targets for exactly the outputs the table accepts;
// and the train blocks `nn check` refuses for the data's shape
// (tests/helpers/wrong-train-blocks.ts) are refused by the runtime's own
// steps too (loading, tracing, the dataset, one prediction and its loss).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import { dataShapeOf } from '../../../core/train/data-shapes.js';
import type { PlainValue } from '../../../core/train/plan.js';
import { compileGraph } from '../../../runtime/compile/compile-graph.js';
import { disposeDataset, toDataset } from '../../../runtime/data/dataset.js';
import { loadData } from '../../../runtime/data/load-data.js';
import { shapesTarget } from '../../../runtime/data/shapes.js';
import { shapesTargetProblem } from '../../../core/train/data-shapes.js';
import { predict } from '../../../runtime/train/evaluate.js';
import { builtinLoss } from '../../../runtime/train/losses.js';
import { trace } from '../../../runtime/train/trace-model.js';
import { WRONG } from '../../helpers/wrong-train-blocks.js';
import { testTf } from '../../helpers/tf.js';

const tf = testTf();

describe('each source gives what the table says', () => {
  it.each<[string, Record<string, PlainValue>, number[] | undefined]>([
    ['mnist', { limit: 30 }, undefined],
    ['mnist', { limit: 30, scale: [-1, 1], split: 0.5 }, undefined],
    ['sequences', { count: 20, length: 7, vocab: 9, task: 'sort' }, undefined],
    ['sequences', { count: 20 }, undefined],
    ['ring', { count: 20, modes: 4 }, undefined],
    ['shapes', { count: 6, size: 32, objects: 1 }, [3]],
    ['shapes', { count: 6, size: 32 }, [32, 32, 4]],
    ['shapes', { count: 6, size: 64, objects: 3 }, [4, 4, 13]],
    ['segments', { count: 4, size: 32 }, [3, 16, 16]],
  ])('%s(%j)', (name, args, output) => {
    const table = dataShapeOf(name, args)!;
    const raw = loadData({ name, args }, { baseDir: tmpdir(), seed: 1, tf, ...(output ? { outputShape: () => output } : {}) });
    expect(raw.inputs.map((i) => ({ shape: i.shape, dtype: i.dtype }))).toEqual(table.inputs.map((i) => ({ shape: i.shape, dtype: i.dtype })));
    if (table.targets.kind === 'classes') {
      expect(raw.target?.shape).toEqual(table.targets.shape);
      expect(raw.target?.dtype).toBe('int32');
      expect(raw.classes).toBe(table.targets.classes);
    }
    if (table.targets.kind === 'none') expect(raw.target).toBeUndefined();
    if (table.targets.kind === 'model') {
      expect(table.targets.problem(output!)).toBeUndefined();
      expect(table.targets.target?.(output!)).toEqual({ shape: raw.target!.shape, dtype: raw.target!.dtype });
    }
  });

  it('shapes gives targets for exactly the outputs the table accepts', () => {
    const outputs = [[3], [4], [5], [2, 2], [4, 4, 13], [4, 4, 8], [4, 4, 12], [32, 32, 4], [32, 32, 3], [16, 16, 4], [32, 16, 4], [40, 40, 8]];
    for (const objects of [1, 3]) {
      for (const output of outputs) {
        let refused: string | undefined;
        try {
          shapesTarget(output, { size: 32, objects });
        } catch (e) {
          refused = (e as Error).message;
        }
        expect([output, objects, shapesTargetProblem(output, 32, objects)]).toEqual([output, objects, refused]);
      }
    }
  });
});

/** "length: 10, scale: [-1, 1]" as plain values. */
function argsOf(text: string | undefined): Record<string, PlainValue> {
  if (!text?.trim()) return {};
  return JSON.parse(`{${text.replace(/(\w+):/g, '"$1":')}}`) as Record<string, PlainValue>;
}

/** What the runtime says when it refuses the file's one train block, or nothing: the steps of run-training.ts and adversarial.ts. */
function runtimeRefusal(source: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'nn-refused-'));
  const file = join(dir, 'main.nn');
  writeFileSync(file, source);
  const request = { file, host: nodeHost };
  const block = /^train\s+(\w+)\s+on\s+(\w+)(?:\(([^)]*)\))?/m.exec(source)!;
  const call = { name: block[2]!, args: argsOf(block[3]) };
  const adversarial = /adversarial\(generator: (\w+), discriminator: (\w+), noise: normal\(\[B, (\d+)\]\)\)/.exec(source);
  const loss = /loss: (\w+)/.exec(source)?.[1] ?? 'crossentropy';
  try {
    if (adversarial) {
      const [, g, d, noise] = adversarial;
      const raw = loadData(call, { baseDir: dir, seed: 1, tf });
      const generator = trace(request, g!, [[Number(noise)]]);
      const discriminator = trace(request, d!, [raw.inputs[0]!.shape]);
      const data = toDataset(tf, { ...raw, split: 1 }, [{ name: discriminator.inputs[0]!.name, shape: discriminator.inputs[0]!.type.shape.slice(1) as number[] }]);
      disposeDataset(data);
      const [gm, dm] = [compileGraph(tf, generator), compileGraph(tf, discriminator)];
      try {
        tf.tidy(() => predict(dm, [predict(gm, [tf.randomNormal([2, Number(noise)])], false)], false).dataSync());
      } finally {
        gm.dispose();
        dm.dispose();
      }
      return undefined;
    }
    const model = block[1]!;
    const raw = loadData(call, { baseDir: dir, seed: 1, tf, outputShape: (shapes) => trace(request, model, shapes).outputs[0]!.type.shape.slice(1) as number[] });
    const graph = trace(request, model, raw.inputs.map((i) => i.shape));
    const data = toDataset(tf, raw, graph.inputs.map((i) => ({ name: i.name, shape: i.type.shape.slice(1) as number[] })));
    // a loss definition is traced with the prediction's and the targets' shapes, as run-training.ts does
    if (new RegExp(`^loss\\s+${loss}\\b`, 'm').test(source)) trace(request, loss, [graph.outputs[0]!.type.shape.slice(1) as number[], raw.target!.shape]);
    const compiled = compileGraph(tf, graph);
    try {
      tf.tidy(() => {
        const two = data.train.inputs.map((t) => t.slice(0, 2));
        builtinLoss(loss)(tf, data.train.target!.slice(0, 2), predict(compiled, two, false)).dataSync();
      });
    } finally {
      compiled.dispose();
      disposeDataset(data);
    }
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('the runtime refuses what nn check refuses', () => {
  it.each(WRONG.filter((w) => w.runtime))('$name', ({ source, runtime }) => {
    expect(runtimeRefusal(source)).toMatch(runtime!);
  });

  it('and accepts a train block that checks clean', () => {
    expect(runtimeRefusal('model M {\n  input x: [B, 28, 28]\n  output x -> Flatten -> Dense(10) -> Softmax\n}\ntrain M on mnist(limit: 20) {\n}\n')).toBeUndefined();
  });
});
