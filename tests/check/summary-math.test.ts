// The summary counts the math outside layers: each function call, operator
// and slice on tensors is a row with its output shape and FLOPs (per
// example, by the layers' convention: a multiply-add is 2), numbered apart
// from the layers, in the order they run; math on numbers has no row. The
// summary view's table nests them under their blocks with the layers.

import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../cli/summary-table.js';
import { tableRows } from '../../client/webviews/summary/rows.js';
import { FUNCTIONS } from '../../core/functions/index.js';
import { buildGraphView } from '../../core/ide/graph-view-build.js';
import { traceForView } from '../../core/ide/graph-view-trace.js';
import { type Summary, summarize } from '../../core/summary.js';
import { memoryHost } from '../helpers/memory-host.js';

function summaryOf(source: string, model?: string): Summary {
  const result = summarize('/m.nn', memoryHost({ '/m.nn': source }), model);
  if (!result.ok) throw new Error(`${result.message}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.summary;
}

const rowsOf = (s: Summary) => s.layers.map((l) => [l.path, l.kind, l.flops]);

/** A GPT-style head tied to its token embedding, written with function math (vocabulary 1000, width 64, 16 tokens). */
const TIED_HEAD = `model TiedHead(vocab: int = 1000, d: int = 64) {
  input tokens: [B, 16] int
  let wte = Weight([vocab, d])()
  let h = one_hot(tokens, vocab) @ wte -> LayerNorm
  output h @ transpose(wte, [1, 0])
}
`;

describe('function and operator math in the summary', () => {
  it('counts the tied head of a GPT-style decoder: 2 FLOPs per multiply-add of each product', () => {
    const s = summaryOf(TIED_HEAD);
    expect(rowsOf(s)).toEqual([
      ['Weight_1', 'Weight', 0],
      ['one_hot_1', 'one_hot', 0],
      ['matmul_1', '@', 2 * 16 * 1000 * 64],
      ['LayerNorm_1', 'LayerNorm', s.layers[3]!.flops],
      ['transpose_1', 'transpose', 0],
      ['matmul_2', '@', 2 * 16 * 64 * 1000],
    ]);
    expect(s.layers[5]).toMatchObject({ output: ['B', 16, 1000], params: 0, math: 'operator' });
    expect(s.layers[1]).toMatchObject({ output: ['B', 16, 1000], math: 'function' });
    expect(s.layers[0]!.math).toBeUndefined();
    // the totals are the rows' sums: the head's products are no longer missing
    expect(s.flops).toBe(s.layers.reduce((sum, l) => sum + (l.flops as number), 0));
    expect(s.params).toBe(1000 * 64 + 2 * 64);
  });

  it('counts attention written from primitives as the MultiHeadAttention layer counts its scores and weighted sum', () => {
    const source = `model Scores(d: int = 32) {
  input q: [B, 10, d]
  input k: [B, 12, d]
  input v: [B, 12, d]
  output softmax(q @ transpose(k, [0, 2, 1]) / sqrt(d)) @ v
}
`;
    expect(rowsOf(summaryOf(source))).toEqual([
      ['transpose_1', 'transpose', 0],
      ['matmul_1', '@', 2 * 10 * 12 * 32],
      ['divide_1', '/', 10 * 12],
      ['softmax_1', 'softmax', 3 * 10 * 12],
      ['matmul_2', '@', 2 * 10 * 12 * 32],
    ]);
  });

  it('gives math on numbers no row, and names each operator and slice', () => {
    const source = `model Ops(d: int = 8) {
  input a: [B, 4, d]
  input m: [B, 4] bool
  let scale = 1 / sqrt(d / 2)
  let x = -(a * scale + a[:, 0:1, :]) - a ** 2
  output where(not m, sum(x, 2), 0.0) >= 1.0
}
`;
    expect(rowsOf(summaryOf(source))).toEqual([
      ['multiply_1', '*', 4 * 8],
      ['slice_1', 'slice', 0],
      ['add_1', '+', 4 * 8],
      ['neg_1', 'neg', 4 * 8],
      ['power_1', '**', 4 * 8],
      ['subtract_1', '-', 4 * 8],
      ['not_1', 'not', 4],
      ['sum_1', 'sum', 4 * 8],
      ['where_1', 'where', 4],
      ['greater_equal_1', '>=', 4],
    ]);
  });

  it('keeps the symbolic sizes of FLOPs that depend on them', () => {
    const s = summaryOf(`model M {\n  input x: [B, T, 64]\n  output x @ transpose(x, [0, 2, 1])\n}\n`);
    expect(s.layers.map((l) => l.flops)).toEqual([0, '128*T*T']);
    expect(s.flops).toBe('128*T*T');
  });

  it('numbers math rows apart from layers, so the layers keep their paths, and a math row named like a layer takes the next free number', () => {
    const source = `model M {
  input x: [B, 8]
  let add = Dense(8)
  output add(x) + add(x * 2)
}
`;
    expect(summaryOf(source).layers.map((l) => [l.path, l.kind])).toEqual([
      ['add_1', 'Dense'],
      ['multiply_1', '*'],
      ['add_2', 'Dense'],
      ['add_3', '+'],
    ]);
  });

  it('lists the math inside a block under its path, and the summary view nests it there with its FLOPs in the subtotal', () => {
    const source = `block Gate(d: int) {
  input x: [B, d]
  output x * sigmoid(x -> Dense(d))
}

model M {
  input x: [B, 16]
  output x -> Gate(16) -> Gate(16)
}
`;
    const s = summaryOf(source);
    expect(rowsOf(s)).toEqual([
      ['Gate_1/Dense_1', 'Dense', 2 * 16 * 16 + 16],
      ['Gate_1/sigmoid_1', 'sigmoid', 3 * 16],
      ['Gate_1/multiply_1', '*', 16],
      ['Gate_2/Dense_1', 'Dense', 2 * 16 * 16 + 16],
      ['Gate_2/sigmoid_1', 'sigmoid', 3 * 16],
      ['Gate_2/multiply_1', '*', 16],
    ]);
    const rows = tableRows(s);
    expect(rows.find((r) => r.path === 'Gate_1')).toMatchObject({ type: 'block', flops: (2 * 16 * 16 + 16 + 3 * 16 + 16).toLocaleString('en-US') });
    expect(rows.find((r) => r.path === 'Gate_2/sigmoid_1')).toMatchObject({ type: 'layer', label: 'sigmoid_1', kind: 'sigmoid', parent: 'Gate_2', output: '[B, 16]', params: '0', flops: '48' });
  });

  it('points a math row at the expression that computes it', () => {
    const s = summaryOf(`model M {\n  input x: [B, 4]\n  output relu(x) * 2\n}\n`);
    expect(s.layers.map((l) => [l.path, l.source?.range])).toEqual([
      ['relu_1', { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } }],
      ['multiply_1', { start: { line: 2, character: 9 }, end: { line: 2, character: 20 } }],
    ]);
  });

  it('prints math rows in the table with the layers', () => {
    const table = summaryTable(summaryOf(TIED_HEAD));
    expect(table).toMatch(/matmul_2 +@ +\[B, 16, 1000\] +0 +2,048,000/);
    expect(table).toContain(`FLOPs per example: ${(2 * 2 * 16 * 1000 * 64 + (summaryOf(TIED_HEAD).layers[3]!.flops as number)).toLocaleString('en-US')}`);
  });

  it("gives the graph view's function and operator nodes the same FLOPs, so its total is the summary's", () => {
    const source = `block Gate(d: int) {
  input x: [B, T, d]
  output x * sigmoid(x @ transpose(x, [0, 2, 1]) @ x)
}

model M {
  input x: [B, T, 16]
  output -(x -> Gate(16) -> Dense(16))
}
`;
    const traced = traceForView('/m.nn', memoryHost({ '/m.nn': source }));
    if (!traced.ok) throw new Error(traced.message);
    const view = buildGraphView(traced.trace);
    expect(view.flops).toBe(summaryOf(source).flops);
    expect(view.nodes.filter((n) => n.category === 'function' || n.category === 'operator').map((n) => [n.kind, n.flops])).toEqual([
      ['transpose', 0],
      ['@', '32*T*T'],
      ['@', '32*T*T'],
      ['sigmoid', '48*T'],
      ['*', '16*T'],
      ['-', '16*T'],
    ]);
  });

  it('has every function that makes tensors declare its FLOPs', () => {
    const undeclared = [...FUNCTIONS.values()].filter((f) => !f.checkTimeOnly && f.flops === undefined).map((f) => f.name);
    expect(undeclared).toEqual([]);
  });
});
