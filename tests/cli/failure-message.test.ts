// The one place that turns a failure into one line and an exit status:
// real errors of the system (a full device, a file where a folder should
// be, a folder where a file should be) name their path in plain words;
// temporary names are left out; a bug stays a bug.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, userPath } from '../../cli/failure-message.js';
import { EXIT } from '../../cli/io.js';
import { DataError } from '../../runtime/data/dataset.js';
import { DivergedError } from '../../runtime/train/divergence.js';

/** The error `fn` throws. */
function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}

const dir = mkdtempSync(join(tmpdir(), 'nn-failures-'));
writeFileSync(join(dir, 'a-file'), 'x');

describe('a failure as one line', () => {
  it('names the path and the problem of a system error', () => {
    expect(describeFailure(errorOf(() => mkdirSync(join(dir, 'a-file', 'out'), { recursive: true })))).toEqual({
      message: `cannot create the folder ${join(dir, 'a-file', 'out')}: a part of the path is a file, not a folder`,
      exit: EXIT.usage,
      fields: { path: join(dir, 'a-file', 'out') },
    });
    expect(describeFailure(errorOf(() => mkdirSync(join(dir, 'a-file'))))?.message).toBe(`cannot create the folder ${join(dir, 'a-file')}: it already exists, and is not a folder`);
    expect(describeFailure(errorOf(() => writeFileSync(dir, 'x')))?.message).toBe(`cannot open ${dir}: it is a folder, not a file`);
  });

  it.skipIf(process.platform !== 'linux')('says where a full device was being written when the system does not', () => {
    // /dev/full: every write fails with ENOSPC, and a failed write carries no path
    const full = errorOf(() => writeFileSync('/dev/full', 'x'));
    expect(describeFailure(full, '/out/models')).toEqual({ message: 'cannot write to /out/models: no space left on the device', exit: EXIT.usage, fields: { path: '/out/models' } });
  });

  it('leaves out the temporary names files are written under', () => {
    expect(userPath('/out/weights.bin.tmp-4242')).toBe('/out/weights.bin');
    expect(userPath('/out/y.npy.tmp-25095-e18c3905')).toBe('/out/y.npy');
    expect(userPath('/runs/M/1/checkpoints/.tmp-4242-1700000000/model-M.bin')).toBe('/runs/M/1/checkpoints');
    expect(userPath('/out/model.json')).toBe('/out/model.json');
  });

  it('gives a diverged run exit 3 and its place, other known failures exit 2', () => {
    const diverged = new DivergedError('training diverged at epoch 2, batch 7: the loss is NaN', { epoch: 2, batch: 7, tensor: 'loss' });
    expect(describeFailure(diverged)).toEqual({ message: diverged.message, exit: 3, fields: { epoch: 2, batch: 7, tensor: 'loss' } });
    expect(describeFailure(new DataError('d.csv:3: not a number'))).toEqual({ message: 'd.csv:3: not a number', exit: 2, fields: {} });
  });

  it('leaves a bug a bug', () => {
    expect(describeFailure(new TypeError("Cannot read properties of undefined (reading 'shape')"))).toBeUndefined();
    expect(describeFailure('a string')).toBeUndefined();
  });
});
