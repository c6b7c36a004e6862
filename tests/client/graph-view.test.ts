// The graph view's pure parts: which boxes are drawn for an expanded set,
// edges re-routed to collapsed blocks, the heatmap scale and legend, the
// ELK input graph, the view transform; and a real ELK layout of what is
// drawn. Graphs come from the checker itself, over sources given as data.

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nodeHost } from '../../cli/node-host.js';
import type { Host } from '../../core/host.js';
import { buildGraphView } from '../../core/ide/graph-view-build.js';
import type { GraphView } from '../../core/ide/graph-view.js';
import { traceForView } from '../../core/ide/graph-view-trace.js';
import { boxText, tooltip } from '../../client/webviews/graph/box-text.js';
import { elkGraph, modelOrder } from '../../client/webviews/graph/elk-input.js';
import { heatColor, heatScale, legendTicks, shortCount } from '../../client/webviews/graph/heatmap.js';
import { layOut } from '../../client/webviews/graph/layout.js';
import { fitTransform, zoomAt } from '../../client/webviews/graph/pan-zoom.js';
import { groupsAround, keepExpanded, visibleGraph } from '../../client/webviews/graph/visible-graph.js';
import { memoryHost } from '../helpers/memory-host.js';

const RESIDUAL = `
block Inner(units: int) {
  input x: [B, C]
  output x -> Dense(units) -> ReLU
}
block Residual(units: int, scale: float = 1.0) {
  input x: [B, C]
  let f = x -> Inner(units) -> Dense(C)
  output f + x
}
model Net {
  input x: [B, 8]
  input y: [B, 4]
  let h = x -> Residual(16) -> Residual(32, scale: 0.5)
  output concat([h, y], axis: 1) -> Dense(2)
}
`;

function graphOf(source: string, model?: string, host: Host = memoryHost({ '/m.nn': source }), file = '/m.nn'): GraphView {
  const traced = traceForView(file, host, model);
  if (!traced.ok) throw new Error(traced.message);
  return buildGraphView(traced.trace);
}

const estimate = (text: string, font: 'title' | 'detail') => text.length * (font === 'title' ? 7 : 6.5);
const describeBoxes = (g: GraphView, expanded: string[]) => visibleGraph(g, new Set(expanded)).boxes.map((b) => (b.type === 'block' ? `[${b.group.label}]` : boxText(b).title));
const describeEdges = (g: GraphView, expanded: string[]) => visibleGraph(g, new Set(expanded)).edges.map((e) => `${e.from}->${e.to}${e.count > 1 ? ` x${e.count}` : ''}`);

describe('visible graph', () => {
  const g = graphOf(RESIDUAL);

  test('blocks are collapsed unless expanded; edges go to the box that hides their end', () => {
    expect(describeBoxes(g, [])).toEqual(['[Residual(16)]', '[Residual(32, scale: 0.5)]', 'x', 'y', 'concat', 'Dense', 'output']);
    // x enters the first block twice (the branch and the shortcut), the first block's output the second twice
    expect(describeEdges(g, [])).toEqual(['n0->Residual_1 x2', 'Residual_1->Residual_2 x2', 'Residual_2->n10', 'n1->n10', 'n10->n11', 'n11->n12']);
  });

  test('an expanded block is a frame around its boxes, its inner blocks still collapsed', () => {
    const v = visibleGraph(g, new Set(['Residual_1']));
    expect(v.frames.map((f) => f.id)).toEqual(['Residual_1']);
    expect(describeBoxes(g, ['Residual_1'])).toEqual(['[Inner(16)]', '[Residual(32, scale: 0.5)]', 'x', 'y', 'Dense', '+', 'concat', 'Dense', 'output']);
    expect(v.boxes.filter((b) => b.parent === 'Residual_1').map((b) => b.id)).toEqual(['Residual_1/Inner_1', 'n4', 'n5']);
    // the residual: the block's input goes both into Inner and straight to '+'
    expect(describeEdges(g, ['Residual_1'])).toEqual(['n0->Residual_1/Inner_1', 'Residual_1/Inner_1->n4', 'n4->n5', 'n0->n5', 'n5->Residual_2 x2', 'Residual_2->n10', 'n1->n10', 'n10->n11', 'n11->n12']);
  });

  test('an inner group whose parent is collapsed stays hidden even when expanded itself', () => {
    expect(describeBoxes(g, ['Residual_1/Inner_1'])).toEqual(describeBoxes(g, []));
    expect(describeBoxes(g, ['Residual_1', 'Residual_1/Inner_1'])).toContain('ReLU');
  });

  test('parallel edges between two boxes merge and count', () => {
    const twice = graphOf('block Two {\n  input x: [B, 4]\n  output a = x -> Dense(4)\n  output b = x -> ReLU\n}\nmodel M {\n  input x: [B, 4]\n  let p, q = x -> Two\n  output p + q\n}\n');
    expect(describeEdges(twice, [])).toEqual(['n0->Two_1 x2', 'Two_1->n3 x2', 'n3->n4']);
    expect(describeEdges(twice, ['Two_1'])).toEqual(['n0->n1', 'n0->n2', 'n1->n3', 'n2->n3', 'n3->n4']);
  });

  test('groups around a group, outermost first; expanded ids that an edit removed are dropped', () => {
    expect(groupsAround(g, 'Residual_2/Inner_1')).toEqual(['Residual_2', 'Residual_2/Inner_1']);
    expect(groupsAround(g, null)).toEqual([]);
    expect([...keepExpanded(g, ['Residual_2', 'Gone_1'])]).toEqual(['Residual_2']);
  });
});

describe('heatmap', () => {
  const g = graphOf(RESIDUAL);
  const boxes = visibleGraph(g, new Set()).boxes;

  test('levels are logarithmic over what is drawn: the costliest box is 1, a box without weights 0', () => {
    const scale = heatScale(boxes, 'parameters')!;
    const level = (id: string) => scale.level(boxes.find((b) => b.id === id)!);
    const residual2 = 8 * 32 + 32 + 32 * 8 + 8; // Inner(32) then Dense(C = 8)
    expect(scale.max).toBe(residual2);
    expect(level('Residual_2')).toBe(1);
    expect(level('n0')).toBe(0);
    expect(level('Residual_1')).toBeCloseTo(Math.log10(1 + 8 * 16 + 16 + 16 * 8 + 8) / Math.log10(1 + residual2), 10);
    expect(heatScale(boxes, 'none')).toBeUndefined();
  });

  test('FLOPs that depend on a free size are not coloured', () => {
    const seq = graphOf('model S {\n  input x: [B, T, 8]\n  output x -> Dense(4)\n}\n');
    const dense = visibleGraph(seq, new Set()).boxes.find((b) => b.id === 'n1')!;
    expect(heatScale([dense], 'flops')!.level(dense)).toBeUndefined();
    expect(heatScale([dense], 'parameters')!.level(dense)).toBe(1);
  });

  test('colours run from none through blue and yellow to red; the legend has 0, powers of ten and the largest', () => {
    expect(heatColor(0)).toBe('transparent');
    expect(heatColor(0.5)).toBe('rgb(254, 204, 92)');
    expect(heatColor(1)).toBe('rgb(222, 45, 38)');
    const scale = { colorBy: 'parameters' as const, max: 25_610_152, level: () => 0 };
    expect(legendTicks(scale).map((t) => t.label)).toEqual(['0', '100', '10k', '1M', '25.6M']);
    // a power of ten too near the largest would print over it
    expect(legendTicks({ ...scale, max: 15_000_000 }).map((t) => t.label)).toEqual(['0', '100', '10k', '15M']);
    expect(shortCount(93_735_472)).toBe('93.7M');
    expect(shortCount(999)).toBe('999');
  });
});

describe('ELK input and layout', () => {
  const g = graphOf(RESIDUAL);

  test('frames are compound nodes holding their boxes in model order; edges are all at the root', () => {
    const v = visibleGraph(g, new Set(['Residual_1']));
    const input = elkGraph(v, estimate, modelOrder(g));
    expect(input.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.json.shapeCoords': 'ROOT' });
    expect(input.children!.map((c) => c.id)).toEqual(['n0', 'n1', 'Residual_1', 'Residual_2', 'n10', 'n11', 'n12']);
    expect(input.children![2]!.children!.map((c) => c.id)).toEqual(['Residual_1/Inner_1', 'n4', 'n5']);
    expect(input.edges).toHaveLength(v.edges.length);
    const block = input.children![3]!;
    expect(block.id).toBe('Residual_2');
    expect(block.width).toBeGreaterThanOrEqual(estimate('Residual(32, scale: 0.5)', 'title'));
  });

  test('ELK places every box inside its frame, and every edge has a route', async () => {
    const v = visibleGraph(g, new Set(['Residual_1', 'Residual_1/Inner_1']));
    const layout = await layOut(v, estimate, modelOrder(g));
    for (const box of [...v.boxes, ...v.frames]) {
      const p = layout.placed.get(box.id)!;
      expect(p.width).toBeGreaterThan(0);
      if (box.parent === null) continue;
      const frame = layout.placed.get(box.parent)!;
      expect(p.x).toBeGreaterThanOrEqual(frame.x);
      expect(p.y).toBeGreaterThan(frame.y);
      expect(p.x + p.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(p.y + p.height).toBeLessThanOrEqual(frame.y + frame.height);
    }
    expect(layout.edges.map((e) => e.id).sort()).toEqual(v.edges.map((e) => e.id).sort());
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    // top-down: the input is above the output
    expect(layout.placed.get('n0')!.y).toBeLessThan(layout.placed.get('n12')!.y);
  });

  test('ResNet-50 and SAM open small: their blocks collapsed, the first layout holds a handful of boxes', async () => {
    const examples = join(import.meta.dirname, '..', '..', 'examples');
    for (const [file, model, most] of [['resnet.nn', 'ResNet50', 12], ['sam.nn', 'SAM', 14]] as const) {
      const graph = graphOf('', model, nodeHost, join(examples, file));
      const v = visibleGraph(graph, new Set());
      expect(v.boxes.length).toBeLessThanOrEqual(most);
      const started = performance.now();
      const layout = await layOut(v, estimate, modelOrder(graph));
      console.log(`${model}: ${v.boxes.length} boxes of ${graph.nodes.length} nodes laid out in ${Math.round(performance.now() - started)} ms`);
      expect(layout.placed.size).toBe(v.boxes.length);
    }
  });
});

describe('what boxes say, and the view transform', () => {
  const g = graphOf(RESIDUAL);
  const v = visibleGraph(g, new Set(['Residual_1']));

  test('a block box says its label, shape and weights; a node its kind and shape', () => {
    const block = v.boxes.find((b) => b.id === 'Residual_2')!;
    expect(boxText(block)).toEqual({ title: 'Residual(32, scale: 0.5)', detail: '[B, 8] · 552 params' });
    const add = v.boxes.find((b) => b.id === 'n5')!;
    expect(boxText(add)).toEqual({ title: '+', detail: '[B, 8]' });
    expect(tooltip(v.boxes.find((b) => b.id === 'n4')!)).toBe('Dense\nResidual_1/Dense_1\noutput [B, 8]\nunits: 8, activation: "linear", bias: true, init: "glorot_uniform", bias_init: "zeros"\n136 params (136)\n264 FLOPs per example');
  });

  test('zooming keeps the point under the pointer; fitting centres the graph and never enlarges it', () => {
    const t = zoomAt({ x: 10, y: 20, k: 1 }, 2, 110, 220);
    expect(t).toEqual({ k: 2, x: -90, y: -180 });
    // the graph point under the pointer is the same before and after: (110 - 10) / 1 = (110 - -90) / 2
    expect(zoomAt({ x: 0, y: 0, k: 4 }, 10, 0, 0).k).toBe(4);
    expect(fitTransform({ width: 200, height: 100 }, { width: 800, height: 600 })).toEqual({ k: 1, x: 300, y: 250 });
    expect(fitTransform({ width: 2000, height: 400 }, { width: 1032, height: 600 })).toEqual({ k: 0.5, x: 16, y: 200 });
  });
});
