// A short real training run draws its pictures: files in the run folder's
// samples/, one `sample` event each, with the kinds that fit the run.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import type { TrainEvent } from '../../../runtime/train/events.js';
import { runTraining } from '../../../runtime/train/run-training.js';
import { testTf } from '../../helpers/tf.js';
import { byClass, num, parseXml, texts, wellFormed } from './svg-parse.js';

const tf = testTf();

const TINY = (settings: string) => `
model Tiny {
  input x: [B, 784]
  output x -> Dense(16) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(split: 0.8, limit: 300) {
  loss: crossentropy
  epochs: 1
  batch: 50
  metrics: [accuracy]
  seed: 3
  ${settings}
}
`;

/** The run's events; the number of tensors at each checkpoint (after the epoch's pictures) is kept in `tensors`. */
async function train(source: string, tensors: number[] = []): Promise<TrainEvent[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nn-pictures-'));
  const file = join(dir, 'tiny.nn');
  writeFileSync(file, source);
  const events: TrainEvent[] = [];
  const emit = (e: TrainEvent) => {
    events.push(e);
    if (e.type === 'checkpoint') tensors.push(tf.memory().numTensors);
  };
  const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit, stop: { requested: false } });
  for (const m of Object.values(result.models)) m.dispose();
  return events;
}

const samples = (events: TrainEvent[]) => events.filter((e): e is Extract<TrainEvent, { type: 'sample' }> => e.type === 'sample');

describe('pictures during training', () => {
  it('a classifier on digits draws its predictions and confusion matrix after each epoch', async () => {
    const events = await train(TINY('samples: { count: 6 }'));
    const drawn = samples(events);
    expect(drawn.filter((s) => s.kind !== 'metrics').map((s) => [s.kind, s.epoch, basename(s.path)])).toEqual([
      ['predictions', 1, 'epoch-0001-predictions.svg'],
      ['confusion', 1, 'epoch-0001-confusion.svg'],
    ]);
    const start = events.find((e) => e.type === 'start')!;
    for (const s of drawn) {
      expect(s.path.startsWith(join((start as { runDir: string }).runDir, 'samples'))).toBe(true);
      expect(wellFormed(readFileSync(s.path, 'utf8'))).toBe(true);
    }
    const grid = readFileSync(drawn[0]!.path, 'utf8');
    expect(grid.match(/<image /g)).toHaveLength(6);
    const confusion = readFileSync(drawn[1]!.path, 'utf8');
    expect(confusion.match(/class="cell"/g)).toHaveLength(100);
    // the pictures come after the epoch's evaluation, before its checkpoint
    const order = events.map((e) => e.type).filter((t) => t === 'epoch' || t === 'sample' || t === 'checkpoint');
    expect(order.slice(0, 4)).toEqual(['epoch', 'sample', 'sample', 'checkpoint']);
  });

  it('samples: { every: 0 } draws nothing', async () => {
    const events = await train(TINY('samples: { every: 0 }'));
    expect(samples(events)).toEqual([]);
    expect(events.at(-1)?.type).not.toBe('error');
  });

  it('a sequence model draws the attention of its cross-attention layer; a YOLO grid on shapes draws its detections', async () => {
    const tensors: number[] = [];
    const events = await train(`
model Rev(vocab: int = 8) {
  input source: [B, S] int
  input target: [B, T] int
  let embed = Embedding(vocab, 16)
  let src = source -> embed -> PositionalEncoding("sinusoidal")
  let tgt = target -> embed -> PositionalEncoding("sinusoidal")
  let own = MultiHeadAttention(2, 16, causal: true)(tgt)
  let looked = MultiHeadAttention(2, 16)(own, src, src)
  output looked -> Dense(vocab) -> Softmax
}

train Rev on sequences(task: "reverse", length: 6, vocab: 8, count: 200) {
  loss: sparse_crossentropy
  epochs: 2
  batch: 50
  seed: 1
}
`, tensors);
    const drawn = samples(events).filter((s) => s.kind !== 'metrics');
    expect(drawn.map((s) => [s.kind, basename(s.path)])).toEqual([
      ['attention', 'epoch-0001-attention.svg'],
      ['attention', 'epoch-0002-attention.svg'],
    ]);
    // drawing leaves no tensor behind
    expect(tensors).toHaveLength(2);
    expect(tensors[1]).toBe(tensors[0]);
    const svg = parseXml(readFileSync(drawn[0]!.path, 'utf8'));
    const cells = byClass(svg, 'cell');
    expect(cells).toHaveLength(36);
    // each row (a target position) is a distribution over the 6 source positions
    for (let q = 0; q < 6; q++) {
      const row = cells.filter((c) => c.attrs['data-q'] === String(q)).map((c) => num(c, 'data-weight'));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    }
    expect(byClass(svg, 'head')).toHaveLength(2);
    // the layer drawn is the cross-attention (queries from the target, keys from the source)
    expect(texts(svg).join(' ')).toContain('source tokens');

    const yoloTensors: number[] = [];
    const yolo = await train(`
model Grid(S: int = 2, K: int = 1, C: int = 3) {
  input image: [B, 32, 32, 3]
  output image -> Conv2D(8, 3, stride: 4) -> ReLU -> Flatten -> Dense(S * S * (K * 5 + C)) -> Sigmoid -> reshape([B, S, S, K * 5 + C])
}

train Grid on shapes(count: 60, size: 32, objects: 2) {
  loss: mse
  epochs: 2
  batch: 20
  seed: 2
  samples: { count: 3, every: 2 }
}
`, yoloTensors);
    const detections = samples(yolo).filter((s) => s.kind !== 'metrics');
    // every 2 epochs: only after the second
    expect(detections.map((s) => [s.kind, basename(s.path)])).toEqual([['detections', 'epoch-0002-detections.svg']]);
    expect(yoloTensors[1]).toBe(yoloTensors[0]);
    const picture = parseXml(readFileSync(detections[0]!.path, 'utf8'));
    expect(byClass(picture, 'scene')).toHaveLength(3);
    expect(byClass(picture, 'truth').length).toBeGreaterThanOrEqual(3);
  });

  it('a GAN on the ring draws its scatter plot with axes, legend and true modes, and every run ends with its metrics chart', async () => {
    const events = await train(`
model G {
  input noise: [B, 4]
  output noise -> Dense(16) -> ReLU -> Dense(2)
}
model D {
  input point: [B, 2]
  output point -> Dense(16) -> ReLU -> Dense(1) -> Sigmoid
}
train Pair on ring(modes: 6, count: 512) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 4]))
  loss: minimax
  epochs: 2
  batch: 128
  seed: 4
}
`);
    const drawn = samples(events);
    expect(drawn.map((s) => [s.kind, s.epoch, basename(s.path)])).toEqual([
      ['scatter', 1, 'epoch-0001-samples.svg'],
      ['scatter', 2, 'epoch-0002-samples.svg'],
      ['metrics', 2, 'metrics.svg'],
    ]);
    const scatter = parseXml(readFileSync(drawn[1]!.path, 'utf8'));
    expect(byClass(scatter, 'mode')).toHaveLength(6);
    expect(byClass(scatter, 'x-axis')).toHaveLength(1);
    expect(byClass(scatter, 'y-axis')).toHaveLength(1);
    expect(texts(byClass(scatter, 'legend')[0]!)).toEqual(['generated (1000)', 'true modes (6)']);
    const chart = parseXml(readFileSync(drawn[2]!.path, 'utf8'));
    expect(byClass(chart, 'series').map((e) => e.attrs['data-name'])).toEqual(['d_loss', 'g_loss', 'modes_covered']);
    // the metrics chart comes before the end of the run
    const types = events.map((e) => (e.type === 'sample' ? e.kind : e.type));
    expect(types.indexOf('metrics')).toBeGreaterThan(types.lastIndexOf('epoch'));
  });

  it('features from a csv file: the confusion matrix only, with the class names of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-pictures-csv-'));
    const rows = Array.from({ length: 90 }, (_, i) => `${(i % 3) + Math.sin(i)},${(i * 7) % 5},${['setosa', 'versicolor', 'virginica'][i % 3]}`);
    writeFileSync(join(dir, 'flowers.csv'), `a,b,label\n${rows.join('\n')}\n`);
    const file = join(dir, 'flowers.nn');
    writeFileSync(
      file,
      `model Flowers {
  input x: [B, 2]
  output x -> Dense(8) -> ReLU -> Dense(3) -> Softmax
}

train Flowers on csv("flowers.csv", label: "label") {
  epochs: 1
  batch: 30
  seed: 5
}
`,
    );
    const events: TrainEvent[] = [];
    const result = await runTraining({ file, host: nodeHost, tf, backend: { name: 'tensorflow', device: 'cpu' }, emit: (e) => events.push(e), stop: { requested: false } });
    for (const m of Object.values(result.models)) m.dispose();
    const drawn = samples(events).filter((e) => e.kind !== 'metrics');
    expect(drawn.map((e) => e.kind)).toEqual(['confusion']);
    const words = texts(parseXml(readFileSync(drawn[0]!.path, 'utf8')));
    for (const name of ['setosa', 'versicolor', 'virginica']) expect(words.filter((w) => w === name)).toHaveLength(2);
  });

  it('a GAN that makes digits draws them as a grid under a title', async () => {
    const events = await train(`
model G {
  input noise: [B, 8]
  output noise -> Dense(784) -> Sigmoid -> reshape([B, 28, 28, 1])
}
model D {
  input image: [B, 28, 28, 1]
  output image -> Flatten -> Dense(1) -> Sigmoid
}
train Digits on mnist(limit: 200) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 8]))
  loss: minimax
  epochs: 1
  batch: 100
  seed: 6
  samples: { count: 9 }
}
`);
    const drawn = samples(events).filter((e) => e.kind !== 'metrics');
    expect(drawn.map((e) => [e.kind, basename(e.path)])).toEqual([['image-grid', 'epoch-0001-samples.svg']]);
    const doc = parseXml(readFileSync(drawn[0]!.path, 'utf8'));
    expect(texts(doc)[0]).toBe("G's samples after epoch 1");
    expect(byClass(doc, 'samples')[0]!.attrs['data-count']).toBe('9');
  });
});
