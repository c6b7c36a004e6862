// A run owns its folder. The runs of a train block live in its runs folder
// (`runs/<name>/` next to the .nn file, or `--out DIR`), each in a folder of
// its own named by its run id:
//
//   runs/<name>/latest.json               the newest run with a complete checkpoint (latest-run.ts)
//   runs/<name>/<run-id>/run.lock         who trains in it: {pid, host}, while it does
//   runs/<name>/<run-id>/events/<run-id>.jsonl
//   runs/<name>/<run-id>/checkpoints/     (or `checkpoints: { dir }`, inside the run folder)
//   runs/<name>/<run-id>/samples/
//
// A run writes only inside its own folder, so two runs of one model at once
// never meet, and a new run never replaces or prunes another's checkpoints.
// The folder is claimed by creating it (mkdir fails when it exists: a
// second process takes another name) and made before training, so a runs
// folder that cannot be written is an error before the first epoch.
// `runs/<name>/checkpoints/` and `runs/<name>/events/` are the layout of
// earlier versions: read, never written.

import { msg } from '../../core/i18n/message.js';
import { hostname } from 'node:os';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { temporaryOwner, writeFileDurably } from '../files/atomic-files.js';
import { CheckpointError, reason } from './checkpoint.js';
import { newRunId } from './events-file.js';
import { readFileOrThrow, SMALL_FILE_BYTES } from '../files/read-regular-file.js';

/** A runs folder or run folder that cannot be made or written. */
export class RunFolderError extends CheckpointError {}

/** A run id (`20250131-142501-3fa9`, `-2` when that name was taken): the name of a run folder. */
export const RUN_ID = /^\d{8}-\d{6}-[0-9a-f]{4}(?:-\d+)?$/;

/** The file that says which process trains in a run folder. */
export const RUN_LOCK = 'run.lock';

export interface RunFolder {
  runId: string;
  /** `<runs folder>/<runId>` (absolute) */
  runDir: string;
  /** ends the claim: the lock goes, and the folder too when the run left nothing in it */
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
}

/**
 * Makes a new run folder in `runsDir` and claims it for this process.
 * First removes what killed runs left half-written in their folders.
 */
export function claimRunFolder(runsDir: string, at: Date, newId: (at: Date) => string = newRunId): RunFolder {
  let kind: 'missing' | 'folder' | 'other';
  try {
    kind = statSync(runsDir).isDirectory() ? 'folder' : 'other';
  } catch {
    kind = 'missing';
  }
  if (kind === 'other') throw new RunFolderError(msg`${runsDir} is a file, not a folder: runs are kept in a folder (--out DIR)`);
  try {
    makeFolders(runsDir);
  } catch (e) {
    throw new RunFolderError(msg`cannot create the runs folder ${runsDir}: ${reason(e)}`);
  }
  removeLeftovers(runsDir);
  const base = newId(at);
  for (let attempt = 1; attempt <= 100; attempt++) {
    const runId = attempt === 1 ? base : `${base}-${attempt}`;
    const runDir = join(runsDir, runId);
    try {
      mkdirSync(runDir); // not recursive: it fails when another run took this name
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new RunFolderError(msg`cannot create a run folder in ${runsDir}: ${reason(e)}`);
    }
    try {
      writeFileDurably(join(runDir, RUN_LOCK), JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
    } catch (e) {
      rmSync(runDir, { recursive: true, force: true });
      throw new RunFolderError(msg`cannot write in the run folder ${runDir}: ${reason(e)}`);
    }
    return { runId, runDir, release: () => release(runDir) };
  }
  throw new RunFolderError(msg`cannot create a run folder in ${runsDir}: ${base} and 99 names after it are taken`);
}

/**
 * `mkdir -p`, one folder at a time: a recursive mkdirSync on a read-only
 * file system reports ENOENT (the misleading `ENOENT ... mkdir`), this the
 * real reason (EROFS, EACCES).
 */
function makeFolders(path: string): void {
  const missing: string[] = [];
  for (let p = path; !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function release(runDir: string): void {
  try {
    unlinkSync(join(runDir, RUN_LOCK));
    rmdirSync(runDir); // only when empty: a run that failed before it began leaves no folder
  } catch {
    // the folder holds the run's events or checkpoints (or is gone): it stays as it is
  }
}

/** The run folders of a runs folder, newest first (run ids begin with their start time). */
export function runFoldersIn(runsDir: string): string[] {
  return list(runsDir)
    .filter((name) => RUN_ID.test(name) && isFolder(join(runsDir, name)))
    .sort()
    .reverse();
}

/** Whether a process may still be writing in `runDir`: its lock names a live process, or one on another machine (which cannot be asked). */
export function ownerAlive(runDir: string): boolean {
  let owner: Partial<Owner>;
  try {
    owner = JSON.parse(readFileOrThrow(join(runDir, RUN_LOCK), SMALL_FILE_BYTES).toString('utf8')) as Partial<Owner>;
  } catch (e) {
    // no lock: a run that ended, or one being created this instant (it has written nothing yet)
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  if (typeof owner.pid !== 'number') return false;
  if (owner.host !== hostname()) return true;
  return processAlive(owner.pid);
}

/**
 * Temporary files and folders (a checkpoint being written: megabytes) left
 * by runs that were killed: in run folders whose owner is gone, and in the
 * earlier layout's `checkpoints/` when the pid in their name is no process.
 */
export function removeLeftovers(runsDir: string): void {
  for (const runId of runFoldersIn(runsDir)) {
    const runDir = join(runsDir, runId);
    if (!ownerAlive(runDir)) removeTemporaries(runDir, 2, () => true);
  }
  const deadWriter = (pid: number) => pid !== process.pid && !processAlive(pid);
  removeTemporaries(runsDir, 0, deadWriter);
  removeTemporaries(join(runsDir, 'checkpoints'), 0, deadWriter);
}

/** Removes the temporaries in `dir` (and `depth` levels of folders below) whose writer `gone` says is gone. */
function removeTemporaries(dir: string, depth: number, gone: (pid: number) => boolean): void {
  for (const name of list(dir)) {
    const path = join(dir, name);
    const pid = temporaryOwner(name);
    if (pid !== undefined) {
      if (gone(pid)) rmSync(path, { recursive: true, force: true });
    } else if (depth > 0 && isFolder(path)) removeTemporaries(path, depth - 1, gone);
  }
}

/** Signal 0 asks without sending anything; EPERM: it runs, as another user. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
