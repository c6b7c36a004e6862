// The torch engine (runtime/train/torch-engine.ts) against a stand-in
// train.py that keeps the contract without torch (tests/fixtures/torch-engine/):
// the run folder claimed, `start` completed, events passed on in order, the
// stop line forwarded, exit statuses mapped, a failure without an event
// named by train.py's last words, `--resume` given the newest checkpoint.

import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import { planTraining, type TrainPlan } from '../../core/train/plan.js';
import type { TrainEvent } from '../../runtime/train/events.js';
import { runTorchTraining, trainCommand } from '../../runtime/train/torch-engine.js';
import { newestTorchCheckpoint } from '../../runtime/train/torch-checkpoints.js';
import { tempFolder } from '../helpers/temp-files.js';

const FAKE = join(import.meta.dirname, '..', 'fixtures', 'torch-engine', 'train.py');
const temp = tempFolder('torch-engine');
afterAll(() => temp.remove());

const file = temp.write('tiny.nn', `
model Tiny {
  input x: [B, 784]
  output x -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 100) {
  loss: crossentropy
  optimizer: SGD(lr: 0.1)
  epochs: 2
  batch: 4
  seed: 1
}
`);

function plan(): TrainPlan {
  const planned = planTraining(file, nodeHost, 'Tiny');
  if (!planned.ok) throw new Error(planned.message);
  return planned.plan;
}

type Mode = 'complete' | 'wait-stop' | 'diverge' | 'crash' | 'stray-print';

async function train(mode: Mode, runsDir: string, options: { resume?: boolean; stopAfterBatches?: number } = {}) {
  const events: TrainEvent[] = [];
  const logs: string[] = [];
  const stop = { requested: false };
  const { exit } = await runTorchTraining({
    file,
    plan: plan(),
    runsDir,
    python: process.platform === 'win32' ? 'python' : 'python3',
    device: 'cpu',
    nproc: 1,
    resume: options.resume ?? false,
    exportProgram: async (dir) => {
      copyFileSync(FAKE, join(dir, 'train.py'));
      writeFileSync(join(dir, 'fake.json'), JSON.stringify({ mode }));
    },
    emit: (e) => {
      events.push(e);
      if (e.type === 'batch' && options.stopAfterBatches !== undefined && e.batch >= options.stopAfterBatches) stop.requested = true;
    },
    stop,
    log: (line) => logs.push(line),
  });
  const start = events.find((e) => e.type === 'start') as Extract<TrainEvent, { type: 'start' }> | undefined;
  return { exit, events, logs, start, argv: start?.runDir ? (JSON.parse(readFileSync(join(start.runDir, 'argv.json'), 'utf8')) as string[]) : [] };
}

describe('the torch engine with a stand-in train.py', () => {
  it('completes start with the run, passes the events on, and draws the chart before end', async () => {
    const runsDir = join(temp.dir, 'complete');
    const r = await train('complete', runsDir);
    expect(r.exit).toBe(0);
    expect(r.start).toMatchObject({ type: 'start', name: 'Tiny', backend: 'torch', device: 'cpu', file, pid: process.pid, firstEpoch: 1 });
    expect(r.start!.runDir).toBe(join(runsDir, r.start!.runId!));
    expect(r.events.map((e) => e.type)).toEqual(['start', 'batch', 'batch', 'epoch', 'checkpoint', 'batch', 'batch', 'epoch', 'checkpoint', 'sample', 'end']);
    // a checkpoint's relative path made absolute, inside the run folder
    const checkpoints = r.events.filter((e): e is Extract<TrainEvent, { type: 'checkpoint' }> => e.type === 'checkpoint');
    expect(checkpoints.map((c) => c.path)).toEqual([1, 2].map((n) => join(r.start!.runDir!, 'checkpoints', `checkpoint-000${n}`)));
    expect(r.events.at(-2)).toMatchObject({ type: 'sample', kind: 'metrics', epoch: 2 });
    expect(existsSync(join(r.start!.runDir!, 'samples', 'metrics.svg'))).toBe(true);
    expect(r.events.at(-1)).toMatchObject({ type: 'end', reason: 'completed', epochs: 2 });
    // the program lives in the run folder; its command line
    expect(existsSync(join(r.start!.runDir!, 'torch', 'train.py'))).toBe(true);
    expect(r.argv).toEqual(['--events', '--out', r.start!.runDir!, '--device', 'cpu', '--epochs', '2']);
    // the claim on the folder ends with the run
    expect(existsSync(join(r.start!.runDir!, 'run.lock'))).toBe(false);
  });

  it('--resume passes the newest checkpoint of the earlier runs and says so in start', async () => {
    const runsDir = join(temp.dir, 'resume');
    const first = await train('complete', runsDir);
    const newest = newestTorchCheckpoint(runsDir);
    expect(newest).toBe(join(first.start!.runDir!, 'checkpoints', 'checkpoint-0002'));
    const second = await train('wait-stop', runsDir, { resume: true, stopAfterBatches: 2 });
    expect(second.start).toMatchObject({ resumedFrom: newest, firstEpoch: 3 });
    expect(second.start!.runId).not.toBe(first.start!.runId);
    expect(second.argv.slice(-2)).toEqual(['--resume', newest]);
  });

  it('without a checkpoint to resume from, warns and starts at epoch 1', async () => {
    const r = await train('complete', join(temp.dir, 'nothing'), { resume: true });
    expect(r.events[0]).toMatchObject({ type: 'warning', message: expect.stringContaining('nothing to resume') });
    expect(r.argv).not.toContain('--resume');
    expect(r.exit).toBe(0);
  });

  it('forwards a stop request as a line on stdin: exit 130, the checkpoint, end stopped', async () => {
    const r = await train('wait-stop', join(temp.dir, 'stop'), { stopAfterBatches: 3 });
    expect(r.exit).toBe(130);
    expect(JSON.parse(readFileSync(join(r.start!.runDir!, 'stop-line.txt'), 'utf8'))).toEqual({ type: 'stop' });
    expect(r.events.filter((e) => e.type === 'checkpoint')).toHaveLength(1);
    expect(r.events.at(-1)).toMatchObject({ type: 'end', reason: 'stopped' });
  });

  it('a run that diverged: its error event, exit 3', async () => {
    const r = await train('diverge', join(temp.dir, 'diverge'));
    expect(r.exit).toBe(3);
    expect(r.events.filter((e) => e.type === 'error')).toEqual([expect.objectContaining({ message: expect.stringContaining('diverged'), tensor: 'loss' })]);
    expect(r.events.some((e) => e.type === 'end')).toBe(false);
  });

  it('a crash without an error event: one error naming train.py\'s last words, exit 2', async () => {
    const r = await train('crash', join(temp.dir, 'crash'));
    expect(r.exit).toBe(2);
    expect(r.events.filter((e) => e.type === 'error')).toEqual([{ type: 'error', message: 'train.py exited with status 1: ValueError: the fake data is broken' }]);
    expect(r.logs).toContain('ValueError: the fake data is broken');
  });

  it('a line on stdout that is not an event goes to the log, not into the events', async () => {
    const r = await train('stray-print', join(temp.dir, 'stray'));
    expect(r.exit).toBe(0);
    expect(r.logs).toContain('a stray print, not an event');
    expect(r.events.every((e) => typeof e.type === 'string')).toBe(true);
  });

  it('an export that fails leaves no run folder behind', async () => {
    const runsDir = join(temp.dir, 'export-fails');
    const failing = runTorchTraining({
      file, plan: plan(), runsDir, python: 'python3', nproc: 1, resume: false,
      exportProgram: async () => {
        throw new Error('cannot export this');
      },
      emit: () => undefined, stop: { requested: false }, log: () => undefined,
    });
    await expect(failing).rejects.toThrow('cannot export this');
    expect(readdirSync(runsDir)).toEqual([]);
  });

  it('a Python that cannot be run: an error event, exit 2', async () => {
    const events: TrainEvent[] = [];
    const { exit } = await runTorchTraining({
      file, plan: plan(), runsDir: join(temp.dir, 'no-python'), python: join(temp.dir, 'no-such-python'), nproc: 1, resume: false,
      exportProgram: async () => undefined, emit: (e) => events.push(e), stop: { requested: false }, log: () => undefined,
    });
    expect(exit).toBe(2);
    expect(events).toEqual([{ type: 'error', message: expect.stringContaining('cannot run') }]);
  });
});

describe('trainCommand', () => {
  it('runs several processes under torch.distributed.run, as a module of the same Python', () => {
    const command = trainCommand({ python: '/venv/bin/python', device: 'cuda', nproc: 4, plan: { ...plan(), epochs: 5 }, extraArgs: ['--amp', 'bf16'] }, '/run/torch', '/run', '/old/checkpoints/checkpoint-0002');
    expect(command).toEqual(['/venv/bin/python', '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=4', '/run/torch/train.py', '--events', '--out', '/run', '--device', 'cuda', '--epochs', '5', '--resume', '/old/checkpoints/checkpoint-0002', '--amp', 'bf16']);
  });
});
