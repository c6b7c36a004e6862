// Reading a file whole, safely: only a regular file, and never more than a
// limit. What `stat` says cannot be trusted for either: it gives 0 bytes for
// /dev/zero (which never ends) and for the files of /proc, and opening a
// named pipe waits for a writer. So the file is opened without blocking, its
// kind is taken from the open descriptor (fstat), and the limit is enforced
// while reading: at most limit + 1 bytes are ever read.
//
// Node only (no TensorFlow.js): the CLI's and the language server's hosts
// read sources with it, and the data sources read their files with it.

import { msg } from '../../core/i18n/message.js';
import { constants as bufferConstants } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type FileRead =
  | { kind: 'read'; bytes: Buffer }
  /** `size`: the file's size in bytes, or at least this many when it grew while being read */
  | { kind: 'too-large'; size: number }
  /** `problem`: what is wrong, in words that follow the file's name ("is a named pipe, not a regular file") */
  | { kind: 'unreadable'; problem: string; code?: string };

/** An open regular file, or why there is none. */
export type FileOpen = { kind: 'open'; fd: number; size: number } | { kind: 'unreadable'; problem: string; code?: string };

// O_NONBLOCK: opening a named pipe for reading returns at once instead of
// waiting for a writer (it is then refused by its kind). Regular files read
// the same with it. Windows has no such flag and no such pipes.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The file at `path`, opened for reading, if it is a regular file. */
export function openRegularFile(path: string): FileOpen {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    return unreadable(e);
  }
  if (!stats.isFile()) {
    closeSync(fd);
    return { kind: 'unreadable', problem: notRegular(stats), code: stats.isDirectory() ? 'EISDIR' : 'ENOTREG' };
  }
  return { kind: 'open', fd, size: stats.size };
}

/** The whole of a regular file of at most `limit` bytes. */
export function readRegularFile(path: string, limit: number): FileRead {
  const opened = openRegularFile(path);
  if (opened.kind !== 'open') return opened;
  try {
    // a regular file's size is known before reading it: a larger one is not read at all
    if (opened.size > limit) return { kind: 'too-large', size: opened.size };
    return readAtMost(opened.fd, limit, opened.size);
  } catch (e) {
    return unreadable(e);
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Reads to the end, but never more than limit + 1 bytes: the size said at
 * open may be wrong (files of /proc say 0) or the file may grow meanwhile.
 */
function readAtMost(fd: number, limit: number, expected: number): FileRead {
  const most = limit + 1;
  // room for the expected size and one byte more, so the read that finds the end needs no new buffer
  let buffer: Buffer = Buffer.allocUnsafe(Math.min(most, Math.max(expected + 1, 1 << 16)));
  let length = 0;
  while (length < most) {
    if (length === buffer.length) buffer = grown(buffer, Math.min(most, buffer.length * 2));
    const n = readSync(fd, buffer, length, Math.min(buffer.length - length, 1 << 30), null);
    if (n === 0) return { kind: 'read', bytes: buffer.subarray(0, length) };
    length += n;
  }
  return { kind: 'too-large', size: Math.max(length, expected) };
}

function grown(buffer: Buffer, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(size);
  buffer.copy(bigger);
  return bigger;
}

/** What an error opening or reading a file means, in words. */
export function unreadable(e: unknown): { kind: 'unreadable'; problem: string; code?: string } {
  const code = (e as NodeJS.ErrnoException).code;
  const problem = problemOf(code ?? '') ?? (e as Error).message;
  return { kind: 'unreadable', problem, ...(code ? { code } : {}) };
}

/** What an error code means, in words that follow the file's name (a function: the words follow the language chosen). */
function problemOf(code: string): string | undefined {
  switch (code) {
    case 'ENOENT': return msg`no such file or folder`;
    case 'ENOTDIR': return msg`no such file or folder (a folder on its path is a file)`;
    case 'EISDIR': return msg`is a folder, not a file`;
    case 'EACCES': return msg`is not readable (permission denied)`;
    case 'EPERM': return msg`is not readable (operation not permitted)`;
    case 'ENXIO': return msg`is a socket or a device with nothing behind it, not a regular file`;
    case 'ELOOP': return msg`is a loop of symbolic links`;
    case 'ENAMETOOLONG': return msg`has a name too long for this system`;
    default: return undefined;
  }
}

function notRegular(stats: Stats): string {
  if (stats.isDirectory()) return problemOf('EISDIR')!;
  if (stats.isFIFO()) return msg`is a named pipe (FIFO), not a regular file`;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return msg`is a device, not a regular file`;
  if (stats.isSocket()) return msg`is a socket, not a regular file`;
  return msg`is not a regular file`;
}

/** The most a pointer, manifest or lock file of a run may hold. */
export const SMALL_FILE_BYTES = 1 << 20;

/** The largest file read whole into one buffer (weights), as Node allows. */
export const LARGEST_BUFFER_BYTES = bufferConstants.MAX_LENGTH - 1;

/**
 * `readFileSync` for files a run reads back (pointers, manifests, locks,
 * weights): only a regular file of at most `limit` bytes, never a wait on a
 * named pipe. Anything else is thrown as an error with the path and a code
 * (`ENOENT`, `EISDIR`, `ENOTREG`, `EFBIG`), as Node's own errors are.
 */
export function readFileOrThrow(path: string, limit: number): Buffer {
  const read = readRegularFile(path, limit);
  if (read.kind === 'read') return read.bytes;
  const tooLarge = read.kind === 'too-large';
  const error = new Error(tooLarge ? msg`${path} is larger than the ${limit} bytes expected` : `${path} ${read.problem}`) as NodeJS.ErrnoException;
  error.code = tooLarge ? 'EFBIG' : read.code;
  error.path = path;
  throw error;
}
