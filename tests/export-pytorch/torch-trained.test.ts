// What a run trained by `nn train --engine torch` gives back, end to end
// with the real binary, export and train.py: its sample pictures (drawn
// from train.py's weights by the tfjs engine's makers, between the epoch's
// `epoch` and `checkpoint` events), its checkpoint read by `nn run` and
// `nn export` (converted back to the tfjs layout: the outputs are
// model.py's with that checkpoint, and the export's weights are the
// checkpoint's own), the newer engine's checkpoint winning, a GAN's two
// models each from its own file, and a model with sizes the inputs leave
// open, traced for the data's.

import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import { prng } from '../helpers/prng.js';
import { tempFolder } from '../helpers/temp-files.js';
import { ensureTorchPython, runPython } from './python.js';
import { eventProblems } from './train-events.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const temp = tempFolder('torch-trained');
afterAll(() => temp.remove());

// a convolution (kernel [3, 3, 1, 4] <-> [4, 1, 3, 3]), BatchNorm's statistics, a Dense kernel (transposed)
temp.write(
  'small.nn',
  `model Small {
  input x: [B, 28, 28, 1]
  output x -> Conv2D(4, 3) -> BatchNorm -> ReLU -> MaxPool2D(2) -> Flatten -> Dense(10) -> Softmax
}

train Small on mnist(limit: 300) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 1
  batch: 50
  metrics: [accuracy]
  seed: 1
}
`,
);

// sizes the inputs leave open (S, T): the data's are 6
temp.write(
  'seq.nn',
  `model Seq {
  input source: [B, S] int
  input target: [B, T] int
  output Embedding(16, 8)(target) -> Dense(16) -> Softmax   // the source is left unused (a warning)
}

train Seq on sequences(task: "copy", length: 6, vocab: 16, count: 200) {
  loss: sparse_crossentropy
  optimizer: Adam(lr: 0.01)
  epochs: 1
  batch: 50
  seed: 1
}
`,
);

// a GAN: its checkpoint holds each model in a file of its own
temp.write(
  'gan.nn',
  `model G {
  input noise: [B, 4]
  output noise -> Dense(16) -> ReLU -> Dense(2)
}

model D {
  input point: [B, 2]
  output point -> Dense(16) -> LeakyReLU(0.2) -> Dense(1) -> Sigmoid
}

train Ring on ring(modes: 4, count: 512) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 4]))
  loss: minimax
  optimizer: Adam(lr: 1e-3, beta1: 0.5)
  epochs: 1
  batch: 128
  seed: 1
}
`,
);

type Event = { type: string; [k: string]: unknown };
const events = (stdout: string) => stdout.trimEnd().split('\n').filter((l) => l !== '').map((line) => JSON.parse(line) as Event);

let python = '';
function nn(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: temp.dir, encoding: 'utf8', env: { ...process.env, NN_PYTHON: python, TF_CPP_MIN_LOG_LEVEL: '3' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Compared {
  shape: number[];
  difference: number;
  weightsDifference?: number;
  keysOnlyInOne?: string[];
  floatTensors?: number;
}
const script = join(import.meta.dirname, 'torch_checkpoint_outputs.py');

describe('a run trained by PyTorch', () => {
  let run: Event[] = [];
  let runDir = '';
  let checkpoint = '';
  beforeAll(() => {
    python = ensureTorchPython();
    const r = nn(['train', 'small.nn', '--engine', 'torch', '--json']);
    if (r.code !== 0) throw new Error(`nn train --engine torch failed (${r.code}):\n${r.stderr}`);
    run = events(r.stdout);
    runDir = run[0]!['runDir'] as string;
    checkpoint = run.find((e) => e.type === 'checkpoint')!['path'] as string;
    const random = prng(5);
    temp.write('x.npy', encodeNpy(Float32Array.from({ length: 3 * 784 }, () => random()), [3, 28, 28, 1], 'float32'));
  }, 600_000);

  it("draws the tfjs engine's pictures from train.py's weights, between the epoch and its checkpoint", () => {
    expect(run.flatMap((e) => eventProblems(e))).toEqual([]);
    const order = run.filter((e) => e.type !== 'batch').map((e) => (e.type === 'sample' ? `sample:${e['kind']}` : e.type));
    expect(order).toEqual(['start', 'epoch', 'sample:predictions', 'sample:confusion', 'checkpoint', 'sample:metrics', 'end']);
    const samples = run.filter((e) => e.type === 'sample' && e['kind'] !== 'metrics');
    expect(samples.map((e) => e['path'])).toEqual([join(runDir, 'samples', 'epoch-0001-predictions.svg'), join(runDir, 'samples', 'epoch-0001-confusion.svg')]);
    // the confusion matrix is the held-out accuracy that train.py measured with the same weights
    const accuracy = (run.find((e) => e.type === 'epoch')!['logs'] as Record<string, number>)['test_accuracy']!;
    const drawn = /accuracy ([\d.]+)%/.exec(readFileSync(samples[1]!['path'] as string, 'utf8'));
    expect(Math.abs(Number(drawn![1]) - accuracy * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(readdirSync(join(runDir, 'torch')).filter((n) => n.startsWith('sample-weights'))).toEqual([]);
  });

  it("nn run uses its checkpoint: the outputs are model.py's with it (1e-4)", () => {
    const r = nn(['run', 'small.nn', '--input', 'x.npy', '--out', 'y.npy']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no trained weights');
    const compared = runPython<Compared>(python, script, [join(runDir, 'torch'), join(checkpoint, 'weights.safetensors'), join(temp.dir, 'x.npy'), join(temp.dir, 'y.npy')]);
    expect(compared.shape).toEqual([3, 10]);
    expect(compared.difference).toBeLessThanOrEqual(1e-4);
  }, 120_000);

  it("nn export writes the checkpoint's own weights back, and its model.py computes what nn run does", () => {
    const r = nn(['export', 'small.nn', '--to', 'pytorch', '--out', 'exported']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`exported Small (weights from ${checkpoint}):`);
    const compared = runPython<Compared>(python, script, [join(temp.dir, 'exported'), join(temp.dir, 'exported', 'weights.safetensors'), join(temp.dir, 'x.npy'), join(temp.dir, 'y.npy'), join(checkpoint, 'weights.safetensors')]);
    expect(compared.difference).toBeLessThanOrEqual(1e-4);
    // conv and Dense kernels, BatchNorm's weights and running statistics: through the tfjs layout and back, bit for bit
    expect(compared.floatTensors).toBe(8);
    expect(compared.weightsDifference).toBe(0);
    expect(compared.keysOnlyInOne).toEqual([]);
  }, 120_000);

  it('--checkpoints takes its run folder; a damaged weights file is one line naming it', () => {
    expect(nn(['run', 'small.nn', '--input', 'x.npy', '--out', 'y2.npy', '--checkpoints', runDir]).code).toBe(0);
    expect(readFileSync(join(temp.dir, 'y2.npy'))).toEqual(readFileSync(join(temp.dir, 'y.npy')));

    const damaged = join(temp.dir, 'damaged', 'checkpoint-0001');
    cpSync(checkpoint, damaged, { recursive: true });
    const weights = join(damaged, 'weights.safetensors');
    writeFileSync(weights, readFileSync(weights).subarray(0, 200));
    const r = nn(['run', 'small.nn', '--input', 'x.npy', '--out', 'y3.npy', '--checkpoints', damaged]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('nn: '))).toEqual([expect.stringMatching(/^nn: \S+ is not a readable safetensors file: its header says \d+ bytes, but the file has 192 after the length$/)]);
    expect(r.stderr).toContain(weights);
    expect(r.stderr).not.toContain('    at ');
  }, 120_000);

  it("a newer run of the tfjs engine wins over PyTorch's", () => {
    const tfjs = nn(['train', 'small.nn', '--json']);
    expect(tfjs.code, tfjs.stderr).toBe(0);
    const tfjsCheckpoint = events(tfjs.stdout).find((e) => e.type === 'checkpoint')!['path'] as string;
    const r = nn(['export', 'small.nn', '--to', 'pytorch', '--out', 'exported-tfjs']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`(weights from ${tfjsCheckpoint}):`);
  }, 180_000);
});

describe('a model with sizes its inputs leave open', () => {
  it("trains with --engine torch: model.py is traced for the data's sizes", () => {
    python ||= ensureTorchPython();
    const r = nn(['train', 'seq.nn', '--engine', 'torch', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const all = events(r.stdout);
    expect(all.flatMap((e) => eventProblems(e))).toEqual([]);
    expect(all.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: 1 });
    const modelPy = readFileSync(join(all[0]!['runDir'] as string, 'torch', 'model.py'), 'utf8');
    expect(modelPy).toContain('# [B, 6, 16]');
    expect(modelPy).toMatch(/\("target", \[None, 6\], "int32"\)/);
  }, 600_000);
});

describe('a GAN trained by PyTorch', () => {
  it('nn export and nn run take each model from its own file of the checkpoint', () => {
    python ||= ensureTorchPython();
    const r = nn(['train', 'gan.nn', '--engine', 'torch', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const checkpoint = events(r.stdout).find((e) => e.type === 'checkpoint')!['path'] as string;
    const random = prng(9);
    temp.write('noise.npy', encodeNpy(Float32Array.from({ length: 6 * 4 }, () => random() * 2 - 1), [6, 4], 'float32'));
    const run = nn(['run', 'gan.nn', '--model', 'G', '--input', 'noise.npy', '--out', 'points.npy']);
    expect(run.code, run.stderr).toBe(0);
    const exported = nn(['export', 'gan.nn', '--model', 'G', '--to', 'pytorch', '--out', 'g-torch']);
    expect(exported.stdout).toContain(`exported G (weights from ${checkpoint}):`);
    const compared = runPython<Compared>(python, script, [join(temp.dir, 'g-torch'), join(checkpoint, 'generator.safetensors'), join(temp.dir, 'noise.npy'), join(temp.dir, 'points.npy'), join(temp.dir, 'g-torch', 'weights.safetensors')]);
    expect(compared.shape).toEqual([6, 2]);
    expect(compared.difference).toBeLessThanOrEqual(1e-4);
    expect(compared.floatTensors).toBe(4);
    expect(compared.weightsDifference).toBe(0);
  }, 300_000);
});
