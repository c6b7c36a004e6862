// Every layer kind, function and operator the compiler supports, exported
// to PyTorch: the same grid of small models as the compiler's differential
// test (tests/runtime/compile-layers.test.ts), each model's generated module
// run on the inputs the TensorFlow.js model ran on, outputs equal to 1e-4
// (random functions: the same shape; PyTorch draws its own numbers). The
// registry test: nothing the compiler supports is left without an emitter.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../core/catalog/index.js';
import { FUNCTIONS } from '../../core/functions/index.js';
import type { Graph } from '../../core/graph/graph.js';
import { traceModel } from '../../core/graph/trace.js';
import { FUNCTION_EMITTERS } from '../../runtime/export/pytorch/function-emitters.js';
import { LAYER_EMITTERS } from '../../runtime/export/pytorch/layer-emitters.js';
import { LAYER_CASES } from '../helpers/layer-cases.js';
import { memoryHost } from '../helpers/memory-host.js';
import { tempFolder } from '../helpers/temp-files.js';
import { testTf } from '../helpers/tf.js';
import { type CaseReport, compareCases, prepareCase, worstDifference } from './export-case.js';
import { ensureTorchPython } from './python.js';

const tf = testTf();
const temp = tempFolder('export-pytorch-kinds');

/** [what the model computes, its inputs] */
const CASES: [string, string][] = [
  ...LAYER_CASES,
  // only here: a random draw that adds nothing (PyTorch draws other numbers)
  ['x + uniform([B, 3]) * 0.0', 'x: [B, 3]'],
];

const graphs: (Graph | string)[] = [];
let reports: Record<string, CaseReport> = {};
const caseDir = (i: number) => join(temp.dir, `case_${i}`);

beforeAll(() => {
  const python = ensureTorchPython();
  CASES.forEach(([call, inputs], i) => {
    const source = `model M {\n  input ${inputs}\n  output ${call}\n}\n`;
    const result = traceModel('/m.nn', memoryHost({ '/m.nn': source }));
    if (!result.ok) {
      graphs.push(`${result.message} ${result.diagnostics.map((d) => d.message).join('; ')}`);
      return;
    }
    graphs.push(result.graph);
    try {
      prepareCase(tf, result.graph, '/m.nn', caseDir(i), { batch: 3 });
    } catch (e) {
      graphs[i] = `export: ${(e as Error).message}`;
    }
  });
  reports = compareCases(python, CASES.map((_, i) => caseDir(i)).filter((_, i) => typeof graphs[i] !== 'string'));
}, 20 * 60_000);

afterAll(() => temp.remove());

describe('every layer kind, function and operator exports to PyTorch and computes the same', () => {
  it.each(CASES.map((c, i) => [...c, i] as const))('%s', (call, _inputs, i) => {
    const graph = graphs[i]!;
    if (typeof graph === 'string') throw new Error(graph);
    const report = reports[caseDir(i)];
    const worst = worstDifference(report, graph);
    expect(report!.trainable).toBe(graph.params.trainable);
    expect(report!.buffers).toBe(graph.params.nonTrainable);
    if (!/normal|uniform/.test(call)) expect(worst).toBeLessThanOrEqual(1e-4);
  });
});

describe('the emitter registry', () => {
  it('has an emitter for every layer kind of the catalog', () => {
    expect([...LAYERS.keys()].filter((name) => !(name in LAYER_EMITTERS))).toEqual([]);
  });

  it('has an emitter for every function a model may call', () => {
    const inModels = [...FUNCTIONS.values()].filter((f) => !f.pipelineOnly && !f.checkTimeOnly).map((f) => f.name);
    expect(inModels.filter((name) => !(name in FUNCTION_EMITTERS))).toEqual([]);
  });
});
