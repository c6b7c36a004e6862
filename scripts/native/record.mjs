// How the native backend was installed, kept as JSON next to its libraries
// (deps/nn-install.json in tfjs-node's folder) and in the cache; `nn doctor`
// reports it (for the GPU build, also where its CUDA libraries are).

import { readFileSync, writeFileSync } from 'node:fs';

export function makeRecord(pkg, { route, tensorflow, library, reasons, gpu }) {
  return {
    route, // 'official' | 'wheel' | 'found': how the libraries and binding were made
    restoredFromCache: false,
    tfjsNode: pkg.version,
    tensorflow,
    library,
    node: process.version,
    napi: pkg.napiVersion,
    platform: `${process.platform}-${process.arch}`,
    installedAt: new Date().toISOString(),
    reasons,
    // the GPU build only (gpu.mjs): { cudaLibraryDirs, cuda, cudnn }, the CUDA libraries it was built to use
    ...(gpu ? { gpu } : {}),
  };
}

export function readRecord(pkg) {
  try {
    return JSON.parse(readFileSync(pkg.recordPath, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writeRecord(pkg, record) {
  writeFileSync(pkg.recordPath, `${JSON.stringify(record, null, 2)}\n`);
}
