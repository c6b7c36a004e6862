// The editor's engine setting (nn.train.engine) as the Train command passes
// it to `nn train`: `--engine torch` for PyTorch, nothing for TensorFlow.js
// (so a runtime that predates the option still runs).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainArgs } from '../../client/runs/train-invocation.js';
import { parseArgs } from '../../cli/args.js';

const base = { script: '/nn/bin/nn.js', file: '/home/ada/mlp.nn', model: 'MLP', device: 'gpu' as const };

describe('trainArgs with an engine', () => {
  it('passes --engine torch, with the device and the other options', () => {
    const args = trainArgs({ ...base, engine: 'torch', outDir: '/home/ada/out/MLP', resume: true });
    expect(args).toEqual(['/nn/bin/nn.js', 'train', '/home/ada/mlp.nn', '--model', 'MLP', '--json', '--device', 'gpu', '--engine', 'torch', '--out', '/home/ada/out/MLP', '--resume']);
  });

  it('leaves the option out for tfjs, as when the setting is unset', () => {
    expect(trainArgs({ ...base, engine: 'tfjs' })).toEqual(trainArgs(base));
    expect(trainArgs(base)).not.toContain('--engine');
  });

  it('gives nn train arguments its parser takes', () => {
    const parsed = parseArgs(trainArgs({ ...base, engine: 'torch' }).slice(2), { flags: ['json', 'resume'], options: ['model', 'device', 'engine', 'out'] });
    expect('error' in parsed).toBe(false);
    if (!('error' in parsed) && !('help' in parsed)) expect(parsed.options.get('engine')).toEqual(['torch']);
  });
});

describe('the nn.train.engine setting', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'client', 'package.json'), 'utf8'));
  it('offers tfjs and torch, tfjs by default', () => {
    const setting = manifest.contributes.configuration.properties['nn.train.engine'];
    expect(setting.enum).toEqual(['tfjs', 'torch']);
    expect(setting.default).toBe('tfjs');
    expect(setting.enumDescriptions).toHaveLength(2);
  });
});
