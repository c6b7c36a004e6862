// The summary as a text table, Keras style.

import { msg } from '../core/i18n/message.js';
import type { JsonDim, Summary } from '../core/summary.js';
import { displayWidth, padEnd, padStart } from './text-width.js';

const shape = (dims: JsonDim[]) => `[${dims.join(', ')}]`;
const count = (n: JsonDim) => (typeof n === 'number' ? n.toLocaleString('en-US') : n);

export function summaryTable(s: Summary): string {
  const header = [msg`Layer`, msg`Kind`, msg`Output shape`, msg`Params`, 'FLOPs'];
  const rows = s.layers.map((l) => [l.path, l.kind, shape(l.output), l.sharedWith ? msg`0 (shares ${l.sharedWith})` : count(l.params), count(l.flops)]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const inputs = s.inputs.map((i) => `${i.name} ${shape(i.shape)}`).join(', ');
  const outputs = s.outputs.map((o) => `${o.name} ${shape(o.shape)}`).join(', ');
  return [
    msg`Model: ${s.model}`,
    msg`Inputs: ${inputs}`,
    rule,
    line(header),
    rule,
    ...rows.map(line),
    rule,
    msg`Outputs: ${outputs}`,
    msg`Total params: ${count(s.params)}`,
    msg`Trainable params: ${count(s.trainableParams)}`,
    msg`Non-trainable params: ${count(s.nonTrainableParams)}`,
    msg`FLOPs per example: ${count(s.flops)}`,
    '',
  ].join('\n');
}
