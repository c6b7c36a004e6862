// `nn export` of a model imported from another file: the model is found
// where `nn check` and `nn train` find it (the file that defines it, through
// the importing file's imports), and its weights in the runs of the file
// that trains it, for both formats. Two .nn files in a temporary folder,
// the real binary.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/temp-files.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');
const temp = tempFolder('export-imports');
afterAll(() => temp.remove());

temp.write(
  join('models', 'tiny.nn'),
  `
model Tiny {
  input x: [B, 784]
  output x -> Dense(8) -> ReLU -> Dense(10) -> Softmax
}
`,
);
temp.write(
  'main.nn',
  `
import { Tiny } from "./models/tiny.nn"

model Own {
  input x: [B, 3]
  output x -> Dense(2)
}

train Tiny on mnist(limit: 200) {
  loss: crossentropy
  optimizer: Adam(lr: 0.01)
  epochs: 1
  batch: 50
  seed: 1
}
`,
);

function nn(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: temp.dir, encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files an export lists, relative to its folder. */
const listed = (stdout: string, out: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.trim().slice(join(temp.dir, out).length + 1))
    .sort();

describe('nn export of an imported model', () => {
  it('before training: both formats write the imported model, from its initial weights', () => {
    const cases = [
      { to: 'tfjs', files: ['model.json', 'nn-layers.mjs', 'weights.bin'] },
      { to: 'pytorch', files: ['README.md', 'model.py', 'weights.safetensors'] },
    ];
    for (const c of cases) {
      const out = `initial-${c.to}`;
      const r = nn(['export', 'main.nn', '--model', 'Tiny', '--to', c.to, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^exported Tiny:\n/);
      expect(r.stderr).toContain('no trained weights for Tiny');
      expect(listed(r.stdout, out)).toEqual(expect.arrayContaining(c.files));
      for (const f of c.files) expect(existsSync(join(temp.dir, out, f)), f).toBe(true);
    }
  }, 120_000);

  it("after nn train of the importing file: the weights of its run, and for PyTorch the train block's train.py", () => {
    const trained = nn(['train', 'main.nn', '--model', 'Tiny']);
    expect(trained.code, trained.stderr).toBe(0);
    const runs = join(temp.dir, 'runs', 'Tiny');
    for (const to of ['tfjs', 'pytorch']) {
      const r = nn(['export', 'main.nn', '--model', 'Tiny', '--to', to, '--out', `trained-${to}`]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^exported Tiny \\(weights from ${runs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(r.stderr).not.toContain('no trained weights');
    }
    expect(existsSync(join(temp.dir, 'trained-pytorch', 'train.py'))).toBe(true);
  }, 180_000);

  it('a name neither defined nor imported: one line naming the file and the models it sees, before TensorFlow loads', () => {
    const r = nn(['export', 'main.nn', '--model', 'Nowhere', '--out', 'none']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([`nn: no model 'Nowhere' in ${join(temp.dir, 'main.nn')} (models: Own, Tiny)`]);
  }, 60_000);
});
