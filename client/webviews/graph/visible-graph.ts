// Which boxes a view draws, given which groups (block applications) are
// expanded: a node whose block, or any block around it, is collapsed is
// hidden inside the outermost collapsed one, which is drawn as one box;
// an expanded block is a frame around what it holds. Edges are re-routed
// to the boxes that hide their ends; edges inside one box disappear and
// parallel edges merge (counted).

import type { GraphView, GraphViewGroup, GraphViewNode } from '../../../core/ide/graph-view.js';

/** A drawn box: a node, or a collapsed block standing for everything inside it. */
export type VisibleBox =
  | { id: string; type: 'node'; node: GraphViewNode; parent: string | null }
  | { id: string; type: 'block'; group: GraphViewGroup; parent: string | null };

/** An expanded block: a frame around its boxes and frames. */
export interface VisibleFrame {
  id: string;
  group: GraphViewGroup;
  parent: string | null;
}

export interface VisibleEdge {
  id: string;
  from: string;
  to: string;
  /** the shape of the (first) tensor it carries */
  shape: string;
  /** how many tensors between these two boxes it stands for */
  count: number;
}

export interface VisibleGraph {
  boxes: VisibleBox[];
  frames: VisibleFrame[];
  edges: VisibleEdge[];
}

export function visibleGraph(graph: GraphView, expanded: ReadonlySet<string>): VisibleGraph {
  const groups = new Map(graph.groups.map((g) => [g.id, g]));
  const hiddenIn = hidingGroups(graph.groups, groups, expanded);
  const boxes: VisibleBox[] = [];
  const frames: VisibleFrame[] = [];
  for (const group of graph.groups) {
    if (group.parent !== null && hiddenIn.get(group.parent) !== null) continue; // inside a collapsed block
    if (expanded.has(group.id)) frames.push({ id: group.id, group, parent: group.parent });
    else boxes.push({ id: group.id, type: 'block', group, parent: group.parent });
  }
  const boxOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const hider = node.group === null ? null : (hiddenIn.get(node.group) ?? null);
    boxOf.set(node.id, hider ?? node.id);
    if (hider === null) boxes.push({ id: node.id, type: 'node', node, parent: node.group });
  }
  const edges = new Map<string, VisibleEdge>();
  for (const e of graph.edges) {
    const from = boxOf.get(e.from);
    const to = boxOf.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const id = `${from}->${to}`;
    const known = edges.get(id);
    if (known) known.count++;
    else edges.set(id, { id, from, to, shape: e.shape, count: 1 });
  }
  return { boxes, frames, edges: [...edges.values()] };
}

/**
 * For each group, the outermost collapsed group among itself and the groups
 * around it (null when they are all expanded). Groups come outermost first.
 */
function hidingGroups(ordered: readonly GraphViewGroup[], groups: ReadonlyMap<string, GraphViewGroup>, expanded: ReadonlySet<string>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const of = (group: GraphViewGroup): string | null => {
    const known = out.get(group.id);
    if (known !== undefined) return known;
    const parent = group.parent === null ? undefined : groups.get(group.parent);
    const outer = parent ? of(parent) : null;
    const result = outer ?? (expanded.has(group.id) ? null : group.id);
    out.set(group.id, result);
    return result;
  };
  ordered.forEach(of);
  return out;
}

/** The groups around a node or group, outermost first: expanding them all shows it. */
export function groupsAround(graph: GraphView, group: string | null): string[] {
  const byId = new Map(graph.groups.map((g) => [g.id, g]));
  const out: string[] = [];
  for (let g = group === null ? undefined : byId.get(group); g; g = g.parent === null ? undefined : byId.get(g.parent)) out.unshift(g.id);
  return out;
}

/** The expanded ids that still name a group of `graph` (after an edit renamed or removed some). */
export function keepExpanded(graph: GraphView, expanded: Iterable<string>): Set<string> {
  const ids = new Set(graph.groups.map((g) => g.id));
  return new Set([...expanded].filter((id) => ids.has(id)));
}
