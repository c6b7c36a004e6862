// What a box says: its title (a node's kind, with its name when it has
// one; a block's label) and its detail line (the output shape; a block's
// shape and weight count), and the tooltip with everything known.

import type { GraphViewNode } from '../../../core/ide/graph-view.js';
import { formatCount } from './heatmap.js';
import type { VisibleBox } from './visible-graph.js';

export function boxText(box: VisibleBox): { title: string; detail: string } {
  if (box.type === 'block') return { title: box.group.label, detail: `${box.group.shape} · ${formatCount(box.group.params)} params` };
  return { title: nodeTitle(box.node), detail: box.node.shape };
}

export function nodeTitle(node: GraphViewNode): string {
  if (node.category === 'input' || node.category === 'output') return node.label;
  return node.label !== node.kind ? `${node.label}: ${node.kind}` : node.kind;
}

/** Every fact about the box, one per line. */
export function tooltip(box: VisibleBox): string {
  if (box.type === 'block') {
    const g = box.group;
    return [g.label, `output ${g.shape}`, `${formatCount(g.params)} params (${g.params.toLocaleString('en-US')})`, `${formatCount(g.flops)} FLOPs per example`, `${g.nodeCount} nodes · click ▸ to expand`].join('\n');
  }
  const n = box.node;
  const lines = [nodeTitle(n), ...(n.path ? [n.path] : []), `output ${n.shape}`];
  if (n.detail) lines.push(n.detail);
  if (n.category === 'layer') {
    lines.push(n.sharedWith ? `shares its weights with ${n.sharedWith}` : `${formatCount(n.params)} params (${n.params.toLocaleString('en-US')})`);
    lines.push(`${formatCount(n.flops)} FLOPs per example`);
  }
  return lines.join('\n');
}
