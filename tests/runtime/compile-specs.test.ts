// Every model of the bundled specs traces to a graph with the checker's
// weight counts; those small enough to build here compile, and a forward
// pass on a real batch gives the checked output shapes.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDim } from '../../core/graph/runtime-dim.js';
import { traceModel } from '../../core/graph/trace.js';
import { compileGraph } from '../../runtime/compile/compile-graph.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { nodeHost } from '../../cli/node-host.js';
import { testTf } from '../helpers/tf.js';

const tf = testTf();
const EXAMPLES = join(import.meta.dirname, '../../examples');
/** sizes the data would give: sequence lengths and prompt counts */
const SIZES = { T: 6, S: 7, N: 3, Nt: 2 };
/** building a model allocates its weights: these stay below ~20M parameters */
const BUILD_LIMIT = 20_000_000;

const models = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.nn'))
  .flatMap((f) => [...readFileSync(join(EXAMPLES, f), 'utf8').matchAll(/^model (\w+)/gm)].map((m): [string, string] => [f, m[1]!]));

describe('bundled models compile', () => {
  it.each(models)('%s %s', (file, model) => {
    const result = traceModel(join(EXAMPLES, file), nodeHost, { model, sizes: SIZES });
    if (!result.ok) throw new Error(result.message);
    const { graph } = result;
    const total = graph.params.trainable + graph.params.nonTrainable;
    if (total > BUILD_LIMIT) return;
    const compiled = compileGraph(tf, graph, { seed: 1 });
    expect(compiled.countParams()).toBe(total);
    tf.tidy(() => {
      const xs = graph.inputs.map((i) => {
        const shape = i.type.shape.map((d) => resolveDim(d, 2));
        return i.type.dtype === 'int32' ? tf.zeros(shape, 'int32') : tf.randomUniform(shape);
      });
      const out = compiled.predict(xs.length === 1 ? xs[0]! : xs) as Tensor | Tensor[];
      const outs = Array.isArray(out) ? out : [out];
      expect(outs.map((o) => o.shape)).toEqual(graph.outputs.map((o) => o.type.shape.map((d) => resolveDim(d, 2))));
    });
    compiled.dispose();
  });
});
