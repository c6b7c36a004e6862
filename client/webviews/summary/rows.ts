// The summary as the table shows it: the layers of `nn summary --json` under
// a row per block they are nested in (from their paths, `Stage_1/Block_2/
// Conv2D_1`), with each block's subtotals, and every count formatted with
// thousands separators (`11,689,512`). Pure: no DOM, unit-tested.

import { l10n } from '../../l10n.js';
import type { JsonDim, SourceLocation, Summary, SummaryLayer } from '../../../core/summary.js';

export interface TableRow {
  /** the full path: a layer's (`Stage_1/Conv2D_1`) or a block's (`Stage_1`) */
  path: string;
  /** the last segment of the path, shown indented by `depth` */
  label: string;
  depth: number;
  /** a block groups the rows under it; a layer is one application of a layer */
  type: 'block' | 'layer';
  kind: string;
  /** the output shape, `[B, 56, 56, 64]` ('' for a block: its last layer's output need not be the block's, as with a concatenation) */
  output: string;
  params: string;
  flops: string;
  /** the path of the parent block row ('' at the top) */
  parent: string;
  source?: SourceLocation;
}

export interface Totals {
  params: string;
  trainable: string;
  nonTrainable: string;
  flops: string;
}

/** `11689512` -> `11,689,512`; a symbolic count stays as written. */
export function formatCount(n: JsonDim): string {
  return typeof n === 'number' ? n.toLocaleString('en-US') : n;
}

export function formatShape(dims: JsonDim[]): string {
  return `[${dims.join(', ')}]`;
}

function formatOutputs(layer: SummaryLayer): string {
  return layer.outputs ? layer.outputs.map(formatShape).join(', ') : formatShape(layer.output);
}

/** The summary's rows, blocks before their layers, in the order the layers run. */
export function tableRows(summary: Summary): TableRow[] {
  const rows: TableRow[] = [];
  const blocks = new Map<string, { row: TableRow; params: JsonDim; flops: JsonDim }>();
  for (const layer of summary.layers) {
    const segments = layer.path.split('/');
    // open every enclosing block not seen yet (a block applied twice has two paths: Block_1, Block_2)
    for (let depth = 0; depth < segments.length - 1; depth++) {
      const path = segments.slice(0, depth + 1).join('/');
      let block = blocks.get(path);
      if (!block) {
        const row: TableRow = { path, label: segments[depth]!, depth, type: 'block', kind: blockKind(segments[depth]!), output: '', params: '', flops: '', parent: segments.slice(0, depth).join('/') };
        block = { row, params: 0, flops: 0 };
        blocks.set(path, block);
        rows.push(row);
      }
      block.params = sum(block.params, layer.params);
      block.flops = sum(block.flops, layer.flops);
    }
    rows.push({
      path: layer.path,
      label: segments[segments.length - 1]!,
      depth: segments.length - 1,
      type: 'layer',
      kind: layer.kind,
      output: formatOutputs(layer),
      params: layer.sharedWith ? l10n.t('0 (shares {0})', layer.sharedWith) : formatCount(layer.params),
      flops: formatCount(layer.flops),
      parent: segments.slice(0, -1).join('/'),
      ...(layer.source ? { source: layer.source } : {}),
    });
  }
  for (const { row, params, flops } of blocks.values()) {
    row.params = formatCount(params);
    row.flops = formatCount(flops);
  }
  return rows;
}

export function totals(summary: Summary): Totals {
  return {
    params: formatCount(summary.params),
    trainable: formatCount(summary.trainableParams),
    nonTrainable: formatCount(summary.nonTrainableParams),
    flops: formatCount(summary.flops),
  };
}

/** The block's name without its application counter: `BasicBlock_2` -> `BasicBlock`. */
function blockKind(segment: string): string {
  return segment.replace(/_\d+$/, '');
}

/** A sum of counts: numbers add; once a symbolic count is involved the sum is not shown exactly. */
function sum(a: JsonDim, b: JsonDim): JsonDim {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a === 0) return b;
  if (b === 0) return a;
  return '…';
}

/** Whether a row is hidden: one of its enclosing blocks is collapsed. */
export function isHidden(row: TableRow, collapsed: ReadonlySet<string>): boolean {
  for (let parent = row.parent; parent !== ''; parent = parent.slice(0, Math.max(0, parent.lastIndexOf('/')))) {
    if (collapsed.has(parent)) return true;
  }
  return false;
}
