// The `nn` command end to end: the real binary in a child process, its
// output formats and exit codes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');

function nn(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const write = (name: string, text: string | Buffer) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nn-cli-'));
  write('ok.nn', 'model M {\n  input x: [B, 8]\n  output x -> Dense(4)\n}\n');
  write('bad.nn', 'model M {\n  input x: [B, 28, 28, 1]\n  output x -> Dense(10)\n}\n');
  write('two.nn', 'model A {\n  input x: [B, 8]\n  output x\n}\n\nmodel C {\n  input x: [B, 8]\n  output x\n}\n');
  write('messy.nn', 'model   M{input x:[B,8]\noutput x->Dense(4)}\n');
  write('syntax.nn', 'model M {\n  input x: [B, 8\n  output x\n}\n');
  write('junk.nn', Buffer.from([0, 159, 146, 150, 255, 0, 1, 2, 3, 60, 62]));
});

describe('nn check', () => {
  it('prints nothing and exits 0 for a clean file', () => {
    expect(nn(['check', join(dir, 'ok.nn')])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints path:line:col: error[code]: message with 1-based positions and exits 1', () => {
    const r = nn(['check', 'bad.nn'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('bad.nn:3:15: error[NN2002]: Dense acts on the last axis of a rank-4 input here; flatten the image features first');
    expect(r.stdout).toContain('  note: bad.nn:2:9: the input has shape [B, 28, 28, 1]: input x');
    expect(r.stdout).toContain('  help: Insert Flatten before Dense');
    expect(r.stderr).toBe('1 error\n');
  });

  it('prints LSP-style JSON with zero-based positions', () => {
    const r = nn(['check', '--json', 'bad.nn', 'ok.nn'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [
        {
          path: 'bad.nn',
          diagnostics: [
            {
              severity: 'error',
              code: 'NN2002',
              message: 'Dense acts on the last axis of a rank-4 input here; flatten the image features first',
              range: { start: { line: 2, character: 14 }, end: { line: 2, character: 23 } },
            },
          ],
        },
        { path: 'ok.nn', diagnostics: [] },
      ],
    });
  });

  it('reports syntax errors in binary junk as diagnostics, not a crash', () => {
    const r = nn(['check', 'junk.nn'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^junk\.nn:1:\d+: error\[NN00\d\d\]/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it.each([
    [['check'], 'no file given'],
    [['check', 'missing.nn'], 'cannot read missing.nn'],
    [['check', '--bogus', 'ok.nn'], 'unknown option --bogus'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [[], 'usage'],
  ])('exits 2 on usage and I/O errors: %j', (args, message) => {
    const r = nn(args, dir);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain(message);
  });
});

describe('nn summary', () => {
  it('prints the JSON summary of the MLP', () => {
    const r = nn(['summary', 'examples/mlp.nn', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      model: 'MLP',
      inputs: [{ name: 'x', shape: ['B', 784] }],
      outputs: [{ name: 'output', shape: ['B', 10] }],
      params: 101770,
      trainableParams: 101770,
    });
    expect(s.layers.map((l: { path: string; kind: string; output: unknown[]; params: number }) => [l.path, l.kind, l.output, l.params])).toEqual([
      ['Dense_1', 'Dense', ['B', 128], 100480],
      ['ReLU_1', 'ReLU', ['B', 128], 0],
      ['Dense_2', 'Dense', ['B', 10], 1290],
      ['Softmax_1', 'Softmax', ['B', 10], 0],
    ]);
    expect(s.flops).toBe(s.layers.reduce((sum: number, l: { flops: number }) => sum + l.flops, 0));
  });

  it('prints a table with totals', () => {
    const r = nn(['summary', 'examples/mlp.nn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dense_1    Dense    [B, 128]');
    expect(r.stdout).toContain('Total params: 101,770');
  });

  it('overrides model parameters with --set', () => {
    const s = JSON.parse(nn(['summary', 'examples/mlp.nn', '--set', 'hidden=64', '--json']).stdout);
    expect(s.trainableParams).toBe(784 * 64 + 64 + 64 * 10 + 10);
  });

  it.each([
    [['summary', 'two.nn'], 'choose one with --model (A, C)'],
    [['summary', 'two.nn', '--model', 'Nope'], "no model 'Nope'"],
    [['summary', 'ok.nn', '--set', 'nope=1'], "M has no parameter 'nope'"],
    [['summary', 'ok.nn', '--set', 'oops'], '--set takes name=value'],
  ])('exits 2 on a bad request: %j', (args, message) => {
    const r = nn(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('exits 1 with the diagnostics when the model has errors', () => {
    const r = nn(['summary', 'bad.nn'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.nn:3:15: error[NN2002]');
  });
});

describe('nn fmt', () => {
  it('reports an unformatted file with --check and leaves it alone', () => {
    const before = readFileSync(join(dir, 'messy.nn'), 'utf8');
    const r = nn(['fmt', '--check', 'messy.nn'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('messy.nn: not formatted\n');
    expect(readFileSync(join(dir, 'messy.nn'), 'utf8')).toBe(before);
  });

  it('rewrites a file in the canonical layout, after which --check passes', () => {
    const path = write('to-format.nn', 'model   M{input x:[B,8]\noutput x->Dense(4)}\n');
    expect(nn(['fmt', path]).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('model M {\n  input x: [B, 8]\n  output x -> Dense(4)\n}\n');
    expect(nn(['fmt', '--check', path])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses to format a file with syntax errors, and keeps it as it was', () => {
    const before = readFileSync(join(dir, 'syntax.nn'), 'utf8');
    const r = nn(['fmt', 'syntax.nn'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('syntax.nn has syntax errors; not formatted');
    expect(readFileSync(join(dir, 'syntax.nn'), 'utf8')).toBe(before);
  });

  it('refuses an expression too deep to print, with a message', () => {
    // 100 chains of 999 indexes (the parser takes up to 1,000 links), each inside the next: 100,000 levels
    let chain = 'x';
    for (let i = 0; i < 100; i++) chain = `(${chain})${'[0]'.repeat(999)}`;
    write('deep.nn', `model M {\n  input x: [B, 4]\n  output ${chain}\n}\n`);
    const r = nn(['fmt', 'deep.nn'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nn fmt: deep.nn nests too deeply to format; not formatted\n');
  });

  it('keeps every bundled example in the canonical layout', () => {
    const r = nn(['fmt', '--check', 'examples/mlp.nn', 'examples/vgg.nn', 'examples/resnet.nn']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });
});
