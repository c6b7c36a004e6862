// train.py, the train block exported for PyTorch: `nn export --to pytorch`
// of a model with a train block, then the generated program run in the
// Python environment with PyTorch (CPU): it learns MNIST digits to the tfjs
// engine's bar with docs/events.md's events; under torchrun two processes
// (DDP on gloo) end with the same weights, and --fsdp shards the module
// (FSDP2); a stop line gives exit 130, a complete checkpoint and `end`
// stopped, and --resume goes on from the next epoch; a `loss` definition
// (the YOLO loss) computes in PyTorch what the tfjs engine computes on the
// same batch and initial weights.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import { parseNamed } from '../../runtime/data/npy.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { valuesOf } from '../../runtime/train/run-training.js';
import { trace } from '../../runtime/train/trace-model.js';
import { testTf } from '../helpers/tf.js';
import { ensureTorchPython, runPython } from './python.js';
import { eventProblems } from './train-events.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');

/** The tfjs engine's small-data bar (tests/runtime/train/train.test.ts): above 85% after 4 epochs on 2,000 digits. */
const TINY = `
model Tiny(hidden: int = 32) {
  input x: [B, 784]
  output x -> Dense(hidden) -> ReLU -> Dropout(0.1) -> Dense(10) -> Softmax
}

train Tiny on mnist(split: 0.8, limit: 2000) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 4
  batch: 50
  metrics: [accuracy]
  seed: 7
}
`;

type Event = Record<string, unknown> & { type: string };

function nn(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A workspace with `tiny.nn` exported to `torch/`. */
function exported(source = TINY): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-train-py-'));
  writeFileSync(join(dir, 'tiny.nn'), source);
  const r = nn(['export', 'tiny.nn', '--to', 'pytorch', '--out', 'torch'], dir);
  expect(r.stderr).not.toContain('    at ');
  expect(r.code).toBe(0);
  return dir;
}

const events = (stdout: string): Event[] => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Event);

/** Runs a command, writing `{"type":"stop"}` to its stdin once `when` holds for an event; its status and stdout. */
function runUntil(command: string, args: string[], when: (e: Event) => boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && events(stdout.slice(0, stdout.lastIndexOf('\n') + 1)).some(when)) {
        sent = true;
        child.stdin.write('{"type":"stop"}\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let python = '';
beforeAll(() => {
  python = ensureTorchPython();
}, 15 * 60_000);

describe('train.py', () => {
  it('learns the digits to the tfjs engine bar, reporting the events of docs/events.md', () => {
    const dir = exported();
    for (const name of ['train.py', 'initial-weights.safetensors', 'data/train-input-0.npy', 'data/train-target.npy', 'data/heldout-input-0.npy', 'data/heldout-target.npy']) {
      expect(existsSync(join(dir, 'torch', name)), name).toBe(true);
    }
    const run = spawnSync(python, [join(dir, 'torch', 'train.py'), '--events', '--out', join(dir, 'run')], { encoding: 'utf8', input: '' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const stream = events(run.stdout);
    expect(stream.flatMap(eventProblems)).toEqual([]);
    expect(stream[0]).toMatchObject({ type: 'start', name: 'Tiny', examples: { train: 1600, test: 400, validation: 0 }, epochs: 4, batchesPerEpoch: 32, batchSize: 50, backend: 'torch', firstEpoch: 1 });
    expect(stream.filter((e) => e.type === 'epoch')).toHaveLength(4);
    const end = stream.at(-1)!;
    expect(end).toMatchObject({ type: 'end', reason: 'completed', epochs: 4 });
    expect((end['metrics'] as Record<string, number>)['test_accuracy']).toBeGreaterThan(0.85);
    // keep: 3 of the 4 checkpoints, each complete
    expect(readdirSync(join(dir, 'run', 'checkpoints')).sort()).toEqual(['checkpoint-0002', 'checkpoint-0003', 'checkpoint-0004']);
    expect(readdirSync(join(dir, 'run', 'checkpoints', 'checkpoint-0004')).sort()).toEqual(['optimizer.pt', 'state.json', 'weights.safetensors']);
    // model.py's load() reads a checkpoint's weights
    const script = join(dir, 'load.py');
    writeFileSync(script, ['import json, sys', 'sys.path.insert(0, sys.argv[1])', 'from model import load', 'm = load(sys.argv[2])', 'print(json.dumps({"parameters": sum(p.numel() for p in m.parameters())}))', ''].join('\n'));
    expect(runPython<{ parameters: number }>(python, script, [join(dir, 'torch'), join(dir, 'run', 'checkpoints', 'checkpoint-0004', 'weights.safetensors')]).parameters).toBe(25_450);
  }, 120_000);

  it('under torchrun, two processes (DDP on gloo) train and end with the same weights', () => {
    const dir = exported();
    const torchrun = join(dirname(python), 'torchrun');
    const run = spawnSync(torchrun, ['--nproc_per_node=2', join(dir, 'torch', 'train.py'), '--events', '--epochs', '2', '--out', join(dir, 'run'), '--report-weights-hash'], { encoding: 'utf8', input: '' });
    expect(run.status, run.stderr).toBe(0);
    const stream = events(run.stdout);
    expect(stream.flatMap(eventProblems)).toEqual([]);
    expect(stream.filter((e) => e.type === 'start')).toHaveLength(1); // rank 0 alone reports
    expect(stream.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: 2 });
    expect((stream.at(-1)!['metrics'] as Record<string, number>)['test_accuracy']).toBeGreaterThan(0.8);
    const hashes = [...run.stderr.matchAll(/weights-hash rank (\d): ([0-9a-f]{64})/g)].map((m) => [m[1], m[2]]);
    expect(hashes.map(([rank]) => rank).sort()).toEqual(['0', '1']);
    expect(hashes[0]![1]).toBe(hashes[1]![1]);
  }, 120_000);

  it('with --fsdp, FSDP2 shards the module across two processes: they train and gather the same weights', () => {
    const dir = exported();
    const torchrun = join(dirname(python), 'torchrun');
    const run = spawnSync(torchrun, ['--nproc_per_node=2', join(dir, 'torch', 'train.py'), '--events', '--epochs', '1', '--fsdp', '--out', join(dir, 'run'), '--report-weights-hash'], { encoding: 'utf8', input: '' });
    expect(run.status, run.stderr).toBe(0);
    const stream = events(run.stdout);
    expect(stream.flatMap(eventProblems)).toEqual([]);
    expect(stream.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: 1 });
    expect(readdirSync(join(dir, 'run', 'checkpoints', 'checkpoint-0001')).sort()).toEqual(['optimizer.pt', 'state.json', 'weights.safetensors']);
    const hashes = [...run.stderr.matchAll(/weights-hash rank (\d): ([0-9a-f]{64})/g)].map((m) => m[2]);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBe(hashes[1]);
  }, 120_000);

  it('stops on a stop line with exit 130 and a complete checkpoint; --resume continues from the next epoch', async () => {
    const dir = exported();
    const train = join(dir, 'torch', 'train.py');
    const stopped = await runUntil(python, [train, '--events', '--epochs', '50', '--out', join(dir, 'run')], (e) => e.type === 'checkpoint');
    expect(stopped.code).toBe(130);
    const stream = events(stopped.stdout);
    expect(stream.flatMap(eventProblems)).toEqual([]);
    const end = stream.at(-1)!;
    expect(end).toMatchObject({ type: 'end', reason: 'stopped' });
    const epochs = end['epochs'] as number;
    expect(epochs).toBeGreaterThanOrEqual(1);
    expect(epochs).toBeLessThan(50);
    const checkpoint = stream.filter((e) => e.type === 'checkpoint').at(-1)!;
    expect(checkpoint['epoch']).toBe(epochs);
    const folder = checkpoint['path'] as string;
    expect(readdirSync(folder).sort()).toEqual(['optimizer.pt', 'state.json', 'weights.safetensors']);
    expect(JSON.parse(readFileSync(join(folder, 'state.json'), 'utf8'))).toMatchObject({ epoch: epochs, seed: 7 });
    expect(readdirSync(dirname(folder)).filter((n) => n.startsWith('.'))).toEqual([]); // no temporary folder left

    const resumed = spawnSync(python, [train, '--events', '--epochs', String(epochs + 1), '--out', join(dir, 'run2'), '--resume', folder], { encoding: 'utf8', input: '' });
    expect(resumed.status, resumed.stderr).toBe(0);
    const again = events(resumed.stdout);
    expect(again.flatMap(eventProblems)).toEqual([]);
    expect(again[0]).toMatchObject({ type: 'start', firstEpoch: epochs + 1, resumedFrom: folder });
    expect(again.filter((e) => e.type === 'epoch').map((e) => e['epoch'])).toEqual([epochs + 1]);
    expect(again.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: epochs + 1 });
  }, 120_000);
});

describe('a loss definition in train.py', () => {
  it('the YOLO loss gives the same value in PyTorch as in the tfjs engine on the same batch and initial weights', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-train-py-yolo-'));
    // the bundled YoloSmall train block, on 24 images, seeded
    const bundled = readFileSync(join(root, 'examples', 'yolo.nn'), 'utf8');
    const source = bundled.replace('shapes(count: 2000, size: 64, objects: 3) {', 'shapes(count: 24, size: 64, objects: 3) {\n  seed: 5');
    expect(source).not.toBe(bundled);
    writeFileSync(join(dir, 'yolo.nn'), source);
    expect(nn(['export', 'yolo.nn', '--model', 'YoloSmall', '--to', 'pytorch', '--out', 'torch'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'torch', 'loss.py'))).toBe(true);
    const script = join(dir, 'loss-value.py');
    writeFileSync(
      script,
      [
        'import json, sys',
        'import numpy as np, torch',
        'sys.path.insert(0, sys.argv[1])',
        'from model import load',
        'from loss import YoloV1Loss',
        'model = load(sys.argv[1] + "/initial-weights.safetensors")',
        'x = torch.from_numpy(np.load(sys.argv[1] + "/data/heldout-input-0.npy"))',
        'y = torch.from_numpy(np.load(sys.argv[1] + "/data/heldout-target.npy"))',
        'with torch.no_grad():',
        '    print(json.dumps({"loss": YoloV1Loss()(model(x), y).item()}))',
        '',
      ].join('\n'),
    );
    const inPytorch = runPython<{ loss: number }>(python, script, [join(dir, 'torch')]).loss;

    const tf = testTf();
    const request = { file: join(dir, 'yolo.nn'), host: nodeHost };
    const read = (name: string) => parseNamed(readFileSync(join(dir, 'torch', 'data', name)), name);
    const x = read('heldout-input-0.npy');
    const y = read('heldout-target.npy');
    const model = compileGraph(tf, trace(request, 'YoloSmall', [x.shape.slice(1)]), { seed: 5 });
    const loss = compileGraph(tf, trace(request, 'YoloV1Loss', [[4, 4, 13], y.shape.slice(1)], valuesOf({ S: 4, K: 2, C: 3 })), { seed: 5 });
    const inTfjs = tf.tidy(() => {
      const prediction = model.apply(tf.tensor(x.values, x.shape, 'float32'), { training: false }) as Tensor;
      return (loss.apply([prediction, tf.tensor(y.values, y.shape, 'float32')]) as Tensor).dataSync()[0]!;
    });
    model.dispose();
    loss.dispose();
    expect(inTfjs).toBeGreaterThan(0);
    expect(Math.abs(inPytorch - inTfjs)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(inTfjs)));
  }, 120_000);
});

describe("a GAN's train block", () => {
  it('exports its two models and the adversarial train.py; its models still export one by one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nn-train-py-gan-'));
    writeFileSync(join(dir, 'gan.nn'), readFileSync(join(root, 'examples', 'gan.nn'), 'utf8'));
    const r = nn(['export', 'gan.nn', '--model', 'GAN', '--to', 'pytorch', '--out', 'torch'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^exported GAN \(its models' initial weights; train.py trains them\):\n/);
    for (const name of ['generator.py', 'discriminator.py', 'initial-generator.safetensors', 'initial-discriminator.safetensors', 'train.py']) expect(existsSync(join(dir, 'torch', name)), name).toBe(true);
    expect(readFileSync(join(dir, 'torch', 'generator.py'), 'utf8')).toContain('class Generator(nn.Module)');
    const generator = nn(['export', 'gan.nn', '--model', 'Generator', '--to', 'pytorch', '--out', 'generator'], dir);
    expect(generator.code).toBe(0);
    expect(existsSync(join(dir, 'generator', 'model.py'))).toBe(true);
    expect(existsSync(join(dir, 'generator', 'train.py'))).toBe(false);
  }, 120_000);
});
