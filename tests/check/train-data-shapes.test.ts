// Train blocks that `nn train` would refuse for the data's known shape are
// `nn check` errors at the right line and column (core/check/train-data.ts,
// from the table in core/train/data-shapes.ts); the train blocks it
// accepts check clean. That the runtime refuses the same train blocks, and
// gives what the table says, is tests/runtime/data/data-shapes.test.ts.

import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import { dataShapeOf, shapesTargetProblem } from '../../core/train/data-shapes.js';
import { LineIndex } from '../../core/text/line-index.js';
import { memoryHost } from '../helpers/memory-host.js';
import { WRONG } from '../helpers/wrong-train-blocks.js';

/** The errors of `main.nn`, as `line:column code message` (1-based, as nn check prints them). */
function errors(source: string): string[] {
  const result = checkFile('/main.nn', memoryHost({ '/main.nn': source }));
  const lines = new LineIndex(source);
  return result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => {
      const p = lines.position(d.range.start);
      return `${p.line + 1}:${p.character + 1} ${d.code} ${d.message}`;
    });
}

describe('a train block nn train would refuse is an error at its place', () => {
  it.each(WRONG)('$name', ({ source, at, code, says }) => {
    const found = errors(source);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`${at} ${code} `);
    expect(found[0]).toContain(says);
  });
});

describe('what the runtime accepts checks clean', () => {
  it.each([
    ['mnist reshaped to a flat input', 'model M {\n  input x: [B, 784]\n  output x -> Dense(10) -> Softmax\n}\ntrain M on mnist() {\n}\n'],
    ['mnist reshaped to 28x28 without a channel axis', 'model M {\n  input x: [B, 28, 28]\n  output x -> Flatten -> Dense(10) -> Softmax\n}\ntrain M on mnist() {\n}\n'],
    ['mnist into free sizes', 'model M {\n  input x: [B, H, W, C]\n  output x -> Conv2D(4, 3) -> Flatten -> Dense(10) -> Softmax\n}\ntrain M on mnist() {\n}\n'],
    ['more class scores than classes', 'model M {\n  input x: [B, 784]\n  output x -> Dense(12) -> Softmax\n}\ntrain M on mnist() {\n}\n'],
    ['a loss of its own is not held to class ids', 'model M {\n  input x: [B, 784]\n  output x -> Dense(3)\n}\nloss L {\n  input p: [N, 3]\n  input t: [N]\n  output mean(p)\n}\ntrain M on mnist() {\n  loss: L\n}\n'],
    [
      'sequences: source and decoder input, a score per position',
      'model M {\n  input source: [B, T] int\n  input target: [B, T] int\n  output (source + target) -> Embedding(16, 8) -> Dense(16) -> Softmax\n}\ntrain M on sequences(length: 12, vocab: 16) {\n}\n',
    ],
    ['shapes: a YOLO grid', 'model M {\n  input x: [B, 32, 32, 3]\n  output x -> Conv2D(13, 8, stride: 8)\n}\ntrain M on shapes(size: 32) {\n  loss: mse\n}\n'],
    ['shapes: a classifier with one object', 'model M {\n  input x: [B, 32, 32, 3]\n  output x -> Flatten -> Dense(4) -> Softmax\n}\ntrain M on shapes(size: 32, objects: 1) {\n}\n'],
    ['file data is known only once read', 'model M {\n  input x: [B, 5]\n  output x -> Dense(2) -> Softmax\n}\ntrain M on csv(path: "d.csv") {\n}\n'],
    [
      'ring into a GAN',
      'model D {\n  input p: [B, 2]\n  output p -> Dense(1) -> Sigmoid\n}\nmodel G {\n  input z: [B, 4]\n  output z -> Dense(2)\n}\ntrain GAN on ring() {\n  adversarial(generator: G, discriminator: D, noise: normal([B, 4]))\n}\n',
    ],
  ])('%s', (_name, source) => {
    expect(errors(source)).toEqual([]);
  });
});

describe('the table of data shapes', () => {
  it('fills in the defaults of the arguments not given', () => {
    expect(dataShapeOf('sequences', {})?.inputs.map((i) => i.shape)).toEqual([[10], [10]]);
    expect(dataShapeOf('sequences', { length: 4, vocab: 7 })?.targets).toEqual({ kind: 'classes', shape: [4], classes: 7 });
    expect(dataShapeOf('shapes', {})?.inputs[0]?.shape).toEqual([64, 64, 3]);
  });

  it('knows nothing of the sources that read files', () => {
    for (const name of ['csv', 'npy', 'npz', 'jsonl', 'images']) expect(dataShapeOf(name, { path: 'x' })).toBeUndefined();
  });

  it("says which outputs shapes can give targets for", () => {
    expect(shapesTargetProblem([3], 32, 1)).toBeUndefined();
    expect(shapesTargetProblem([4], 32, 1)).toBeUndefined();
    expect(shapesTargetProblem([4, 4, 13], 32, 3)).toBeUndefined();
    expect(shapesTargetProblem([32, 32, 4], 32, 3)).toBeUndefined();
    expect(shapesTargetProblem([3], 32, 2)).toContain('objects: 2');
    expect(shapesTargetProblem([32, 32, 3], 32, 3)).toContain('cannot give targets');
    expect(shapesTargetProblem([4, 4, 12], 32, 3)).toContain('cannot give targets');
  });
});
