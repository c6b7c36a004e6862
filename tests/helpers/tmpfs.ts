// Small file systems for tests of a full disk and a read-only folder: a
// tmpfs of a few kilobytes, or mounted read-only. Mounting needs root (and
// a system that allows it): where it does not work, the tests that need
// one are skipped, and say why.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mounted: string[] = [];

/** Mounts a tmpfs at a new folder; undefined when this system does not let the tests mount one. */
export function mountTmpfs(options: { size: string; readOnly?: boolean }): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = join(mkdtempSync(join(tmpdir(), 'nn-tmpfs-')), 'mnt');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${options.size}${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  mounted.push(dir);
  return dir;
}

/** Unmounts every tmpfs the tests mounted. */
export function unmountAll(): void {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
}

/** Whether the tests can mount a tmpfs here: a probe, unmounted at once. */
export function canMountTmpfs(): boolean {
  const dir = mountTmpfs({ size: '4k' });
  if (dir === undefined) return false;
  unmountAll();
  return true;
}

export const NEEDS_TMPFS = 'needs root on Linux, to mount a tmpfs; skipped elsewhere';
