// The summary as a text table, Keras style.

import type { JsonDim, Summary } from '../core/summary.js';

const shape = (dims: JsonDim[]) => `[${dims.join(', ')}]`;
const count = (n: JsonDim) => (typeof n === 'number' ? n.toLocaleString('en-US') : n);

export function summaryTable(s: Summary): string {
  const header = ['Layer', 'Kind', 'Output shape', 'Params', 'FLOPs'];
  const rows = s.layers.map((l) => [l.path, l.kind, shape(l.output), l.sharedWith ? `0 (shares ${l.sharedWith})` : count(l.params), count(l.flops)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const inputs = s.inputs.map((i) => `${i.name} ${shape(i.shape)}`).join(', ');
  const outputs = s.outputs.map((o) => `${o.name} ${shape(o.shape)}`).join(', ');
  return [
    `Model: ${s.model}`,
    `Inputs: ${inputs}`,
    rule,
    line(header),
    rule,
    ...rows.map(line),
    rule,
    `Outputs: ${outputs}`,
    `Total params: ${count(s.params)}`,
    `Trainable params: ${count(s.trainableParams)}`,
    `Non-trainable params: ${count(s.nonTrainableParams)}`,
    `FLOPs per example: ${count(s.flops)}`,
    '',
  ].join('\n');
}
