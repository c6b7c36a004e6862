// Reading a file whole, safely: regular files only, and never more than the
// limit, whatever `stat` says (it says 0 bytes for devices and for /proc).

import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../runtime/files/read-regular-file.js';
import { readSourceFile } from '../../../runtime/files/read-source-file.js';
import { tempFolder } from '../../helpers/temp-files.js';

const temp = tempFolder('read-regular');
afterAll(() => temp.remove());

/** A sparse file of `size` bytes: nothing written, so any size costs no disk. */
function sparse(name: string, size: number): string {
  const path = join(temp.dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

const linux = process.platform === 'linux';

describe('readRegularFile', () => {
  it('reads a regular file whole, up to and including the limit', () => {
    const path = temp.write('ten.txt', '0123456789');
    expect(readRegularFile(path, 10)).toEqual({ kind: 'read', bytes: Buffer.from('0123456789') });
    expect(readRegularFile(path, 9)).toEqual({ kind: 'too-large', size: 10 });
    expect(readRegularFile(temp.write('empty.txt', ''), 0)).toEqual({ kind: 'read', bytes: Buffer.alloc(0) });
  });

  it('does not read a regular file larger than the limit at all: a 10 GB file is too large at once', () => {
    expect(readRegularFile(sparse('huge.bin', 10_000_000_000), 2_000_000)).toEqual({ kind: 'too-large', size: 10_000_000_000 });
  });

  it.runIf(linux && existsSync('/dev/zero'))('refuses a device, which never ends and whose size says 0', () => {
    expect(readRegularFile('/dev/zero', 1000)).toEqual({ kind: 'unreadable', problem: 'is a device, not a regular file', code: 'ENOTREG' });
  });

  it.runIf(linux)('reads a /proc file (size 0 by stat) to its end, and stops at limit + 1 bytes', () => {
    const whole = readRegularFile('/proc/self/status', 1_000_000);
    expect(whole.kind).toBe('read');
    expect((whole as { bytes: Buffer }).bytes.toString()).toContain('Name:');
    // it is longer than 16 bytes: reading stops after 17 and says so
    expect(readRegularFile('/proc/self/status', 16)).toEqual({ kind: 'too-large', size: 17 });
  });

  it('says what is wrong with a folder or a missing file', () => {
    mkdirSync(join(temp.dir, 'folder'));
    expect(readRegularFile(join(temp.dir, 'folder'), 100)).toMatchObject({ kind: 'unreadable', problem: 'is a folder, not a file' });
    expect(readRegularFile(join(temp.dir, 'missing.txt'), 100)).toEqual({ kind: 'unreadable', problem: 'no such file or folder', code: 'ENOENT' });
  });
});

describe('readSourceFile', () => {
  it('gives the UTF-8 text, the size of a file over the limit, or the problem', () => {
    expect(readSourceFile(temp.write('ok.nn', 'model M {}\n// é\n'), 100)).toBe('model M {}\n// é\n');
    expect(readSourceFile(sparse('big.nn', 3_000_000), 2_000_000)).toEqual({ tooLarge: 3_000_000 });
    expect(readSourceFile(join(temp.dir, 'gone.nn'), 100)).toEqual({ problem: 'no such file or folder' });
  });
});
