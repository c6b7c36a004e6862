// A loss that takes class ids (crossentropy, sparse_crossentropy, hinge)
// refuses targets that are not whole numbers before training, at the file
// and line of the first: 0.5 would be cut to class 0 and train to nothing.
// Targets of the output's own shape (one-hot or soft rows) may be any values.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../../cli/node-host.js';
import { loadCsv } from '../../../runtime/data/csv.js';
import { DataError } from '../../../runtime/data/dataset.js';
import { dataFile } from '../../../runtime/data/files.js';
import { checkClassIdTargets } from '../../../runtime/data/labels.js';
import { loadNpy } from '../../../runtime/data/npy.js';
import { runTraining } from '../../../runtime/train/run-training.js';
import { float32Npy } from '../../helpers/npy-writer.js';
import { tempFolder } from '../../helpers/temp-files.js';
import { testTf } from '../../helpers/tf.js';

const temp = tempFolder('class-targets');
afterAll(() => temp.remove());

const csv = (name: string, text: string) => {
  temp.write(name, text);
  return loadCsv({ file: dataFile(temp.dir, name), label: 'label', split: 0.8 });
};

describe('checkClassIdTargets', () => {
  it('refuses the first target that is not a whole number, at its line', () => {
    const raw = csv('halves.csv', 'a,label\n1,1.0\n2,0.5\n3,0.25\n');
    expect(() => checkClassIdTargets(raw, 2, 'crossentropy')).toThrow(
      new DataError("halves.csv:3: the target 0.5 is not a whole number, but the loss 'crossentropy' reads targets as class ids (0, 1, 2, ...); give whole numbers, one-hot rows of the output's shape, or a regression loss such as mse"),
    );
  });

  it('takes whole-number floats (1.0, 2.0) as class ids', () => {
    expect(() => checkClassIdTargets(csv('wholes.csv', 'a,label\n1,1.0\n2,0.0\n'), 2, 'hinge')).not.toThrow();
  });

  it('leaves targets of the output\'s rank (one-hot or soft rows) and integer labels alone', () => {
    temp.write('x.npy', float32Npy([1, 2, 3, 4], [2, 2]));
    temp.write('soft.npy', float32Npy([0.9, 0.1, 0.2, 0.8], [2, 2]));
    const soft = loadNpy({ x: dataFile(temp.dir, 'x.npy'), y: dataFile(temp.dir, 'soft.npy'), split: 0.5 });
    expect(() => checkClassIdTargets(soft, 2, 'crossentropy')).not.toThrow();
    expect(() => checkClassIdTargets(soft, 3, 'crossentropy')).toThrow('soft.npy: item 0: the target 0.9 is not a whole number');
    expect(() => checkClassIdTargets(csv('ints.csv', 'a,label\n1,1\n2,0\n'), 2, 'crossentropy')).not.toThrow();
  });
});

describe('training with float targets and a class loss', () => {
  it.each(['crossentropy', 'sparse_crossentropy', 'hinge'])('%s: refused before training, at the file and line', async (loss) => {
    temp.write('targets.csv', 'a,b,label\n1,2,0\n3,4,1\n5,6,0.5\n7,8,1\n');
    const file = join(temp.dir, `float-targets-${loss}.nn`);
    writeFileSync(file, `model M {\n  input x: [B, 2]\n  output x -> Dense(2) -> Softmax\n}\n\ntrain M on csv(path: "targets.csv", label: "label") {\n  loss: ${loss}\n  optimizer: Adam(lr: 0.01)\n  epochs: 1\n  batch: 2\n}\n`);
    const events: unknown[] = [];
    const run = runTraining({ file, host: nodeHost, tf: testTf(), backend: { name: 'tensorflow', device: 'cpu' }, outDir: join(temp.dir, 'runs'), emit: (e) => events.push(e), stop: { requested: false } });
    await expect(run).rejects.toThrow(`targets.csv:4: the target 0.5 is not a whole number, but the loss '${loss}' reads targets as class ids`);
    expect(events).toEqual([]);
  });
});
