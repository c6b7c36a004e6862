// `nn train --engine torch` of a GAN's train block, end to end: the real
// binary exports the adversarial program (generator.py, discriminator.py,
// train.py) into the run folder and trains it in the project's Python
// environment with PyTorch. The events validate against docs/events.md and
// carry the tfjs engine's GAN logs; the samples are drawn from train.py's
// generator between the epoch and checkpoint events, as the tfjs engine
// orders them; each checkpoint holds both modules; a stop line gives 130
// and a checkpoint; --resume continues the epoch count.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventProblems } from '../export-pytorch/train-events.js';
import { ensureTorchPython } from '../export-pytorch/python.js';
import { tempFolder } from '../helpers/temp-files.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const temp = tempFolder('train-torch-gan');
afterAll(() => temp.remove());

// 256 ring points in batches of 64: four batches an epoch, a fraction of a second in PyTorch
const TINY_GAN = `
model G(z: int = 4) {
  input noise: [B, z]
  output noise -> Dense(16) -> ReLU -> Dense(2)
}

model D() {
  input point: [B, 2]
  output point -> Dense(16) -> LeakyReLU(0.2) -> Dense(1) -> Sigmoid
}

train TinyGAN on ring(modes: 8, count: 256) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 4]))
  loss: minimax
  optimizer: Adam(lr: 1e-3, beta1: 0.5)
  epochs: 1
  batch: 64
  seed: 3
  samples: { count: 64, every: 2 }
}
`;
temp.write('gan.nn', TINY_GAN);

type Event = { type: string; [k: string]: unknown };
const events = (stdout: string) => stdout.trimEnd().split('\n').filter((l) => l !== '').map((line) => JSON.parse(line) as Event);
const THE_PAIR = ['generator.safetensors', 'discriminator.safetensors', 'generator-optimizer.pt', 'discriminator-optimizer.pt', 'state.json'];

describe("nn train --engine torch of a GAN's train block", () => {
  let python: string;
  const nn = (args: string[]) => {
    const r = spawnSync(process.execPath, [bin, 'train', 'gan.nn', '--engine', 'torch', '--json', ...args], { cwd: temp.dir, encoding: 'utf8', env: { ...process.env, NN_PYTHON: python } });
    return { code: r.status, stderr: r.stderr, all: events(r.stdout) };
  };
  beforeAll(() => {
    python = ensureTorchPython();
  }, 600_000);

  let stopped: { code: number | null; all: Event[] };
  beforeAll(async () => {
    stopped = await new Promise((done) => {
      const child = spawn(process.execPath, [bin, 'train', 'gan.nn', '--engine', 'torch', '--json', '--epochs', '200', '--out', 'runs'], { cwd: temp.dir, env: { ...process.env, NN_PYTHON: python } });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const asked = text.includes('"type":"checkpoint"');
        text += chunk.toString();
        if (!asked && text.includes('"type":"checkpoint"')) child.stdin.write('{"type":"stop"}\n');
      });
      child.on('close', (code) => done({ code, all: events(text) }));
    });
  }, 240_000);

  it('refuses --nproc in one line before Python starts: the adversarial train.py is one process', () => {
    const r = nn(['--nproc', '2']);
    expect(r.code).toBe(2);
    expect(r.all).toMatchObject([{ type: 'error', message: "--nproc 2: a GAN's train block trains as one process (its two models take turns on each batch); leave out --nproc" }]);
  });

  it("trains with valid events and the GAN's logs; a stop line gives 130 and a checkpoint of both modules", () => {
    expect(stopped.code).toBe(130);
    const all = stopped.all;
    expect(all.flatMap((e) => eventProblems(e))).toEqual([]);
    const start = all[0]!;
    expect(start).toMatchObject({ type: 'start', name: 'TinyGAN', backend: 'torch', device: 'cpu', firstEpoch: 1, epochs: 200, batchesPerEpoch: 4, models: [{ name: 'G' }, { name: 'D' }] });
    expect(start['examples']).toEqual({ train: 256, test: 0, validation: 0 });
    // the logs of the tfjs engine's adversarial loop (runtime/train/adversarial.ts): batches 1 and 4 of each epoch
    const batches = all.filter((e) => e.type === 'batch');
    expect(batches.slice(0, 2).map((e) => e['batch'])).toEqual([1, 4]);
    for (const b of batches) expect(Object.keys(b['logs'] as object).sort()).toEqual(['d_loss', 'g_loss']);
    const epochs = all.filter((e) => e.type === 'epoch');
    expect(epochs.length).toBeGreaterThanOrEqual(1);
    for (const e of epochs) expect(Object.keys(e['logs'] as object).sort()).toEqual(['d_loss', 'g_loss', 'modes_covered']);
    expect(all.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });

    const runDir = start['runDir'] as string;
    for (const name of ['generator.py', 'discriminator.py', 'train.py']) expect(existsSync(join(runDir, 'torch', name)), name).toBe(true);
    const checkpoints = all.filter((e) => e.type === 'checkpoint');
    expect(checkpoints[0]).toEqual({ type: 'checkpoint', epoch: 1, path: join(runDir, 'checkpoints', 'checkpoint-0001') });
    expect(readdirSync(checkpoints.at(-1)!['path'] as string).sort()).toEqual([...THE_PAIR].sort());
  });

  it('--resume continues the epoch count from the stopped run\'s checkpoint; the samples come between each epoch and its checkpoint', () => {
    const last = stopped.all.filter((e) => e.type === 'checkpoint').at(-1)!;
    const from = last['epoch'] as number;
    const resumed = nn(['--resume', '--epochs', String(from + 2), '--out', 'runs']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.all.flatMap((e) => eventProblems(e))).toEqual([]);
    expect(resumed.all[0]).toMatchObject({ type: 'start', resumedFrom: last['path'], firstEpoch: from + 1 });
    expect(resumed.all.filter((e) => e.type === 'epoch').map((e) => e['epoch'])).toEqual([from + 1, from + 2]);
    expect(resumed.all.filter((e) => e.type === 'checkpoint').map((e) => e['epoch'])).toEqual([from + 1, from + 2]);
    expect(resumed.all.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: from + 2 });

    // samples every 2nd epoch and the last, each right after its epoch event, from the generator's weights train.py wrote (then removed)
    const order = resumed.all.filter((e) => e.type === 'epoch' || e.type === 'checkpoint' || (e.type === 'sample' && e['kind'] !== 'metrics')).map((e) => `${e.type} ${e['epoch']}`);
    const due = (epoch: number) => epoch % 2 === 0 || epoch === from + 2;
    expect(order).toEqual([from + 1, from + 2].flatMap((epoch) => [`epoch ${epoch}`, ...(due(epoch) ? [`sample ${epoch}`] : []), `checkpoint ${epoch}`]));
    for (const sample of resumed.all.filter((e) => e.type === 'sample')) expect(existsSync(sample['path'] as string), sample['path'] as string).toBe(true);
    expect(resumed.all.filter((e) => e.type === 'sample').map((e) => e['kind'])).toContain('scatter');
    const runDir = resumed.all[0]!['runDir'] as string;
    expect(readdirSync(join(runDir, 'torch')).filter((f) => f.startsWith('sample-weights'))).toEqual([]);
  }, 180_000);
});
