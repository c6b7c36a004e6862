// A text file line by line, read in chunks: a file of any size is never
// held as one string. UTF-8 (a leading byte-order mark is dropped), lines
// end in \n or \r\n.

import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { DataError } from './dataset.js';
import { type DataFile, readProblem } from './files.js';

const CHUNK_BYTES = 1 << 16;

/** Each line's text without its line ending; the line number is the count so far. */
export function* readLines(file: DataFile, chunkBytes = CHUNK_BYTES): Generator<string> {
  const fd = openFile(file);
  try {
    const buffer = Buffer.alloc(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let first = true;
    for (let n = readChunk(fd, buffer, file); n > 0; n = readChunk(fd, buffer, file)) {
      let text = decoder.write(buffer.subarray(0, n));
      if (first && text.length > 0) (text = text.replace(/^\uFEFF/, '')), (first = false);
      const parts = text.split('\n');
      if (parts.length === 1) {
        pending += text; // a long line goes on
        continue;
      }
      yield withoutCr(pending + parts[0]!);
      for (let i = 1; i < parts.length - 1; i++) yield withoutCr(parts[i]!);
      pending = parts.at(-1)!;
    }
    pending += decoder.end();
    if (pending.length > 0) yield withoutCr(pending);
  } finally {
    closeSync(fd);
  }
}

const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

function openFile(file: DataFile): number {
  try {
    return openSync(file.path, 'r');
  } catch (e) {
    throw new DataError(`${file.shown}: ${readProblem(e, file)}`);
  }
}

function readChunk(fd: number, buffer: Buffer, file: DataFile): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, null);
  } catch (e) {
    throw new DataError(`${file.shown}: ${readProblem(e, file)}`);
  }
}
