// Writing files so that a crash at any moment leaves either the old state
// or the new one, never half of one: write under a temporary name, every
// byte (a short write is continued, a full disk is an error), flush to
// disk, then rename (atomic within one file system) and flush the folder.
// Temporary names carry the writer's pid, so that leftovers of a killed
// writer can be told apart from those of a live one (train/run-folder.ts).
// Node only: checkpoints and `nn fmt` write through it.

import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * `<name>.tmp-<pid>-<random>` (files) and `.tmp-<pid>-<random>` (folders):
 * what this module leaves behind when killed (earlier versions wrote
 * `<name>.tmp-<pid>` and `.tmp-<pid>-<time>`).
 */
const TEMPORARY = /(?:^|\.)tmp-(\d+)(?:-[0-9a-z]+)?$/;

/** The pid of the writer a temporary file or folder belongs to, or undefined when `name` is no temporary. */
export function temporaryOwner(name: string): number | undefined {
  const m = TEMPORARY.exec(name);
  return m ? Number(m[1]) : undefined;
}

const temporarySuffix = () => `tmp-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Writes all of `data` to `fd`: `writeSync` may write fewer bytes than asked (a full disk writes none and throws). */
export function writeFully(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.byteLength) {
    const written = writeSync(fd, data, offset, data.byteLength - offset);
    if (written <= 0) throw Object.assign(new Error(`wrote ${offset} of ${data.byteLength} bytes`), { code: 'EIO' });
    offset += written;
  }
}

/** Creates (or truncates) `path` with exactly `data`, flushed to disk. */
export function writeFileDurably(path: string, data: string | Uint8Array, mode?: number): void {
  const fd = openSync(path, 'w');
  try {
    // set after opening: the mode given to open is reduced by the umask
    if (mode !== undefined) fchmodSync(fd, mode);
    writeFully(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `path` atomically with `data`. A symbolic link is followed: its
 * target is replaced and the link stays. The file keeps its permissions
 * (`mode`, else those of the file it replaces, else the default).
 */
export function writeFileAtomically(path: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  const target = followLinks(path);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${temporarySuffix()}`;
  try {
    writeFileDurably(temporary, data, options.mode ?? existingMode(target));
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
  syncDirectory(dirname(target));
}

/**
 * Creates the folder `path` holding `files`, all at once: it does not exist
 * until every file is complete and on disk. Never replaces an existing
 * folder (that is an error): what is there belongs to someone.
 */
export function writeDirectoryAtomically(path: string, files: Record<string, string | Uint8Array>): void {
  const parent = dirname(path);
  mkdirSync(parent, { recursive: true });
  const temporary = join(parent, `.${temporarySuffix()}`);
  mkdirSync(temporary);
  try {
    for (const [name, data] of Object.entries(files)) writeFileDurably(join(temporary, name), data);
    syncDirectory(temporary);
    // a rename onto an existing empty folder would replace it silently
    if (exists(path)) throw Object.assign(new Error(`${path} already exists`), { code: 'EEXIST' });
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { recursive: true, force: true });
    throw e;
  }
  syncDirectory(parent);
}

/** Errors of a file system that cannot flush a folder: the rename before is still atomic. */
const CANNOT_SYNC_FOLDER = ['EINVAL', 'EPERM', 'EISDIR', 'ENOTSUP'];

/**
 * Flushes a folder's entries (a rename into it) to the disk. Windows cannot
 * open a folder as a file (EISDIR), and its renames are durable without it:
 * there it does nothing.
 */
export function syncDirectory(path: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if (CANNOT_SYNC_FOLDER.includes((e as NodeJS.ErrnoException).code ?? '')) return;
    throw e;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!CANNOT_SYNC_FOLDER.includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    closeSync(fd);
  }
}

/** The file a chain of symbolic links ends at (the path itself when it is none, or not there). */
function followLinks(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      link = readlinkSync(current);
    } catch {
      return current;
    }
    current = resolve(dirname(current), link);
  }
  return current;
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
