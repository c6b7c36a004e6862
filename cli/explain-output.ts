// How `nn train FILE --explain` shows its step: JSON Lines (`--json`: the
// `explain` events, then `explain-summary`), or for people a table, one row
// per layer in the order of the forward pass (a line per weight tensor
// under a layer with weights), then the first/last gradient ratio and where
// the picture is. A tiny model (the two-layer example of docs/backprop.md)
// is also shown number by number, in the notes' order: forward pass, loss,
// backpropagation, update.

import { msg } from '../core/i18n/message.js';
import { relative } from 'node:path';
import type { ExplainEvent, ExplainLayerEvent, ExplainSummaryEvent, TensorStatistics } from '../runtime/explain/explain-events.js';
import { displayWidth, padEnd, padStart } from './text-width.js';

type Write = { write(text: string): unknown };

export function explainJsonLines(out: Write): (e: ExplainEvent) => void {
  return (e) => out.write(`${JSON.stringify(e)}\n`);
}

/** Collects the layers and prints everything when the summary comes. */
export function explainDisplay(out: Write, cwd: string): (e: ExplainEvent) => void {
  const layers: ExplainLayerEvent[] = [];
  return (e) => {
    if (e.type === 'explain') layers.push(e);
    else out.write(explainText(layers, e, cwd));
  };
}

export function explainText(layers: ExplainLayerEvent[], s: ExplainSummaryEvent, cwd: string): string {
  const lines = [
    msg`one training step of ${s.model}: the first batch of a run with seed ${s.seed}`,
    s.batch === 1 ? msg`data: ${s.data}; a batch of ${s.batch} example` : msg`data: ${s.data}; a batch of ${s.batch} examples`,
    msg`loss: ${s.lossName} ${compact(s.loss)} before the step; update: ${s.optimizer} at learning rate ${s.learningRate}`,
    '',
    ...layerTable(layers),
  ];
  if (layers.every((l) => l.values) && s.values) lines.push('', ...everyNumber(layers, s));
  lines.push('');
  if (s.gradientRatio) lines.push(msg`gradient norm of the first layer with weights (${s.gradientRatio.first}) / the last (${s.gradientRatio.last}): ${compact(s.gradientRatio.ratio)}`);
  lines.push(msg`picture: ${relative(cwd, s.picture) || s.picture} (each layer's gradient norm against its depth)`);
  lines.push(msg`nothing else saved: an explained step is not a run (no checkpoint)`);
  return `${lines.join('\n')}\n`;
}

/** The table's headings, in the language chosen (the norms' symbols stay as they are). */
const header = () => ['#', msg`layer`, msg`kind`, msg`output`, msg`mean`, msg`std`, msg`zeros`, '|w|', '|dL/dw|', '|Δw|', '|Δw|/|w|'];
/** columns written flush right */
const NUMERIC = new Set([0, 4, 5, 6, 7, 8, 9, 10]);

/** The forward statistics, gradient norms and update norms, aligned; a weight tensor's line under its layer. */
function layerTable(layers: ExplainLayerEvent[]): string[] {
  const rows: string[][] = [];
  for (const l of layers) {
    const t = l.total;
    rows.push([String(l.index), l.layer, l.kind, shape(l.output.shape), ...statistics(l.output), ...(t ? [compact(t.norm), compact(t.gradient), compact(t.update), ratio(t.ratio)] : ['', '', '', ''])]);
    if (l.weights.length > 1 || (l.weights.length === 1 && l.weights[0]!.name !== 'kernel'))
      for (const w of l.weights) rows.push(['', `  ${w.name}`, '', shape(w.shape), '', '', '', compact(w.norm), compact(w.gradient), compact(w.update), ratio(w.ratio)]);
  }
  const headings = header();
  const widths = headings.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (NUMERIC.has(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  return [line(headings), rule, ...rows.map(line), rule];
}

function statistics(o: TensorStatistics): string[] {
  return [compact(o.mean), compact(o.std), `${(o.zeros * 100).toFixed(1)}%`];
}

/** Every number of a tiny model, as one follows it by hand. */
function everyNumber(layers: ExplainLayerEvent[], s: ExplainSummaryEvent): string[] {
  const out: string[] = [
    msg`every number (the model is tiny enough to follow by hand): the weights as the model holds them`,
    msg`(float32, exact to 9 significant digits), every value computed from them to 6 significant digits`,
    '',
    msg`1. forward pass`,
  ];
  const label = (name: string) => `   ${padEnd(name, 22)}`;
  s.values!.inputs.forEach((x, i) => out.push(`${label(s.values!.inputs.length === 1 ? msg`input` : msg`input ${i + 1}`)}${numbers(x)}`));
  for (const l of layers) {
    for (const [name, w] of Object.entries(l.values!.weights)) out.push(`${label(`${l.layer} ${name}`)}${numbers(w.before, EXACT_DIGITS)}`);
    out.push(`${label(msg`${l.layer} output`)}${numbers(l.values!.output)}`);
  }
  out.push('', msg`2. loss: ${s.lossName}(output, target ${numbers(s.values!.target)}) = ${digits(s.loss)}`, '', msg`3. backpropagation: d(loss)/d(w), from the output back`);
  const weighted = layers.filter((l) => l.weights.length > 0).reverse();
  for (const l of weighted) for (const [name, w] of Object.entries(l.values!.weights)) out.push(`${label(`${l.layer} ${name}`)}${numbers(w.gradient)}`);
  out.push('', msg`4. gradient descent: the weights after the update (${s.optimizer}, learning rate ${s.learningRate})`);
  for (const l of weighted) for (const [name, w] of Object.entries(l.values!.weights)) out.push(`${label(`${l.layer} ${name}`)}${numbers(w.after)}`);
  return out;
}

/** Significant digits that write a float32 exactly (it reads back as the same float32). */
const EXACT_DIGITS = 9;

/** Nested arrays of numbers as `[[a, b], [c, d]]`, each to `precision` significant digits. */
export function numbers(v: unknown, precision = 6): string {
  return Array.isArray(v) ? `[${v.map((x) => numbers(x, precision)).join(', ')}]` : typeof v === 'number' ? digits(v, precision) : String(v);
}

/** A number to `precision` significant digits, without trailing zeros: 0.5, -0.123457, 1.5e-7. */
export function digits(v: number, precision = 6): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(precision))) : String(v);
}

/** 4 significant digits, in exponent form when very small or large: 0.01234, 3.12e-5. */
export function compact(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}

function ratio(r: number | null): string {
  return r === null ? '-' : compact(r);
}

function shape(dims: number[]): string {
  return `[${dims.join(', ')}]`;
}
