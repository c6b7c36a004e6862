// The files a data source names: paths relative to the .nn file, read with
// a DataError (not a stack trace) when they are missing, unreadable, not
// regular files (a device, a named pipe) or over the size limit. Paths may
// point anywhere: what is checked is the kind of file and its size.

import { msg } from '../../core/i18n/message.js';
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { openRegularFile, readRegularFile, unreadable } from '../files/read-regular-file.js';
import { DataError } from './dataset.js';
import { bytesInWords, MAX_DATA_BYTES } from './limits.js';

/** A file as the .nn file names it (`shown`, for messages) and where it is on disk. */
export interface DataFile {
  shown: string;
  path: string;
}

/** `path` as written in the train block, resolved against the .nn file's folder. */
export function dataFile(baseDir: string, path: string): DataFile {
  return { shown: path, path: isAbsolute(path) ? path : resolve(baseDir, path) };
}

/** Why a file cannot be read, in words: "no such file (looked for /abs/path)". */
export function readProblem(e: unknown, file: DataFile): string {
  return describe(unreadable(e), file);
}

function describe(why: { problem: string; code?: string }, file: DataFile): string {
  return why.code === 'ENOENT' ? `${why.problem} (looked for ${file.path})` : why.problem;
}

/** The whole file, if it is a regular file of at most `limit` bytes. */
export function readBytes(file: DataFile, limit = MAX_DATA_BYTES): Buffer {
  const read = readRegularFile(file.path, limit);
  if (read.kind === 'read') return read.bytes;
  if (read.kind === 'too-large') throw tooLarge(file, read.size, limit);
  throw new DataError(msg`${file.shown}: ${describe(read, file)}`);
}

/** The file opened for reading in pieces, if it is a regular file. */
export function openDataFile(file: DataFile): number {
  const opened = openRegularFile(file.path);
  if (opened.kind === 'open') return opened.fd;
  throw new DataError(msg`${file.shown}: ${describe(opened, file)}`);
}

/** "data.npy: is 3 GiB (...); nn reads data files of up to 2 GiB (...)"; a `size` of limit + 1 is "over" the limit (found while reading). */
export function tooLarge(file: DataFile, size: number, limit = MAX_DATA_BYTES): DataError {
  return new DataError(msg`${file.shown}: is ${size > limit + 1 ? bytesInWords(size) : `over ${bytesInWords(limit)}`}; nn reads data files of up to ${bytesInWords(limit)}`);
}

/** An error unless `file` is a folder. */
export function expectFolder(file: DataFile): void {
  let folder: boolean;
  try {
    folder = statSync(file.path).isDirectory();
  } catch (e) {
    throw new DataError(msg`${file.shown}: ${readProblem(e, file)}`);
  }
  if (!folder) throw new DataError(msg`${file.shown}: is a file, not a folder of images (one sub-folder per class)`);
}
