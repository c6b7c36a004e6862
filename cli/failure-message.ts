// Every failure a user can cause or meet, as one line and an exit status:
// problems with the data, the backend, a checkpoint, the compiler's limits,
// a run that diverged, a model too large for memory, and the errors of the
// system (a full disk, a read-only folder, a file where a folder should
// be), named with the path they concern. Whatever is not here is a bug: the
// command line reports it as an internal error.

import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { BackendError } from '../runtime/backend.js';
import { CompileError } from '../runtime/compile/kernel.js';
import { DataError } from '../runtime/data/dataset.js';
import { NotFiniteWeightsError } from '../runtime/export/export-model.js';
import { CheckpointError } from '../runtime/train/checkpoint.js';
import { DivergedError } from '../runtime/train/divergence.js';
import { NotEnoughMemoryError } from '../runtime/train/memory-estimate.js';
import { msg } from '../core/i18n/message.js';
import { EXIT, type Io } from './io.js';

export interface Failure {
  /** one line, without `nn: ` */
  message: string;
  exit: number;
  /** what an `error` event says besides the message */
  fields: { epoch?: number; batch?: number; tensor?: string; path?: string };
}

/** What each system error means, in words that follow the path (a function: the words follow the language chosen). */
function systemProblem(code: string): string | undefined {
  switch (code) {
    case 'ENOSPC': return msg`no space left on the device`;
    case 'EDQUOT': return msg`the disk quota is used up`;
    case 'EROFS': return msg`the file system is read-only`;
    case 'EACCES': return msg`permission denied`;
    case 'EPERM': return msg`operation not permitted`;
    case 'EEXIST': return msg`it already exists, and is not a folder`;
    case 'ENOTDIR': return msg`a part of the path is a file, not a folder`;
    case 'EISDIR': return msg`it is a folder, not a file`;
    case 'ENOENT': return msg`no such file or folder`;
    case 'EMFILE': return msg`too many open files in this process (raise the limit with \`ulimit -n\`)`;
    case 'ENFILE': return msg`too many open files on this system`;
    case 'ENOMEM': return msg`not enough memory`;
    case 'EIO': return msg`input/output error (a failing disk or a lost network drive)`;
    case 'ENAMETOOLONG': return msg`the name is too long for this system`;
    case 'ELOOP': return msg`a loop of symbolic links`;
    case 'EFBIG': return msg`the file is larger than this file system allows`;
    case 'EBUSY': return msg`it is busy (in use by another process)`;
    default: return undefined;
  }
}

/** What the system call was doing, for the message: `cannot write`. */
type Verb = 'open' | 'write' | 'read' | 'create the folder' | 'remove' | 'copy' | 'list' | 'use';

const VERBS: Record<string, Verb> = {
  open: 'open',
  write: 'write',
  read: 'read',
  mkdir: 'create the folder',
  rename: 'write',
  fsync: 'write',
  close: 'write',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  copyfile: 'copy',
  scandir: 'list',
  stat: 'read',
  lstat: 'read',
};

/** `cannot write PATH`, one whole sentence per verb; `inside`: the failure was somewhere in the folder `path` (`cannot write to`). */
function cannot(verb: Verb, path: string | undefined, inside: boolean): string {
  switch (verb) {
    case 'open': return msg`cannot open ${path}`;
    case 'write': return inside ? msg`cannot write to ${path}` : msg`cannot write ${path}`;
    case 'read': return msg`cannot read ${path}`;
    case 'create the folder': return msg`cannot create the folder ${path}`;
    case 'remove': return msg`cannot remove ${path}`;
    case 'copy': return msg`cannot copy ${path}`;
    case 'list': return msg`cannot list ${path}`;
    case 'use': return msg`cannot use ${path}`;
  }
}

type SystemError = Error & { code: string; syscall?: string; path?: string; dest?: string };

function isSystemError(e: unknown): e is SystemError {
  return e instanceof Error && typeof (e as SystemError).code === 'string' && systemProblem((e as SystemError).code) !== undefined;
}

/**
 * A path as the user knows it: files are written under a temporary name
 * first (`weights.bin.tmp-123`, `.tmp-123-456/` for a folder) and renamed
 * when complete, so the temporary part is left out.
 */
export function userPath(path: string): string {
  const folder = path.search(/[\\/]\.tmp-[^\\/]*(?:[\\/]|$)/);
  if (folder >= 0) return path.slice(0, folder) || path;
  return path.replace(/\.tmp-\d+(?:-[0-9a-z]+)*$/i, '');
}

/**
 * The failure `e` is, or undefined for a bug. `place`: the file or folder
 * the command was writing, named when the system does not say (a failed
 * write on an open file carries no path).
 */
export function describeFailure(e: unknown, place?: string): Failure | undefined {
  if (e instanceof DivergedError) return { message: e.message, exit: EXIT.diverged, fields: { ...e.at } };
  if (e instanceof DataError || e instanceof BackendError || e instanceof CheckpointError || e instanceof CompileError || e instanceof NotEnoughMemoryError || e instanceof NotFiniteWeightsError) {
    return { message: e.message, exit: EXIT.usage, fields: {} };
  }
  if (isSystemError(e)) {
    const code = realCode(e);
    const path = e.path !== undefined ? userPath(e.path) : place;
    const verb = VERBS[e.syscall ?? ''] ?? 'use';
    // without a path of its own, the error happened somewhere in `place`
    const where = cannot(verb, path, e.path === undefined);
    const message = path !== undefined ? `${where}: ${systemProblem(code)}` : `${systemProblem(code)} (${e.syscall ?? code})`;
    return { message, exit: EXIT.usage, fields: path !== undefined ? { path } : {} };
  }
  if (e instanceof Error && outOfMemory(e)) {
    return { message: msg`ran out of memory: ${e.message.split('\n')[0]}; try a smaller batch or model`, exit: EXIT.usage, fields: {} };
  }
  return undefined;
}

/**
 * The real reason of a system error: a recursive mkdir on a read-only file
 * system (or in a folder without write permission) says ENOENT; the deepest
 * folder that exists tells why it cannot be written.
 */
function realCode(e: SystemError): string {
  if (e.code !== 'ENOENT' || e.syscall !== 'mkdir' || e.path === undefined) return e.code;
  let folder = dirname(e.path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  try {
    accessSync(folder, constants.W_OK);
  } catch (denied) {
    const code = (denied as { code?: string }).code;
    if (code !== undefined && systemProblem(code) !== undefined) return code;
  }
  return e.code;
}

/** TensorFlow's and V8's words for an allocation that failed. */
function outOfMemory(e: Error): boolean {
  return /OOM when allocating|Array buffer allocation failed|Cannot allocate memory/.test(e.message);
}

/** Reports the failure `e` as one line on stderr and returns its exit status; a bug is thrown on. */
export function reportFailure(io: Io, e: unknown, place?: string): number {
  const failure = describeFailure(e, place);
  if (!failure) throw e;
  io.stderr.write(`nn: ${failure.message}\n`);
  return failure.exit;
}
