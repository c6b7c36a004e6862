// The input graph for ELK's layered layout: every drawn box a node sized to
// its text, every expanded block a compound node holding its boxes (ELK
// lays out across block borders with `INCLUDE_CHILDREN`), edges top-down.
// Coordinates come back relative to the root (`json.shapeCoords: ROOT`), so
// drawing needs no offsets. Children keep the model's order, so that a
// residual branch and its shortcut stay where the source puts them.

import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { VisibleBox, VisibleFrame, VisibleGraph } from './visible-graph.js';
import { boxText } from './box-text.js';

/** The width of a text in pixels: `title` in the box's bold font, `detail` in its small monospace one. */
export type Measure = (text: string, font: 'title' | 'detail') => number;

export const BOX_HEIGHT = 44;
export const BOX_PADDING = 12;
/** room for a collapsed block's chevron */
export const CHEVRON_WIDTH = 18;
export const FRAME_HEADER = 28;
export const FRAME_PADDING = 12;

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // chains and residuals cross little; the greedy switch costs a quarter of the time on ResNet-50 for nothing seen
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '8',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

export function elkGraph(visible: VisibleGraph, measure: Measure, order: ReadonlyMap<string, number>): ElkNode {
  const compounds = new Map<string | null, ElkNode[]>();
  const add = (parent: string | null, node: ElkNode) => {
    const list = compounds.get(parent);
    if (list) list.push(node);
    else compounds.set(parent, [node]);
  };
  for (const box of visible.boxes) add(box.parent, boxNode(box, measure));
  const frames = new Map<string, ElkNode>();
  for (const frame of visible.frames) {
    const node = frameNode(frame, measure);
    frames.set(frame.id, node);
    add(frame.parent, node);
  }
  for (const [id, node] of frames) node.children = sorted(compounds.get(id) ?? [], order);
  const edges: ElkExtendedEdge[] = visible.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  return { id: '__root', layoutOptions: ROOT_OPTIONS, children: sorted(compounds.get(null) ?? [], order), edges };
}

/** For each node and group, the position of its first node in the model: the order ELK keeps. */
export function modelOrder(graph: { nodes: readonly { id: string; group: string | null }[]; groups: readonly { id: string; parent: string | null }[] }): Map<string, number> {
  const parents = new Map(graph.groups.map((g) => [g.id, g.parent]));
  const order = new Map<string, number>();
  graph.nodes.forEach((node, index) => {
    order.set(node.id, index);
    for (let g = node.group; g !== null && !order.has(g); g = parents.get(g) ?? null) order.set(g, index);
  });
  return order;
}

function sorted(nodes: ElkNode[], order: ReadonlyMap<string, number>): ElkNode[] {
  return nodes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

function boxNode(box: VisibleBox, measure: Measure): ElkNode {
  const text = boxText(box);
  const width = Math.max(measure(text.title, 'title') + (box.type === 'block' ? CHEVRON_WIDTH : 0), measure(text.detail, 'detail')) + 2 * BOX_PADDING;
  return { id: box.id, width: Math.max(72, Math.ceil(width)), height: BOX_HEIGHT };
}

function frameNode(frame: VisibleFrame, measure: Measure): ElkNode {
  const header = Math.ceil(measure(frame.group.label, 'title') + CHEVRON_WIDTH + 2 * FRAME_PADDING);
  return {
    id: frame.id,
    layoutOptions: {
      'elk.padding': `[top=${FRAME_HEADER + FRAME_PADDING},left=${FRAME_PADDING},bottom=${FRAME_PADDING},right=${FRAME_PADDING}]`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${header}, ${FRAME_HEADER + 2 * FRAME_PADDING})`,
    },
    children: [],
  };
}
