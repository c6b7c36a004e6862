// Which TensorFlow library the process really loaded. On Linux the kernel's
// map of the process says; elsewhere the folder the binding links against
// stands in.

import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** The main TensorFlow library (not libtensorflow_framework) mapped into this process, if known. */
export function loadedTensorflowLibrary(tfjsNodeDir: string): string | undefined {
  const mapped = mappedLibraries().find((path) => !/framework/.test(path));
  if (mapped) return mapped;
  try {
    return realpathSync(join(tfjsNodeDir, 'deps', 'lib'));
  } catch {
    return undefined;
  }
}

function mappedLibraries(): string[] {
  let maps: string;
  try {
    maps = readFileSync('/proc/self/maps', 'utf8');
  } catch {
    return [];
  }
  const paths = maps.split('\n').map((line) => line.slice(line.indexOf('/'))).filter((p) => /\/[^/]*tensorflow[^/]*\.(so|dylib|dll)[.\d]*$/.test(p));
  return [...new Set(paths)];
}
