// An error inside an imported block is an error at its use: `nn check` of
// the using file exits 1 naming the other file's line, `nn summary` refuses
// with the place, and `nn train` refuses before loading TensorFlow, with the
// place. (Before, check exited 0, the summary printed `output []` with 0
// parameters, and training refused without a location.)

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempFolder, tempFolder } from '../helpers/temp-files.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');

function nn(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let folder: TempFolder;

beforeAll(() => {
  folder = tempFolder('definition-errors');
  folder.write('blocks.nn', 'block Broken {\n  input x: [B, C]\n  let h = x -> Dense(unknownThing)\n  output h\n}\n\nblock Wrapper {\n  input x: [B, C]\n  output x -> Broken\n}\n');
  folder.write('main.nn', 'import { Broken } from "./blocks.nn"\n\nmodel M {\n  input x: [B, 784]\n  output x -> Broken -> Dense(10)\n}\n\ntrain M on mnist() {\n  epochs: 1\n}\n');
  folder.write('through.nn', 'import { Wrapper } from "./blocks.nn"\n\nmodel M {\n  input x: [B, 784]\n  output x -> Wrapper\n}\n');
});

afterAll(() => folder.remove());

const useError = 'main.nn:5:15: error[NN1014]: Broken has an error (in blocks.nn line 3): unknown name \'unknownThing\'';

describe('a use of an imported block with errors', () => {
  it('fails nn check at the use, naming the other file and line', () => {
    const r = nn(['check', 'main.nn'], folder.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(useError);
    expect(r.stdout).toContain('note: blocks.nn:3:22: the first error Broken reaches');
  });

  it('fails through a block that applies it', () => {
    const r = nn(['check', 'through.nn'], folder.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("through.nn:5:15: error[NN1014]: Wrapper has an error (in blocks.nn line 3): unknown name 'unknownThing'");
  });

  it('makes nn summary refuse with the places', () => {
    const r = nn(['summary', 'main.nn'], folder.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(useError);
    expect(r.stderr).toContain("blocks.nn:3:22: error[NN1001]: unknown name 'unknownThing'");
  });

  it('makes nn train refuse with the place, before loading a backend', () => {
    const r = nn(['train', 'main.nn'], folder.dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(useError);
  });
});
