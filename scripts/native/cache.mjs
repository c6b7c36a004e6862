// The cache outside the clone: a working binding and its libraries, kept per
// tfjs-node version, platform, architecture and N-API version, so a second
// clone (or `rm -rf node_modules`) installs in seconds. The downloaded
// tensorflow-cpu wheel is kept next to it.
//
//   $NN_NATIVE_CACHE, else $XDG_CACHE_HOME/nn-lang, else ~/.cache/nn-lang
//     tfjs-node/<version>-<platform>-<arch>-napi-v<N>/{lib/, <binding>.node, record.json}
//     wheels/

import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { mirrorFlatFolder } from './files.mjs';

export function cacheRoot() {
  if (process.env.NN_NATIVE_CACHE) return resolve(process.env.NN_NATIVE_CACHE);
  const base = process.env.XDG_CACHE_HOME
    || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined)
    || (process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : join(homedir(), '.cache'));
  return join(base, 'nn-lang');
}

export const cacheEntry = (pkg) => join(cacheRoot(), 'tfjs-node', pkg.key);
export const wheelFolder = () => join(cacheRoot(), 'wheels');

/** The record of the cached build, or undefined when there is none. */
export function cachedRecord(pkg) {
  try {
    return JSON.parse(readFileSync(join(cacheEntry(pkg), 'record.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Puts the cached libraries and binding where tfjs-node looks for them. */
export function restoreFromCache(pkg) {
  const entry = cacheEntry(pkg);
  mirrorFlatFolder(join(entry, 'lib'), pkg.libDir);
  mkdirSync(dirname(pkg.bindingPath), { recursive: true });
  rmSync(pkg.bindingPath, { force: true }); // it may be a hard link to node-gyp's build output
  copyFileSync(join(entry, basename(pkg.bindingPath)), pkg.bindingPath);
}

/** Stores the package's working libraries and binding; written aside, then renamed, so a half-written entry is never used. */
export function storeInCache(pkg, record) {
  const entry = cacheEntry(pkg);
  const staging = `${entry}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mirrorFlatFolder(pkg.libDir, join(staging, 'lib'));
  copyFileSync(pkg.bindingPath, join(staging, basename(pkg.bindingPath)));
  writeFileSync(join(staging, 'record.json'), `${JSON.stringify(record, null, 2)}\n`);
  forgetCache(pkg);
  renameSync(staging, entry);
}

export function forgetCache(pkg) {
  rmSync(cacheEntry(pkg), { recursive: true, force: true });
}

export const isCached = (pkg) => existsSync(join(cacheEntry(pkg), 'record.json'));
