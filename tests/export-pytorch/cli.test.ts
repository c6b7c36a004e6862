// `nn export --to pytorch` end to end: the real binary in a child process.
// A trained model's newest checkpoint is exported, and the generated
// model.py, run in Python on an input, gives what `nn run` gives on it with
// the same checkpoint. A model the export cannot write yet, and a format
// that does not exist, are one-line messages.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy } from '../../runtime/data/npy-writer.js';
import { prng } from '../helpers/prng.js';
import { ensureTorchPython, runPython } from './python.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');

const TINY = `
model Tiny {
  input x: [B, 784]
  output x -> Dense(16) -> BatchNorm -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 300) {
  loss: crossentropy
  optimizer: Adam(lr: 0.003)
  epochs: 1
  batch: 50
  seed: 1
}
`;

function workspace(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-export-pytorch-cli-'));
  writeFileSync(join(dir, 'tiny.nn'), source);
  return dir;
}

function nn(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let python = '';
beforeAll(() => {
  python = ensureTorchPython();
}, 15 * 60_000);

describe('nn export --to pytorch', () => {
  it("writes the newest checkpoint's weights: model.py computes what nn run computes", () => {
    const dir = workspace(TINY);
    expect(nn(['train', 'tiny.nn', '--json'], dir).code).toBe(0);
    const exported = nn(['export', 'tiny.nn', '--to', 'pytorch', '--out', 'torch'], dir);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^exported Tiny \(weights from .*checkpoint-\d+\):/);
    for (const name of ['model.py', 'weights.safetensors', 'README.md']) expect(existsSync(join(dir, 'torch', name))).toBe(true);
    expect(readFileSync(join(dir, 'torch', 'README.md'), 'utf8')).toContain('the trained weights of the checkpoint');

    const random = prng(3);
    writeFileSync(join(dir, 'x.npy'), encodeNpy(Float32Array.from({ length: 4 * 784 }, () => random()), [4, 784], 'float32'));
    expect(nn(['run', 'tiny.nn', '--input', 'x.npy', '--out', 'y.npy'], dir).code).toBe(0);
    const script = join(dir, 'apply.py');
    writeFileSync(
      script,
      [
        'import json, sys',
        'import numpy as np, torch',
        'sys.path.insert(0, sys.argv[1])',
        'from model import load',
        'model = load()',
        'with torch.no_grad():',
        '    y = model(torch.from_numpy(np.load(sys.argv[2]))).numpy()',
        'print(json.dumps({"difference": float(np.max(np.abs(y - np.load(sys.argv[3])))), "shape": list(y.shape)}))',
        '',
      ].join('\n'),
    );
    const result = runPython<{ difference: number; shape: number[] }>(python, script, [join(dir, 'torch'), join(dir, 'x.npy'), join(dir, 'y.npy')]);
    expect(result.shape).toEqual([4, 10]);
    expect(result.difference).toBeLessThanOrEqual(1e-5);
  }, 180_000);

  it('names what it cannot write yet in one line', () => {
    const dir = workspace('model T {\n  input x: [B, 7, 7, 3]\n  output x -> AvgPool2D(2, padding: "same")\n}\n');
    const r = nn(['export', 'tiny.nn', '--to', 'pytorch', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nn: the PyTorch export does not support yet: AvgPool with padding "same" that is not the same on both sides (in T)\n');
    expect(r.stderr).not.toContain('    at ');
    expect(existsSync(join(dir, 'out', 'model.py'))).toBe(false);
  }, 60_000);

  it('knows two formats', () => {
    const dir = workspace(TINY);
    const r = nn(['export', 'tiny.nn', '--to', 'onnx', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nn export: --to onnx: the formats are tfjs and pytorch\n');
  });
});
