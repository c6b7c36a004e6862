// Does the installed binding work? Asked in a fresh Node process (a binding
// that crashes or fails to link must not take the installer down): load
// tfjs-node, check that the backend is the native one, multiply two small
// matrices and compare with the known product.

import { spawnSync } from 'node:child_process';
import { oneLine, tail } from './say.mjs';

const PROBE = `
const util = require('node:util');
// tfjs-node 4.22 calls util.isNullOrUndefined and util.isArray, removed in Node 23.
if (!util.isNullOrUndefined) util.isNullOrUndefined = (v) => v === null || v === undefined;
if (!util.isArray) util.isArray = Array.isArray;
const tf = require(process.argv[1]);
const product = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]])).dataSync();
console.log(JSON.stringify({ backend: tf.getBackend(), tensorflow: tf.backend().binding?.TF_Version ?? null, product: Array.from(product) }));
`;

/** `{ ok: true, tensorflow }` (the TensorFlow library's version), or `{ ok: false, error }`. */
export function verifyBinding(pkg, timeoutSeconds = 120) {
  const env = { ...process.env, TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? '2' };
  const r = spawnSync(process.execPath, ['-e', PROBE, pkg.dir], { env, encoding: 'utf8', timeout: timeoutSeconds * 1000 });
  if (r.error) return { ok: false, error: oneLine(r.error) };
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  let answer;
  try {
    answer = JSON.parse(last);
  } catch {
    const why = tail(r.stderr, 40).find((l) => /Error|error:|cannot/i.test(l)) ?? tail(r.stderr, 1)[0] ?? `exit status ${r.status}`;
    return { ok: false, error: why.trim() };
  }
  if (answer.backend !== 'tensorflow') return { ok: false, error: `tfjs-node loaded the '${answer.backend}' backend, not 'tensorflow'` };
  if (answer.product[0] !== 17 || answer.product[1] !== 39) return { ok: false, error: `a test product came out ${answer.product}, not 17,39` };
  return { ok: true, tensorflow: answer.tensorflow };
}
