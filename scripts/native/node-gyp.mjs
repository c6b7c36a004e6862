// node-gyp, as shipped inside npm: npm names it to its scripts
// (npm_config_node_gyp); otherwise it is found next to the npm that runs us,
// or next to this Node.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findNodeGyp() {
  const inside = (npmRoot) => join(npmRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && inside(join(dirname(process.env.npm_execpath), '..')),
    inside(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')),
    inside(join(dirname(process.execPath), 'node_modules', 'npm')),
  ];
  return candidates.find((c) => c && existsSync(c));
}

/**
 * node-gyp compiles against Node's headers, which it downloads unless told
 * where they are. npm passes its `nodedir` setting on; without one, the
 * headers installed with this Node are used when they are there.
 */
export function nodeDirArguments() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? [`--nodedir=${prefix}`] : [];
}
