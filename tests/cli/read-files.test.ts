// `nn check` and `nn fmt` read only regular files, and no more than the
// parser takes: a device, a named pipe or a huge file is a message naming
// the file and why, never a hang or an out-of-memory abort. The real
// binary runs in a child process with a timeout: a hang ends as a failure.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/temp-files.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const temp = tempFolder('cli-read');
afterAll(() => temp.remove());

/** nn in a child process that is killed after 20 s (a hang fails the test with signal SIGTERM). */
function nn(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: temp.dir, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const model = 'model M {\n  input x: [B, 8]\n  output x\n}\n';
const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--help']).error === undefined;

beforeAll(() => {
  if (hasMkfifo) for (const name of ['pipe.nn', 'root-pipe.nn']) spawnSync('mkfifo', [join(temp.dir, name)]);
  // 3 MB that take no disk: a sparse file
  const fd = openSync(join(temp.dir, 'big.nn'), 'w');
  ftruncateSync(fd, 3_000_000);
  closeSync(fd);
});

describe('nn check reads regular files only', () => {
  it.runIf(existsSync('/dev/zero'))('nn check /dev/zero: exit 2, the file and why', () => {
    expect(nn(['check', '/dev/zero'])).toEqual({ code: 2, signal: null, stdout: '', stderr: 'nn: cannot read /dev/zero: is a device, not a regular file\n' });
  });

  it.runIf(hasMkfifo)('nn check of a named pipe: exit 2 at once, no wait for a writer', () => {
    expect(nn(['check', 'root-pipe.nn'])).toEqual({ code: 2, signal: null, stdout: '', stderr: 'nn: cannot read root-pipe.nn: is a named pipe (FIFO), not a regular file\n' });
  });

  it.runIf(hasMkfifo)('an import of a named pipe, of /dev/zero, of /etc/passwd: NN1012 at each string', () => {
    temp.write('imports.nn', `import "./pipe.nn"\nimport "/dev/zero"\nimport "/etc/passwd"\n${model}`);
    const r = nn(['check', 'imports.nn']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `imports.nn:1:8: error[NN1012]: cannot read './pipe.nn': is a named pipe (FIFO), not a regular file (looked for ${join(temp.dir, 'pipe.nn')})`,
      "imports.nn:2:8: error[NN1012]: '/dev/zero' is not a .nn file; imports name .nn files",
      "imports.nn:3:8: error[NN1012]: '/etc/passwd' is not a .nn file; imports name .nn files",
    ]);
  });

  it('a file over 2 MB is one NN0004, read no further than its size', () => {
    expect(nn(['check', 'big.nn'])).toEqual({ code: 1, signal: null, stdout: 'big.nn:1:1: error[NN0004]: this file is 3.0 MB; nn checks files up to 2 MB\n', stderr: '1 error\n' });
  });
});

describe('nn fmt reads regular files only', () => {
  it.runIf(existsSync('/dev/zero'))('nn fmt /dev/zero: exit 2, the file and why', () => {
    expect(nn(['fmt', '/dev/zero'])).toMatchObject({ code: 2, signal: null, stderr: 'nn fmt: cannot read /dev/zero: is a device, not a regular file\n' });
  });

  it('nn fmt of a file over 2 MB says its size and the limit', () => {
    expect(nn(['fmt', '--check', 'big.nn'])).toMatchObject({ code: 2, stderr: 'nn fmt: cannot read big.nn: is 3.0 MB; nn reads .nn files up to 2 MB\n' });
  });
});
