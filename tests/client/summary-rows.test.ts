// The summary table's rows: blocks from the layer paths, subtotals, counts
// with thousands separators; and the model names a pick offers.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelNames, modelsNearestFirst } from '../../client/summary/model-names.js';
import { formatCount, isHidden, tableRows, totals } from '../../client/webviews/summary/rows.js';
import { summarize, type Summary } from '../../core/summary.js';
import { nodeHost } from '../../cli/node-host.js';
import { memoryHost } from '../helpers/memory-host.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function summaryOf(file: string, host: Parameters<typeof summarize>[1], model?: string): Summary {
  const r = summarize(file, host, model);
  if (!r.ok) throw new Error(r.message);
  return r.summary;
}

describe('summary rows', () => {
  it('formats counts with thousands separators and keeps symbolic ones', () => {
    expect(formatCount(11689512)).toBe('11,689,512');
    expect(formatCount(0)).toBe('0');
    expect(formatCount('C*64 + 64')).toBe('C*64 + 64');
  });

  it('shows ResNet18 with its stages and blocks nested, and its totals', () => {
    const summary = summaryOf(join(root, 'examples', 'resnet.nn'), nodeHost, 'ResNet18');
    const rows = tableRows(summary);
    expect(totals(summary)).toMatchObject({ trainable: '11,689,512', params: '11,699,112', nonTrainable: '9,600' });
    const stage = rows.find((r) => r.path === 'BasicStage_1')!;
    expect(stage).toMatchObject({ type: 'block', kind: 'BasicStage', depth: 0, parent: '', output: '' });
    const block = rows.find((r) => r.path === 'BasicStage_1/BasicBlock_1')!;
    expect(block).toMatchObject({ type: 'block', depth: 1, parent: 'BasicStage_1' });
    const conv = rows.find((r) => r.path === 'BasicStage_1/BasicBlock_1/Conv2D_1')!;
    expect(conv).toMatchObject({ type: 'layer', label: 'Conv2D_1', depth: 2, kind: 'Conv2D', params: '36,864', output: '[B, 56, 56, 64]' });
    expect(conv.source?.file).toBe(join(root, 'examples', 'resnet.nn'));
    // a block comes right before its first layer, and its subtotal is the sum of its layers
    expect(rows.indexOf(block)).toBe(rows.indexOf(stage) + 1);
    const inStage = summary.layers.filter((l) => l.path.startsWith('BasicStage_1/')).reduce((s, l) => s + (l.params as number), 0);
    expect(stage.params).toBe(inStage.toLocaleString('en-US'));
    // every layer has a row, in order
    expect(rows.filter((r) => r.type === 'layer').map((r) => r.path)).toEqual(summary.layers.map((l) => l.path));
  });

  it('hides the rows under a collapsed block, at any depth', () => {
    const rows = tableRows(summaryOf(join(root, 'examples', 'resnet.nn'), nodeHost, 'ResNet18'));
    const conv = rows.find((r) => r.path === 'BasicStage_1/BasicBlock_1/Conv2D_1')!;
    const block = rows.find((r) => r.path === 'BasicStage_1/BasicBlock_1')!;
    expect(isHidden(conv, new Set())).toBe(false);
    expect(isHidden(conv, new Set(['BasicStage_1']))).toBe(true);
    expect(isHidden(conv, new Set(['BasicStage_1/BasicBlock_1']))).toBe(true);
    expect(isHidden(block, new Set(['BasicStage_1/BasicBlock_1']))).toBe(false);
    expect(isHidden(conv, new Set(['BasicStage_2']))).toBe(false);
  });

  it('says which layer a shared application shares its weights with', () => {
    const source = `model Twice {\n  input x: [B, 8]\n  let d = Dense(8)\n  output x -> d -> d\n}\n`;
    const rows = tableRows(summaryOf('/m.nn', memoryHost({ '/m.nn': source })));
    expect(rows.map((r) => [r.path, r.params])).toEqual([
      ['d_1', '72'],
      ['d_2', '0 (shares d_1)'],
    ]);
  });
});

describe('model names', () => {
  const text = `// model Commented\nblock B {\n}\nmodel First {\n}\n  model Second(n: int = 2) {\n}\n`;

  it('finds the models a file defines, not blocks or comments', () => {
    expect(modelNames(text).map((m) => m.name)).toEqual(['First', 'Second']);
  });

  it('offers the model around the cursor first', () => {
    expect(modelsNearestFirst(text, text.indexOf('Second') + 3)).toEqual(['Second', 'First']);
    expect(modelsNearestFirst(text, 0)).toEqual(['First', 'Second']);
  });
});
