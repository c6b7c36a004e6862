// File moves for large libraries: hard links where the file system allows
// (instant, no second copy of ~850 MB), copies otherwise; symbolic links are
// recreated as links.

import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export function linkOrCopy(from, to) {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Replaces folder `to` with the files and symbolic links of folder `from` (not recursive: library folders are flat). */
export function mirrorFlatFolder(from, to) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), join(to, name));
    else if (stat.isFile()) linkOrCopy(source, join(to, name));
  }
}
