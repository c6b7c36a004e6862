// The pure parts of running training from the editor: lines and events out
// of a process's chunks, the tail of stderr, why a run failed, the train
// blocks of a file, and the command lines.

import { describe, expect, it } from 'vitest';
import { failureOf } from '../../client/runs/training-process.js';
import { lastLines, LineSplitter, parseEventLine, parseEventsText, TextTail } from '../../client/runs/stream-lines.js';
import { blocksTraining, trainBlocks } from '../../client/runs/train-blocks.js';
import { outDirFor, runDirOf, trainArgs } from '../../client/runs/train-invocation.js';
import type { TrainEvent } from '../../runtime/train/events.js';

describe('LineSplitter', () => {
  it('joins lines split across chunks and keeps the unfinished end', () => {
    const s = new LineSplitter();
    expect(s.push('{"type":"sta')).toEqual([]);
    expect(s.push('rt"}\n{"type":"batch"}\r\nhalf')).toEqual(['{"type":"start"}', '{"type":"batch"}']);
    expect(s.push(' a line\n\n')).toEqual(['half a line', '']);
    expect(s.push('no newline at the end')).toEqual([]);
    expect(s.flush()).toEqual(['no newline at the end']);
    expect(s.flush()).toEqual([]);
  });
});

describe('parseEventLine', () => {
  it('takes JSON objects with a type, and nothing else', () => {
    expect(parseEventLine('{"type":"epoch","epoch":1}')).toEqual({ type: 'epoch', epoch: 1 });
    expect(parseEventLine('  {"type":"end"}  ')).toEqual({ type: 'end' });
    for (const line of ['', '2025-01-01 I tensorflow/core: oneDNN', '{"type":', '{"epoch":1}', '[1]', '{"type":3}', 'null']) expect(parseEventLine(line)).toBeUndefined();
  });

  it('reads an events file, leaving out a torn last line', () => {
    expect(parseEventsText('{"type":"start"}\n{"type":"batch"}\n{"type":"ba').map((e) => e.type)).toEqual(['start', 'batch']);
  });
});

describe('TextTail', () => {
  it('keeps the last characters, from a line start when cut', () => {
    const tail = new TextTail(20);
    tail.push('first line\n');
    expect(tail.value()).toBe('first line\n');
    for (let i = 0; i < 10; i++) tail.push(`line ${i}\n`);
    expect(tail.value()).toBe('line 8\nline 9\n');
    expect(lastLines('a\n\nb\nc\n', 2)).toBe('b\nc');
  });
});

describe('failureOf', () => {
  const end: TrainEvent = { type: 'end', reason: 'completed', epochs: 1, metrics: {}, seconds: 1 };
  it('is none for a run that ended, or was stopped', () => {
    expect(failureOf([end], 0, null, '')).toBeUndefined();
    expect(failureOf([{ ...end, reason: 'stopped' }], 130, null, '')).toBeUndefined();
    expect(failureOf([], 130, null, 'interrupted')).toBeUndefined();
  });

  it('says what an error event says', () => {
    expect(failureOf([{ type: 'error', message: 'a GPU was asked for, but none is there' }], 2, null, 'nn: a GPU was asked for')).toBe('a GPU was asked for, but none is there');
  });

  it('calls a crash a crash, with the tail of stderr', () => {
    const oom = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n';
    expect(failureOf([], 134, null, `<--- Last few GCs --->\n${oom}`)).toBe(`the training process ran out of memory:\n<--- Last few GCs --->\n${oom.trim()}`);
    expect(failureOf([], null, 'SIGKILL', '')).toBe('the training process was killed (SIGKILL): perhaps by the system for lack of memory');
    expect(failureOf([], 1, null, 'Error: boom\n    at x')).toBe('the training process ended without finishing the run (exit status 1):\nError: boom\n    at x');
  });
});

describe('trainBlocks', () => {
  it('finds the targets and the models of an adversarial pair, skipping comments and strings', () => {
    const text = [
      '// train Commented on mnist {',
      'model MLP {',
      '  input x: [B, 784]',
      '  output x -> Dense(10)',
      '}',
      'train MLP on mnist(split: 0.8) {',
      '  epochs: 3',
      '}',
      'train GAN on mnist(scale: [-1, 1]) {',
      '  adversarial(generator: Generator, discriminator: Discriminator, noise: normal([B, 100]))',
      '  samples: { count: 16, every: 1 } // train Fake on x',
      '}',
      'train Seq on sequences(task: "train Quoted on", length: 10) { epochs: 1 }',
    ].join('\n');
    const blocks = trainBlocks(text);
    expect(blocks).toEqual([
      { target: 'MLP', models: ['MLP'] },
      { target: 'GAN', models: ['Generator', 'Discriminator'] },
      { target: 'Seq', models: ['Seq'] },
    ]);
    expect(blocksTraining(blocks, 'Generator').map((b) => b.target)).toEqual(['GAN']);
    expect(blocksTraining(blocks, 'MLP').map((b) => b.target)).toEqual(['MLP']);
    expect(blocksTraining(blocks, 'Other')).toEqual([]);
  });
});

describe('command lines', () => {
  it('trains with JSON events on the chosen device, into --out when the setting says, resuming when asked', () => {
    expect(trainArgs({ script: '/rt/bin/nn.js', file: '/ws/mlp.nn', model: 'MLP', device: 'auto' })).toEqual(['/rt/bin/nn.js', 'train', '/ws/mlp.nn', '--model', 'MLP', '--json', '--device', 'auto']);
    expect(trainArgs({ script: 's', file: 'f', model: 'M', device: 'gpu', outDir: '/ws/out/M', resume: true }).slice(-4)).toEqual(['gpu', '--out', '/ws/out/M', '--resume']);
  });

  it('puts a run folder under the setting, relative to the workspace folder', () => {
    expect(outDirFor('', '/ws', '/ws/a/mlp.nn', 'MLP')).toBeUndefined();
    expect(outDirFor('experiments', '/ws', '/ws/a/mlp.nn', 'MLP')).toBe('/ws/experiments/MLP');
    expect(outDirFor('/data/runs', '/ws', '/ws/a/mlp.nn', 'MLP')).toBe('/data/runs/MLP');
    expect(outDirFor('out', undefined, '/elsewhere/mlp.nn', 'MLP')).toBe('/elsewhere/out/MLP');
    expect(runDirOf('/ws/a/mlp.nn', 'MLP', undefined)).toBe('/ws/a/runs/MLP');
  });
});
