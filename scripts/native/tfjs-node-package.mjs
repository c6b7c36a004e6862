// Where the installed @tensorflow/tfjs-node keeps its parts: the package
// folder, its TensorFlow libraries (deps/lib), headers (deps/include) and the
// compiled binding, at the path its own loader (node-pre-gyp's `find`) uses.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

export const PACKAGE = '@tensorflow/tfjs-node';
/** Written by the installer next to the libraries; `nn doctor` reads it. */
export const RECORD_FILE = 'nn-install.json';

/** The package as installed for the project at `root`, or undefined when it is not installed. */
export function findTfjsNode(root) {
  const require = createRequire(join(root, 'package.json'));
  let packageJson;
  try {
    packageJson = require.resolve(`${PACKAGE}/package.json`);
  } catch {
    return undefined;
  }
  const dir = dirname(packageJson);
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8'));
  // Its own dependency, resolved from the package (it may not be hoisted).
  const preGyp = createRequire(packageJson)('@mapbox/node-pre-gyp');
  const napi = createRequire(packageJson)('@mapbox/node-pre-gyp/lib/util/napi.js');
  const napiVersion = napi.get_best_napi_build_version(manifest, {});
  const bindingPath = preGyp.find(packageJson);
  return {
    dir,
    packageJson,
    version: manifest.version,
    napiVersion,
    bindingPath,
    moduleName: manifest.binary.module_name,
    depsDir: join(dir, 'deps'),
    libDir: join(dir, 'deps', 'lib'),
    includeDir: join(dir, 'deps', 'include'),
    recordPath: join(dir, 'deps', RECORD_FILE),
    /** The cache key: a binding built for N-API is good for every Node that supports that N-API version. */
    key: `${manifest.version}-${platform()}-${arch()}-napi-v${napiVersion}`,
  };
}
