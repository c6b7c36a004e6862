// `nn run` end to end: a trained model applied to .npy inputs, its outputs
// written as .npy; inputs of the wrong shape are a clear error.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNpy } from '../../runtime/data/npy-format.js';
import { encodeNpy } from '../../runtime/data/npy-writer.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const nn = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

const TINY = `model Tiny {
  input x: [B, 784]
  output x -> Dense(16) -> ReLU -> Dense(10) -> Softmax
}

train Tiny on mnist(limit: 600) {
  epochs: 1
  seed: 3
}
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nn-run-'));
  writeFileSync(join(dir, 'tiny.nn'), TINY);
  expect(nn(['train', 'tiny.nn', '--json'], dir).status).toBe(0);
  const pixels = Float32Array.from({ length: 4 * 784 }, (_, i) => (i % 7) / 7);
  writeFileSync(join(dir, 'x.npy'), encodeNpy(pixels, [4, 784], 'float32'));
  writeFileSync(join(dir, 'wrong.npy'), encodeNpy(new Float32Array(4 * 28 * 28), [4, 28, 28], 'float32'));
});

describe('nn run', () => {
  it('writes the outputs of the trained model as .npy', () => {
    const r = nn(['run', 'tiny.nn', '--input', 'x.npy', '--out', 'y.npy'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('y.npy: [4, 10]\n');
    const y = parseNpy(readFileSync(join(dir, 'y.npy')));
    expect(y).toMatchObject({ type: 'float32', shape: [4, 10] });
    for (let row = 0; row < 4; row++) expect(Array.from(y.values.subarray(row * 10, row * 10 + 10)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(r.stderr).not.toContain('no trained weights');
  });

  it('says which input does not fit and how', () => {
    const r = nn(['run', 'tiny.nn', '--input', 'wrong.npy', '--out', 'y.npy'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nn: wrong.npy holds [4, 28, 28], but x takes [batch, 784]');
  });

  it('names a missing input file', () => {
    const r = nn(['run', 'tiny.nn', '--input', 'missing.npy', '--out', 'y.npy'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.npy.*no such file/);
  });
});
