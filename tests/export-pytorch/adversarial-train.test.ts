// train.py for a GAN's train block: examples/gan.nn's RingGAN exported
// (generator.py, discriminator.py, their seeded initial weights, the ring's
// points, the adversarial loop) and trained by `python train.py` on the
// CPU for a few epochs: every event fits docs/events.md, the losses stay
// finite, the epochs report modes_covered as the tfjs engine's do, and the
// generator's points move toward the ring's modes,
// each checkpoint holds both modules and both optimizers, and --resume
// continues from the epoch after; a stop line ends it with exit 130 and a
// checkpoint; under torchrun it says in one line that it runs as one process. (Covering 7 of the 8 modes, the bar of
// bench/acceptance.ts, takes the block's 50 epochs in either engine: here
// the generator's points come measurably closer to the modes instead.)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { planTraining, type TrainPlan } from '../../core/train/plan.js';
import { exportAdversarialTraining } from '../../runtime/export/pytorch/export-adversarial.js';
import { tempFolder } from '../helpers/temp-files.js';
import { testTf } from '../helpers/tf.js';
import { ensureTorchPython, runPython } from './python.js';
import { eventProblems } from './train-events.js';

const tf = testTf();
const temp = tempFolder('export-pytorch-gan');
const ganFile = join(import.meta.dirname, '..', '..', 'examples', 'gan.nn');
const ringScript = join(import.meta.dirname, 'ring_distance.py');
const EPOCHS = 4;

type Event = Record<string, unknown> & { type: string; logs?: Record<string, number> };

describe("a GAN's train block exported to PyTorch", () => {
  let python: string;
  let files: string[];
  const dir = join(temp.dir, 'torch');
  const run = (args: string[]) => {
    const r = spawnSync(python, [join(dir, 'train.py'), '--events', '--device', 'cpu', ...args], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '2' } });
    return { code: r.status, stderr: r.stderr, events: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Event) };
  };
  beforeAll(() => {
    python = ensureTorchPython();
    const planned = planTraining(ganFile, nodeHost, 'RingGAN');
    if (!planned.ok) throw new Error('RingGAN does not plan');
    const plan: TrainPlan = { ...planned.plan, seed: 5 };
    files = exportAdversarialTraining(tf, { file: ganFile, host: nodeHost, plan, dir });
  }, 600_000);
  afterAll(() => temp.remove());

  it('writes both modules, their initial weights, the data and train.py', () => {
    for (const name of ['generator.py', 'discriminator.py', 'initial-generator.safetensors', 'initial-discriminator.safetensors', 'train.py', 'README.md', join('data', 'train-input-0.npy')]) {
      expect(files).toContain(join(dir, name));
    }
  });

  it(`trains for ${EPOCHS} epochs: valid events, finite losses, the generator's points move toward the ring`, () => {
    const r = run(['--epochs', String(EPOCHS), '--out', join(temp.dir, 'run')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const e of r.events) expect(eventProblems(e), JSON.stringify(e)).toEqual([]);
    expect(r.events[0]).toMatchObject({ type: 'start', backend: 'torch', firstEpoch: 1, models: [{ name: 'RingGenerator' }, { name: 'RingDiscriminator' }] });
    const epochs = r.events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(EPOCHS);
    for (const e of epochs) for (const key of ['d_loss', 'g_loss', 'modes_covered']) expect(Number.isFinite(e.logs![key]), key).toBe(true);
    for (const e of epochs) expect(Number.isInteger(e.logs!['modes_covered'])).toBe(true);
    // the generator's points move toward the ring: their mean distance to the nearest mode shrinks
    const distance = (weights: string) => runPython<{ distance: number }>(python, ringScript, [dir, weights, '8', '2']).distance;
    const before = distance(join(dir, 'initial-generator.safetensors'));
    const after = distance(join(temp.dir, 'run', 'checkpoints', `checkpoint-${String(EPOCHS).padStart(4, '0')}`, 'generator.safetensors'));
    console.log(`distance to the nearest mode: ${before.toFixed(3)} before, ${after.toFixed(3)} after ${EPOCHS} epochs; modes covered by epoch: ${epochs.map((e) => e.logs!['modes_covered']).join(' ')}`);
    expect(after).toBeLessThan(0.8 * before);
    expect(r.events.filter((e) => e.type === 'batch').every((e) => e.logs && 'd_loss' in e.logs && 'g_loss' in e.logs)).toBe(true);
    expect(r.events.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: EPOCHS });
  }, 120_000);

  it('checkpoints both modules and optimizers; --resume goes on from the epoch after', () => {
    const checkpoint = join(temp.dir, 'run', 'checkpoints', `checkpoint-${String(EPOCHS).padStart(4, '0')}`);
    for (const name of ['generator.safetensors', 'discriminator.safetensors', 'generator-optimizer.pt', 'discriminator-optimizer.pt', 'state.json']) expect(existsSync(join(checkpoint, name)), name).toBe(true);
    const r = run(['--epochs', String(EPOCHS + 1), '--out', join(temp.dir, 'resumed'), '--resume', checkpoint]);
    expect(r.code).toBe(0);
    expect(r.events[0]).toMatchObject({ type: 'start', firstEpoch: EPOCHS + 1, resumedFrom: checkpoint });
    expect(r.events.filter((e) => e.type === 'epoch').map((e) => e['epoch'])).toEqual([EPOCHS + 1]);
  }, 120_000);

  it('stops on a stop line after its batch: exit 130, a checkpoint of both modules, end stopped', async () => {
    const child = spawn(python, [join(dir, 'train.py'), '--events', '--device', 'cpu', '--out', join(temp.dir, 'stopped')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (!stdout.includes('"type": "batch"') && (stdout + chunk.toString()).includes('"type": "batch"')) child.stdin.write('{"type":"stop"}\n');
      stdout += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const events = stdout.trim().split('\n').map((l) => JSON.parse(l) as Event);
    const saved = events.find((e) => e.type === 'checkpoint');
    expect(saved).toMatchObject({ epoch: 0 });
    for (const name of ['generator.safetensors', 'discriminator.safetensors']) expect(existsSync(join(saved!['path'] as string, name)), name).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'end', reason: 'stopped', epochs: 0 });
  }, 120_000);

  it('refuses torchrun in one line', () => {
    const r = spawnSync(python, ['-m', 'torch.distributed.run', '--nproc_per_node=2', join(dir, 'train.py'), '--device', 'cpu', '--out', join(temp.dir, 'world')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('train.py: the adversarial loop runs as one process: run python train.py, not under torchrun\n');
  }, 120_000);
});
