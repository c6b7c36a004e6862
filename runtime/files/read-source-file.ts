// A .nn file's text as the checker's hosts give it: read only if it is a
// regular file of at most `limit` bytes (the parser's limit), UTF-8.

import type { Unreadable } from '../../core/host.js';
import { readRegularFile } from './read-regular-file.js';

export function readSourceFile(path: string, limit: number): string | Unreadable {
  const read = readRegularFile(path, limit);
  if (read.kind === 'read') return read.bytes.toString('utf8');
  if (read.kind === 'too-large') return { tooLarge: read.size };
  return { problem: read.problem };
}
