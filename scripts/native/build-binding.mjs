// Compiles tfjs-node's binding with node-gyp against the libraries and
// headers in its deps/ folder, into the folder its loader looks in
// (lib/napi-v<N>/). The same variables node-pre-gyp would pass.

import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { findNodeGyp, nodeDirArguments } from './node-gyp.mjs';
import { runTool } from './run-tool.mjs';
import { tail } from './say.mjs';

export async function buildBinding(pkg) {
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) throw new Error("node-gyp not found (it ships with npm; run this through npm, or set npm_config_node_gyp to node-gyp's bin/node-gyp.js)");
  rmSync(pkg.bindingPath, { force: true });
  const args = [
    nodeGyp,
    'rebuild',
    `--module_name=${pkg.moduleName}`,
    `--module_path=${dirname(pkg.bindingPath)}`,
    `--napi_build_version=${pkg.napiVersion}`,
    ...nodeDirArguments(),
  ];
  const r = await runTool(process.execPath, args, { cwd: pkg.dir, timeoutSeconds: 900 });
  if (r.status !== 0) {
    const detail = tail(r.output, 12).map((l) => `    ${l}`).join('\n');
    throw new Error(`node-gyp rebuild failed${r.timedOut ? ' (time limit)' : ''}:\n${detail}`);
  }
}
