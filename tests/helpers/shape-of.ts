// The output shapes of a model, through the real summary.

import { summarize } from '../../core/summary.js';
import { memoryHost } from './memory-host.js';

/** `[B, 10]` for each output of the only model in `source`; throws with the diagnostics if it has errors. */
export function outputShapes(source: string): string[] {
  const result = summarize('/main.nn', memoryHost({ '/main.nn': source }), undefined);
  if (!result.ok) throw new Error(`${result.message}\n${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  return result.summary.outputs.map((o) => `[${o.shape.join(', ')}]`);
}
