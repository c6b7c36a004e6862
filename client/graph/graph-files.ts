// The files a graph is drawn from: the model's file and every file one of
// its layers or block applications is written in (its imports). An edit to
// any of them may change the graph. Pure: no `vscode`, unit-tested.

import type { GraphView } from '../../core/ide/graph-view.js';

export function filesOfGraph(graph: GraphView): Set<string> {
  const files = new Set([graph.file]);
  for (const item of [...graph.nodes, ...graph.groups]) if (item.site) files.add(item.site.file);
  return files;
}
