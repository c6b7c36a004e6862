// `nn train --engine torch` end to end: the real binary, the real export and
// train.py, in the project's Python environment with PyTorch (set up once,
// outside the clone: tests/export-pytorch/python.ts). The events validate
// against docs/events.md; stop gives 130 and a checkpoint; --resume goes on.
// And without Python, or without torch: one line that says what to install.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventProblems } from '../export-pytorch/train-events.js';
import { ensureTorchPython } from '../export-pytorch/python.js';
import { tempFolder } from '../helpers/temp-files.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const temp = tempFolder('train-torch');
afterAll(() => temp.remove());

const TINY = `
model Tiny {
  input x: [B, 784]
  output x -> Dense(32) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 1000) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 2
  batch: 50
  metrics: [accuracy]
  seed: 1
}
`;
temp.write('tiny.nn', TINY);

type Event = { type: string; [k: string]: unknown };
const events = (stdout: string) => stdout.trimEnd().split('\n').filter((l) => l !== '').map((line) => JSON.parse(line) as Event);

function nn(args: string[], env: NodeJS.ProcessEnv, input = '') {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: temp.dir, encoding: 'utf8', input, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('without a Python that has torch', () => {
  it('no Python: one line saying what to install, exit 2, and an error event with --json', () => {
    const r = nn(['train', 'tiny.nn', '--engine', 'torch'], { NN_PYTHON: join(temp.dir, 'no-python') });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^nn: no Python to train with: NN_PYTHON=\S+ not found; .*`pip install torch safetensors numpy`.*--index-url https:\/\/download\.pytorch\.org\/whl\/cpu/);
    const json = nn(['train', 'tiny.nn', '--engine', 'torch', '--json'], { NN_PYTHON: join(temp.dir, 'no-python') });
    expect(events(json.stdout)).toEqual([{ type: 'error', message: expect.stringContaining('no Python to train with') }]);
    expect(existsSync(join(temp.dir, 'runs'))).toBe(false);
  });

  it('a Python without torch: names what is missing and the pip command for that Python', () => {
    // a python that sees no installed packages (-S: no site-packages)
    const python = temp.write('bare-python', `#!/bin/sh\nexec python3 -S -I "$@"\n`);
    chmodSync(python, 0o755);
    const r = nn(['train', 'tiny.nn', '--engine', 'torch'], { NN_PYTHON: python });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nn: NN_PYTHON=\S+bare-python \(Python 3\.[\d.]+\) has no torch, safetensors, numpy: the torch engine needs them; `\S+ -m pip install torch safetensors numpy`/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the torch options without --engine torch, and cuda for tfjs, are usage errors', () => {
    expect(nn(['train', 'tiny.nn', '--nproc', '2'], {}).stderr).toContain('nn train: --nproc is for --engine torch');
    expect(nn(['train', 'tiny.nn', '--device', 'cuda'], {}).stderr).toContain('cuda is for --engine torch');
    expect(nn(['train', 'tiny.nn', '--engine', 'jax'], {}).stderr).toContain("--engine takes tfjs or torch, not 'jax'");
    expect(nn(['train', 'tiny.nn', '--engine', 'torch', '--nproc', '0'], {}).code).toBe(2);
  });
});

describe('with PyTorch', () => {
  let python: string;
  beforeAll(() => {
    python = ensureTorchPython();
  }, 600_000);

  it('trains: the events validate against docs/events.md, exit 0, checkpoints in the run folder', () => {
    const r = nn(['train', 'tiny.nn', '--engine', 'torch', '--json', '--out', 'runs-a'], { NN_PYTHON: python });
    expect(r.code, r.stderr).toBe(0);
    const all = events(r.stdout);
    expect(all.flatMap((e) => eventProblems(e))).toEqual([]);
    const start = all[0]!;
    expect(start).toMatchObject({ type: 'start', name: 'Tiny', backend: 'torch', device: 'cpu', firstEpoch: 1, examples: { train: 800, test: 200 } });
    expect(all.filter((e) => e.type === 'epoch').map((e) => e['epoch'])).toEqual([1, 2]);
    const end = all.at(-1)!;
    expect(end).toMatchObject({ type: 'end', reason: 'completed', epochs: 2 });
    expect((end['metrics'] as Record<string, number>)['test_accuracy']).toBeGreaterThan(0.7);
    const runDir = start['runDir'] as string;
    expect(readdirSync(join(runDir, 'checkpoints')).sort()).toEqual(['checkpoint-0001', 'checkpoint-0002']);
    expect(readdirSync(join(runDir, 'events'))).toEqual([`${start['runId']}.jsonl`]);
    expect(existsSync(join(runDir, 'torch', 'model.py'))).toBe(true);
  }, 180_000);

  /** A run stopped by a stop line on nn's stdin after its first checkpoint. */
  const stoppedRun = (extra: string[], out: string) =>
    new Promise<{ code: number | null; all: Event[] }>((done) => {
      const child = spawn(process.execPath, [bin, 'train', 'tiny.nn', '--engine', 'torch', '--json', '--epochs', '50', '--out', out, ...extra], { cwd: temp.dir, env: { ...process.env, NN_PYTHON: python } });
      let text = '';
      let asked = false;
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (!asked && text.includes('"type":"checkpoint"')) {
          asked = true;
          child.stdin.write('{"type":"stop"}\n');
        }
      });
      child.on('close', (code) => done({ code, all: events(text) }));
    });

  it('stop gives 130 and a checkpoint; --resume continues from it', async () => {
    const stopped = await stoppedRun([], 'runs-b');
    expect(stopped.code).toBe(130);
    expect(stopped.all.flatMap((e) => eventProblems(e))).toEqual([]);
    expect(stopped.all.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });
    const checkpoints = stopped.all.filter((e) => e.type === 'checkpoint');
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    const last = checkpoints.at(-1)!['path'] as string;
    expect(existsSync(join(last, 'weights.safetensors'))).toBe(true);

    const resumed = nn(['train', 'tiny.nn', '--engine', 'torch', '--json', '--resume', '--epochs', `${(checkpoints.at(-1)!['epoch'] as number) + 1}`, '--out', 'runs-b'], { NN_PYTHON: python });
    expect(resumed.code, resumed.stderr).toBe(0);
    const all = events(resumed.stdout);
    expect(all.flatMap((e) => eventProblems(e))).toEqual([]);
    expect(all[0]).toMatchObject({ type: 'start', resumedFrom: last, firstEpoch: (checkpoints.at(-1)!['epoch'] as number) + 1 });
    expect(all.filter((e) => e.type === 'epoch')).toHaveLength(1);
    expect(all.at(-1)).toMatchObject({ type: 'end', reason: 'completed' });
  }, 240_000);

  it('--nproc 2 runs two processes under torch.distributed.run; stopped, it exits 130 too', async () => {
    const stopped = await stoppedRun(['--nproc', '2'], 'runs-c');
    expect(stopped.code).toBe(130);
    expect(stopped.all.flatMap((e) => eventProblems(e))).toEqual([]);
    expect(stopped.all[0]).toMatchObject({ type: 'start', backend: 'torch' });
    expect(stopped.all.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });
    const last = stopped.all.filter((e) => e.type === 'checkpoint').at(-1)!['path'] as string;
    expect(JSON.parse(readFileSync(join(last, 'state.json'), 'utf8'))).toMatchObject({ world: 2 });
  }, 180_000);

  it('--device gpu without a tfjs GPU: the torch engine when PyTorch sees CUDA, with a warning that says so', () => {
    // a Python that says it sees a GPU, and runs train.py on the CPU (this machine has none)
    const fake = join(temp.dir, 'cuda-python');
    const answer = JSON.stringify({ executable: fake, version: '3.11.7', packages: { torch: '2.13.0+cu128', safetensors: '0.8.0', numpy: '2.4.6' }, cuda: { build: '12.8', available: true, gpus: [{ name: 'Fake GPU', memoryBytes: 2 ** 36 }] } });
    temp.write('cuda-python', `#!/bin/sh\nif [ "$1" = "-c" ]; then echo '${answer}'; exit 0; fi\nfor a in "$@"; do shift; if [ "$a" = cuda ]; then set -- "$@" cpu; else set -- "$@" "$a"; fi; done\nexec "${python}" "$@"\n`);
    chmodSync(fake, 0o755);
    const r = nn(['train', 'tiny.nn', '--device', 'gpu', '--json', '--epochs', '1', '--out', 'runs-gpu'], { NN_PYTHON: fake });
    expect(r.code, r.stderr).toBe(0);
    const all = events(r.stdout);
    expect(all[0]).toEqual({ type: 'warning', message: expect.stringMatching(/^a GPU was asked for, but .*; PyTorch 2\.13\.0\+cu128 sees CUDA \(Fake GPU\): training with --engine torch$/) });
    expect(all[1]).toMatchObject({ type: 'start', backend: 'torch' });
    expect(all.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: 1 });
  }, 120_000);

  it('--device gpu without a tfjs GPU, and PyTorch without CUDA: the GPU error as before', () => {
    const r = nn(['train', 'tiny.nn', '--device', 'gpu', '--out', 'runs-nogpu'], { NN_PYTHON: python });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nn: a GPU was asked for, but /);
    expect(existsSync(join(temp.dir, 'runs-nogpu'))).toBe(false);
  }, 60_000);

  it('--device cuda on a CPU-only PyTorch: says so, exit 2', () => {
    const r = nn(['train', 'tiny.nn', '--engine', 'torch', '--device', 'cuda'], { NN_PYTHON: python });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nn: --device cuda: \S+ has a CPU-only build \(torch 2\.\d+\.\d+\+cpu\); train with --device cpu/);
  }, 60_000);
});
