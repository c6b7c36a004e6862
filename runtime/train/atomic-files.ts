// Writing files so that a crash at any moment leaves either the old state
// or the new one, never half of one: write under a temporary name, flush
// to disk, then rename (atomic within one file system).

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeFileDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `path` atomically with `data`. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileDurably(temporary, data);
  renameSync(temporary, path);
  syncDirectory(dirname(path));
}

/** Creates the directory `path` holding `files`, all at once: it does not exist until it is complete. */
export function writeDirectoryAtomically(path: string, files: Record<string, string | Uint8Array>): void {
  const parent = dirname(path);
  mkdirSync(parent, { recursive: true });
  const temporary = join(parent, `.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(temporary);
  try {
    for (const [name, data] of Object.entries(files)) writeFileDurably(join(temporary, name), data);
    syncDirectory(temporary);
    rmSync(path, { recursive: true, force: true });
    renameSync(temporary, path);
    syncDirectory(parent);
  } catch (e) {
    rmSync(temporary, { recursive: true, force: true });
    throw e;
  }
}

function syncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
