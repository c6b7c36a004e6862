// The files a graph panel follows: the model's own and those its layers
// and blocks are written in (imports), from a real traced graph.

import { expect, test } from 'vitest';
import { filesOfGraph } from '../../client/graph/graph-files.js';
import { buildGraphView } from '../../core/ide/graph-view-build.js';
import { traceForView } from '../../core/ide/graph-view-trace.js';
import { memoryHost } from '../helpers/memory-host.js';

test('an edit to the model file or to a file it imports a block from changes the graph; an unused file does not', () => {
  const host = memoryHost({
    '/p/net.nn': 'import "./blocks.nn"\nmodel Net {\n  input x: [B, 4]\n  output x -> Head(3)\n}\n',
    '/p/blocks.nn': 'block Head(units: int) {\n  input x: [B, C]\n  output x -> Dense(units)\n}\nblock Unused {\n  input x: [B, C]\n  output x\n}\n',
    '/p/other.nn': 'model Other {\n  input x: [B, 4]\n  output x\n}\n',
  });
  const traced = traceForView('/p/net.nn', host);
  if (!traced.ok) throw new Error(traced.message);
  expect([...filesOfGraph(buildGraphView(traced.trace))].sort()).toEqual(['/p/blocks.nn', '/p/net.nn']);
});
