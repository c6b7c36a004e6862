// What a box says: its title (a node's kind, with its name when it has
// one; a block's label) and its detail line (the output shape; a block's
// shape and weight count), and the tooltip with everything known.

import { l10n } from '../../l10n.js';
import type { GraphViewNode } from '../../../core/ide/graph-view.js';
import { formatCount } from './heatmap.js';
import type { VisibleBox } from './visible-graph.js';

export function boxText(box: VisibleBox): { title: string; detail: string } {
  if (box.type === 'block') return { title: box.group.label, detail: `${box.group.shape} · ${l10n.t('{0} params', formatCount(box.group.params))}` };
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
    return [g.label, l10n.t('output {0}', g.shape), l10n.t('{0} params ({1})', formatCount(g.params), g.params.toLocaleString('en-US')), l10n.t('{0} FLOPs per example', formatCount(g.flops)), l10n.t('{0} nodes · click ▸ to expand', g.nodeCount)].join('\n');
  }
  const n = box.node;
  const lines = [nodeTitle(n), ...(n.path ? [n.path] : []), l10n.t('output {0}', n.shape)];
  if (n.detail) lines.push(n.detail);
  if (n.category === 'layer') {
    lines.push(n.sharedWith ? l10n.t('shares its weights with {0}', n.sharedWith) : l10n.t('{0} params ({1})', formatCount(n.params), n.params.toLocaleString('en-US')));
    lines.push(l10n.t('{0} FLOPs per example', formatCount(n.flops)));
  }
  return lines.join('\n');
}
