// Train blocks that would fail only once training runs: a checkpoint folder
// outside the run's own folder (it would overwrite and prune what is there),
// and an element-wise loss with class-id targets (TensorFlow's reshape
// error). Both are diagnostics at the offending value, with a fix.

import { describe, expect, it } from 'vitest';
import { runPathProblem } from '../../core/train/run-paths.js';
import { check } from '../helpers/check-source.js';

const MLP = `model M {
  input x: [B, 784]
  output x -> Dense(10) -> Softmax
}
`;

const train = (settings: string, data = 'mnist()') => `${MLP}train M on ${data} {\n${settings}\n}\n`;

describe('checkpoints.dir stays inside the run folder', () => {
  it.each([
    ['"/tmp/victim"', 'is absolute'],
    ['"../shared"', "climbs out with '..'"],
    ['"ckpt/../../x"', "climbs out with '..'"],
    ['"C:\\\\runs"', 'is absolute'],
    ['""', 'is empty'],
  ])('refuses %s at the path, with the default as the fix', (dir, problem) => {
    const found = check(train(`  checkpoints: { every: 1, dir: ${dir} }`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'NN4007', at: dir, fixes: ['Change to "checkpoints": "\\"checkpoints\\""'] });
    expect(found[0]!.message).toContain(`'checkpoints.dir' ${problem}`);
  });

  it('accepts a relative path inside the run folder', () => {
    expect(check(train('  checkpoints: { dir: "ckpt/best" }'))).toEqual([]);
  });

  it('wants a path in quotes', () => {
    expect(check(train('  checkpoints: { dir: 3 }'))).toMatchObject([{ code: 'NN4005', at: '3' }]);
  });

  it('is the same rule the runtime applies', () => {
    expect(runPathProblem('checkpoints')).toBeUndefined();
    expect(runPathProblem('./a/b')).toBeUndefined();
    expect(runPathProblem('a\\..\\..\\b')).toBe("climbs out with '..'");
    expect(runPathProblem('~/x')).toBe('is absolute');
  });
});

describe('an element-wise loss needs as many targets as outputs', () => {
  it('mse on mnist class ids with 10 outputs is refused at the loss, crossentropy offered', () => {
    const found = check(train('  loss: mse'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'NN4008', at: 'mse', fixes: ["Change to 'crossentropy': \"crossentropy\""] });
    expect(found[0]!.message).toBe(
      'mse compares outputs with targets value by value, but mnist gives class ids (one per example) and M outputs [B, 10] (10 values per example): use crossentropy for class ids, or data with one-hot targets',
    );
  });

  it('mae and binary_crossentropy too; crossentropy and hinge take class ids', () => {
    expect(check(train('  loss: mae')).map((d) => d.code)).toEqual(['NN4008']);
    expect(check(train('  loss: binary_crossentropy')).map((d) => d.code)).toEqual(['NN4008']);
    expect(check(train('  loss: crossentropy'))).toEqual([]);
    expect(check(train('  loss: hinge'))).toEqual([]);
  });

  it('sequences: one class id per position', () => {
    const seq = (output: string) => `model S {\n  input x: [B, 8]\n  input y: [B, 8]\n  output ${output}\n}\ntrain S on sequences(length: 8) {\n  loss: mse\n}\n`;
    expect(check(seq('(x -> Dense(8)) + y'))).toEqual([]);
    expect(check(seq('(x + y) -> Reshape([8, 1]) -> Dense(16)')).map((d) => d.code)).toEqual(['NN4008']);
  });

  it('file data is left to the runtime, which reads it', () => {
    expect(check(train('  loss: mse', 'csv(path: "d.csv")'))).toEqual([]);
  });
});
