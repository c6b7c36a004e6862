// `nn train` on runs that cannot end well, end to end: a learning rate so
// large that the loss becomes infinite (exit 3, an error event with the
// epoch, batch and tensor, no checkpoint of those weights), a loss that
// explodes first (a warning, once; the checkpoints before are finite), a
// GAN that diverges, and a model too large for memory (refused before
// anything is allocated).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutNativeLogs } from '../helpers/native-logs.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');

type Event = { type: string; [k: string]: unknown };
const events = (stdout: string) => stdout.trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Event);

/** y = 3a - 2b on an 8 x 8 grid of points: a linear model learns it, or diverges with a large step. */
const LINE = `a,b,y\n${Array.from({ length: 64 }, (_, i) => `${(i % 8) / 8},${Math.floor(i / 8) / 8},${3 * ((i % 8) / 8) - 2 * (Math.floor(i / 8) / 8)}`).join('\n')}\n`;

const linear = (lr: number, epochs: number) => `
model Lin {
  input x: [B, 2]
  output x -> Dense(1)
}

train Lin on csv(path: "line.csv", label: "y") {
  loss: mse
  optimizer: SGD(lr: ${lr})
  epochs: ${epochs}
  batch: 16
  seed: 1
}
`;

function workspace(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-diverge-'));
  writeFileSync(join(dir, 'm.nn'), source);
  writeFileSync(join(dir, 'line.csv'), LINE);
  return dir;
}

function nn(args: string[], cwd: string) {
  // a run that hangs fails here (killed after a minute) instead of the test timing out silently
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: withoutNativeLogs(r.stderr) };
}

/** Every checkpoint folder under `dir`, with each model's weights as numbers. */
function checkpoints(dir: string): { path: string; weights: Float32Array[] }[] {
  const found: { path: string; weights: Float32Array[] }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (!statSync(path).isDirectory()) continue;
      if (/^checkpoint-\d+$/.test(name)) {
        const bins = readdirSync(path).filter((f) => /^model-.*\.bin$/.test(f));
        found.push({ path, weights: bins.map((f) => new Float32Array(new Uint8Array(readFileSync(join(path, f))).buffer)) });
      } else walk(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

describe('nn train on a run that diverges', () => {
  it('stops at the batch whose loss is infinite: exit 3, an error event naming it, no checkpoint', () => {
    const dir = workspace(linear(1e6, 3));
    const r = nn(['train', 'm.nn', '--json'], dir);
    expect(r.code).toBe(3);
    const all = events(r.stdout);
    expect(all[0]).toMatchObject({ type: 'start' });
    const error = all.at(-1)!;
    expect(error).toMatchObject({ type: 'error', epoch: 1, batch: expect.any(Number), tensor: 'loss' });
    expect(String(error['message'])).toMatch(/^training diverged at epoch 1, batch \d: the loss is (NaN|infinite); lower the learning rate, or limit the gradients with `clip:`\. No checkpoint is written from these weights\.$/);
    // it stopped at that batch: nothing after it, no epoch finished, nothing saved
    expect(all.filter((e) => e.type === 'batch').every((e) => Number.isFinite(e['loss']))).toBe(true);
    expect(all.filter((e) => e.type === 'epoch' || e.type === 'checkpoint' || e.type === 'end')).toEqual([]);
    expect(checkpoints(join(dir, 'runs'))).toEqual([]);
    expect(r.stderr).toBe(`nn: ${String(error['message'])}\n`);
    // the run's events file ends with the same error
    const kept = events(readFileSync(join(String(all[0]!['runDir']), 'events', `${String(all[0]!['runId'])}.jsonl`), 'utf8'));
    expect(kept.at(-1)).toEqual(error);
  }, 90_000);

  it('says so in one line on stderr for people (warnings before it there too), and nothing about it on stdout', () => {
    const dir = workspace(linear(1e6, 3));
    const r = nn(['train', 'm.nn'], dir);
    expect(r.code).toBe(3);
    // the error is one line, after any warning (the loss may explode before it overflows)
    const errors = r.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('nn: warning: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^nn: training diverged at epoch 1, batch \d: the loss is (NaN|infinite); .*$/);
    expect(r.stdout).not.toMatch(/diverged|error|warning/);
  }, 90_000);

  it('warns once while the loss explodes; the checkpoints saved before the end are all finite', () => {
    // a step a little too large: the loss grows a thousandfold within the first epoch, and overflows epochs later
    const dir = workspace(linear(5, 40));
    const r = nn(['train', 'm.nn', '--json'], dir);
    expect(r.code).toBe(3);
    const all = events(r.stdout);
    const warnings = all.filter((e) => e.type === 'warning');
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]!['message'])).toMatch(/^the loss is exploding: .* at epoch 1, batch \d, over 1,000 times its first value \(.*\); the learning rate may be too high$/);
    const error = all.at(-1)!;
    expect(error).toMatchObject({ type: 'error', tensor: 'loss' });
    const saved = all.filter((e) => e.type === 'checkpoint').map((e) => Number(e['epoch']));
    expect(saved.length).toBeGreaterThan(0);
    expect(Math.max(...saved)).toBeLessThan(Number(error['epoch']));
    const written = checkpoints(join(dir, 'runs'));
    expect(written.length).toBeGreaterThan(0);
    for (const c of written) for (const w of c.weights) expect(w.every(Number.isFinite), c.path).toBe(true);
  }, 90_000);

  it('stops a GAN whose loss is NaN, naming which loss, with no checkpoint', () => {
    // Adam's first step moves every weight by about lr, whatever its gradient's size, so the
    // weights overflow at once; with SGD a saturated discriminator can have zero gradients
    // (the clipped log), and whether it does depends on the CPU's kernels
    const dir = workspace(`
model G {
  input z: [B, 8]
  output z -> Dense(32) -> ReLU -> Dense(2)
}

model D {
  input p: [B, 2]
  output p -> Dense(32) -> LeakyReLU(0.2) -> Dense(1) -> Sigmoid
}

train Ring on ring(modes: 8, count: 256) {
  adversarial(generator: G, discriminator: D, noise: normal([B, 8]))
  loss: minimax
  optimizer: Adam(lr: 1e38)
  epochs: 2
  batch: 64
  seed: 1
}
`);
    const r = nn(['train', 'm.nn', '--json'], dir);
    expect(r.code).toBe(3);
    const error = events(r.stdout).at(-1)!;
    expect(error).toMatchObject({ type: 'error', epoch: 1, batch: expect.any(Number) });
    expect(String(error['tensor'])).toMatch(/^(d_loss|g_loss|[GD]\/.+)$/);
    expect(String(error['message'])).toMatch(/^training diverged at epoch 1, batch \d+: /);
    expect(checkpoints(join(dir, 'runs'))).toEqual([]);
  }, 90_000);
});

describe('nn train on a model too large for memory', () => {
  it('refuses it before allocating, with the bytes it needs and the bytes there are', () => {
    // ten billion weights: 40 GB of weights, 161 GB with Adam's state and the gradients
    const dir = workspace(`
model Huge {
  input x: [B, 784]
  output x -> Dense(100000) -> ReLU -> Dense(100000) -> Dense(10) -> Softmax
}

train Huge on mnist(limit: 100) {
  optimizer: Adam(lr: 0.001)
  epochs: 1
  batch: 32
}
`);
    const json = nn(['train', 'm.nn', '--json', '--device', 'cpu'], dir);
    expect(json.signal).toBeNull();
    expect(json.code).toBe(2);
    const only = events(json.stdout);
    expect(only).toEqual([{ type: 'error', message: expect.stringMatching(/^Huge needs 161 GB of memory to train \(40\.3 GB of weights, 40\.3 GB for their gradients, 80\.6 GB for Adam's state, about 38\.5 MB for the activations of a batch of 32\); [\d.]+ [kMGT]?B are available$/) }]);
    expect(json.stderr).toBe(`nn: ${String(only[0]!['message'])}\n`);
    const text = nn(['train', 'm.nn', '--device', 'cpu'], dir);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/^nn: Huge needs 161 GB of memory to train \(.*\); [\d.]+ [kMGT]?B are available\n$/);
    expect(text.stdout).toBe('');
  }, 120_000);
});
