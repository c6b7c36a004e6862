// The checker's view of the disk: only regular files are read, and none
// larger than the parser takes (a device, a named pipe or a huge file is a
// message, never a hang or an out-of-memory).

import { dirname, resolve } from 'node:path';
import type { Host, Unreadable } from '../core/host.js';
import { msg } from '../core/i18n/message.js';
import { MAX_TEXT_LENGTH } from '../grammar/index.js';
import { readSourceFile } from '../runtime/files/read-source-file.js';

export const nodeHost: Host = {
  readFile(path) {
    const text = readSource(path);
    return typeof text === 'string' ? text : undefined;
  },
  readSource,
  resolveImport(fromFile, spec) {
    return resolve(dirname(fromFile), spec);
  },
};

/** A .nn file's text, or why there is none. */
export function readSource(path: string): string | Unreadable {
  return readSourceFile(path, MAX_TEXT_LENGTH);
}

/** Why `path` cannot be read, in words that follow its name: "is a device, not a regular file". */
export function sourceProblem(path: string): string {
  const text = readSource(path);
  if (typeof text === 'string') return msg`cannot be read`;
  return describeUnreadable(text);
}

/** An Unreadable in words that follow the file's name. */
export function describeUnreadable(why: Unreadable): string {
  if ('problem' in why) return why.problem;
  return msg`is ${megabytes(why.tooLarge)} MB; nn reads .nn files up to ${MAX_TEXT_LENGTH / 1_000_000} MB`;
}

const megabytes = (bytes: number): string => (bytes >= 10_000_000 ? (bytes / 1_000_000).toFixed(0) : (bytes / 1_000_000).toFixed(1));
