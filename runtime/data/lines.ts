// A text file line by line, read in chunks: a file of any size is never
// held as one string, and no line longer than the limit is ever held: a
// 1 GB line is a message when it passes the limit, not a 1 GB string.
// UTF-8 (a leading byte-order mark is dropped). Lines end in \n, \r\n or a
// lone \r (old Mac files, and RFC 4180 readers, end lines so); each line
// comes with its ending, so that a CSV field in quotes keeps the one written.

import { msg } from '../../core/i18n/message.js';
import { closeSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { DataError } from './dataset.js';
import { type DataFile, openDataFile, readProblem, tooLarge } from './files.js';
import { MAX_DATA_BYTES, MAX_LINE_LENGTH } from './limits.js';

const CHUNK_BYTES = 1 << 16;

export interface Line {
  /** the line's text without its ending */
  text: string;
  /** its ending: '' for a last line without one */
  end: '\n' | '\r\n' | '\r' | '';
  /** 1-based */
  number: number;
}

export interface LineLimits {
  /** the most characters in one line */
  line: number;
  /** the most bytes in the file */
  file: number;
}

const LIMITS: LineLimits = { line: MAX_LINE_LENGTH, file: MAX_DATA_BYTES };

export function* readLines(file: DataFile, chunkBytes = CHUNK_BYTES, limits: LineLimits = LIMITS): Generator<Line> {
  const fd = openDataFile(file);
  try {
    const buffer = Buffer.alloc(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let pending = ''; // the current line so far
    let number = 1;
    let bytes = 0;
    let first = true;
    /** a chunk ended in \r: whether it is \r\n shows only in the next chunk */
    let cr = false;
    const append = (piece: string): void => {
      if (pending.length + piece.length > limits.line) throw new DataError(msg`${file.shown}:${number}: the line is longer than ${limits.line.toLocaleString('en-US')} characters, the most nn reads in one line`);
      pending += piece;
    };
    const take = (end: Line['end']): Line => {
      const line: Line = { text: pending, end, number };
      pending = '';
      number++;
      return line;
    };
    for (let n = readChunk(fd, buffer, file); n > 0; n = readChunk(fd, buffer, file)) {
      bytes += n;
      if (bytes > limits.file) throw tooLarge(file, limits.file + 1, limits.file); // its size is not known: over the limit
      let text = decoder.write(buffer.subarray(0, n));
      if (first && text.length > 0) (text = text.replace(/^\uFEFF/, '')), (first = false);
      if (text.length === 0) continue;
      // split at \n natively (the common case), then at any \r inside a part
      const parts = text.split('\n');
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k]!;
        const newline = k < parts.length - 1;
        if (cr) {
          cr = false;
          const crlf = k === 0 && part === '' && newline;
          yield take(crlf ? '\r\n' : '\r');
          if (crlf) continue;
        }
        const pieces = part.includes('\r') ? part.split('\r') : [part];
        const last = pieces.length - 1;
        for (let j = 0; j < last; j++) {
          append(pieces[j]!);
          if (j < last - 1 || pieces[last] !== '') yield take('\r');
          else if (newline) {
            // the part ends in \r and a \n follows: one \r\n
            yield take('\r\n');
          } else cr = true; // the text ends in \r: whether \n follows shows in the next chunk
        }
        if (last > 0 && pieces[last] === '') continue;
        append(pieces[last]!);
        if (newline) yield take('\n');
      }
    }
    append(decoder.end());
    if (cr) yield take('\r');
    else if (pending.length > 0) yield take('');
  } finally {
    closeSync(fd);
  }
}

function readChunk(fd: number, buffer: Buffer, file: DataFile): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, null);
  } catch (e) {
    throw new DataError(msg`${file.shown}: ${readProblem(e, file)}`);
  }
}
