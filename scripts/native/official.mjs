// The official route: tfjs-node's own installer, which downloads libtensorflow
// and a prebuilt binding from Google's storage (or the mirror named by
// TFJS_NODE_CDN_STORAGE / TFJS_NODE_BASE_URI / scripts/custom-binary.json).
// Where that storage cannot be reached it fails within seconds; a time limit
// covers networks that drop packets instead.

import { delimiter, join } from 'node:path';
import { findNodeGyp } from './node-gyp.mjs';
import { failureLine, runTool } from './run-tool.mjs';

export async function runOfficialInstaller(pkg, timeoutSeconds) {
  const bin = join(pkg.dir, '..', '..', '.bin'); // node_modules/.bin, where node-pre-gyp is linked
  const nodeGyp = findNodeGyp();
  const env = {
    ...process.env,
    PATH: [join(pkg.dir, 'node_modules', '.bin'), bin, process.env.PATH].join(delimiter),
    ...(nodeGyp ? { npm_config_node_gyp: nodeGyp } : {}),
  };
  const result = await runTool(process.execPath, [join(pkg.dir, 'scripts', 'install.js')], { cwd: pkg.dir, env, timeoutSeconds });
  if (result.status === 0 && !result.timedOut) return { ok: true };
  return { ok: false, error: result.timedOut ? `no result within ${timeoutSeconds} s` : failureLine(result) };
}
