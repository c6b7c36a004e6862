// The files a data source names: paths relative to the .nn file, read with
// a DataError (not a stack trace) when they are missing or unreadable.

import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DataError } from './dataset.js';

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
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no such file or folder (looked for ${file.path})`;
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES') return 'is not readable (permission denied)';
  return (e as Error).message;
}

export function readBytes(file: DataFile): Buffer {
  try {
    return readFileSync(file.path);
  } catch (e) {
    throw new DataError(`${file.shown}: ${readProblem(e, file)}`);
  }
}

/** An error unless `file` is a folder. */
export function expectFolder(file: DataFile): void {
  let folder: boolean;
  try {
    folder = statSync(file.path).isDirectory();
  } catch (e) {
    throw new DataError(`${file.shown}: ${readProblem(e, file)}`);
  }
  if (!folder) throw new DataError(`${file.shown}: is a file, not a folder of images (one sub-folder per class)`);
}
