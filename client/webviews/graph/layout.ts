// Lays out the drawn boxes with ELK's layered algorithm, in this thread: the
// bundled ELK with no worker (a webview may refuse workers). Collapsed
// blocks keep the first layout small; positions come back in the root's
// coordinates, flattened into maps for drawing.

import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import { elkGraph, type Measure } from './elk-input.js';
import type { VisibleGraph } from './visible-graph.js';

export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  /** start, bends, end */
  points: { x: number; y: number }[];
}

export interface Layout {
  /** boxes and frames by id */
  placed: Map<string, Placed>;
  edges: PlacedEdge[];
  width: number;
  height: number;
}

type ElkConstructor = new (args?: ELKConstructorArguments) => ELK;
/** The constructor, whether the module system hands over `module.exports` or its `default` (both are the class). */
const ElkClass = ((ElkBundled as unknown as { default?: ElkConstructor }).default ?? ElkBundled) as unknown as ElkConstructor;

let elk: ELK | undefined;

export async function layOut(visible: VisibleGraph, measure: Measure, order: ReadonlyMap<string, number>): Promise<Layout> {
  elk ??= new ElkClass();
  const result = await elk.layout(elkGraph(visible, measure, order));
  const placed = new Map<string, Placed>();
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      placed.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      visit(child);
    }
  };
  visit(result);
  const edges: PlacedEdge[] = [];
  const collect = (node: ElkNode) => {
    for (const edge of node.edges ?? []) {
      const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
      if (points.length >= 2) edges.push({ id: edge.id, points });
    }
    node.children?.forEach(collect);
  };
  collect(result);
  return { placed, edges, width: result.width ?? 0, height: result.height ?? 0 };
}

/** Lays out a two-box graph, so that ELK's start-up is paid while the server computes the real one. */
export function warmUp(): void {
  elk ??= new ElkClass();
  void elk.layout({ id: 'warm', children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] }).catch(() => undefined);
}
