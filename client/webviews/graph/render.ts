// Draws a laid-out graph as SVG: expanded blocks as frames with a header
// (a chevron collapses them), edges with arrowheads, and boxes: `g.node`
// with `data-id`, showing the title and the output shape; a collapsed block
// is `g.node.block` with a chevron that expands it. Fill colours come from
// the heatmap; everything else from the theme through CSS (style.css).

import { l10n } from '../../l10n.js';
import { boxText, tooltip } from './box-text.js';
import { BOX_PADDING, CHEVRON_WIDTH, FRAME_HEADER, FRAME_PADDING } from './elk-input.js';
import { heatColor, type HeatScale } from './heatmap.js';
import type { Layout } from './layout.js';
import type { VisibleGraph } from './visible-graph.js';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

function text(parent: Element, x: number, y: number, content: string, cls: string): SVGTextElement {
  const t = el('text', { x, y, class: cls }, parent);
  t.textContent = content;
  return t;
}

/** Replaces the contents of `viewport` (the transformed group) with the drawing. */
export function drawGraph(viewport: SVGGElement, visible: VisibleGraph, layout: Layout, heat: HeatScale | undefined): void {
  viewport.replaceChildren();
  const frames = el('g', { class: 'frames' }, viewport);
  const edges = el('g', { class: 'edges' }, viewport);
  const boxes = el('g', { class: 'boxes' }, viewport);

  for (const frame of visible.frames) {
    const p = layout.placed.get(frame.id);
    if (!p) continue;
    const g = el('g', { class: 'frame', 'data-id': frame.id }, frames);
    el('rect', { x: p.x, y: p.y, width: p.width, height: p.height, rx: 6, class: 'frame-body' }, g);
    const header = el('g', { class: 'frame-header', 'data-id': frame.id }, g);
    el('rect', { x: p.x, y: p.y, width: p.width, height: FRAME_HEADER, rx: 6, class: 'frame-header-bg' }, header);
    const toggle = el('g', { class: 'toggle', 'data-toggle': frame.id }, header);
    el('rect', { x: p.x + 4, y: p.y + 4, width: CHEVRON_WIDTH, height: FRAME_HEADER - 8, class: 'toggle-hit' }, toggle);
    text(toggle, p.x + FRAME_PADDING - 2, p.y + FRAME_HEADER / 2 + 4, '▾', 'chevron');
    text(header, p.x + FRAME_PADDING + CHEVRON_WIDTH - 4, p.y + FRAME_HEADER / 2 + 4, frame.group.label, 'frame-title');
    el('title', {}, header).textContent = `${frame.group.label}\n${l10n.t('click ▾ to collapse')}`;
  }

  const shownEdges = new Map(visible.edges.map((e) => [e.id, e]));
  for (const edge of layout.edges) {
    const d = edge.points.map((q, i) => `${i === 0 ? 'M' : 'L'}${round(q.x)},${round(q.y)}`).join(' ');
    const shown = shownEdges.get(edge.id);
    const path = el('path', { d, class: shown && shown.count > 1 ? 'edge edge-multi' : 'edge', 'marker-end': 'url(#nn-arrow)', 'data-id': edge.id }, edges);
    if (shown) el('title', {}, path).textContent = shown.count > 1 ? l10n.t('{0} tensors', shown.count) : shown.shape;
  }

  for (const box of visible.boxes) {
    const p = layout.placed.get(box.id);
    if (!p) continue;
    const classes = ['node', box.type === 'block' ? 'block' : `node-${box.node.category}`];
    const g = el('g', { class: classes.join(' '), 'data-id': box.id, transform: `translate(${round(p.x)},${round(p.y)})` }, boxes);
    el('rect', { width: p.width, height: p.height, rx: box.type === 'block' ? 6 : 4, class: 'node-body' }, g);
    const level = heat?.level(box);
    if (level !== undefined && level > 0) {
      el('rect', { width: p.width, height: p.height, rx: box.type === 'block' ? 6 : 4, class: 'node-heat', fill: heatColor(level) }, g);
      el('rect', { width: 4, height: p.height, class: 'node-heat-bar', fill: heatColor(level) }, g);
    }
    const { title, detail } = boxText(box);
    let left = BOX_PADDING;
    if (box.type === 'block') {
      const toggle = el('g', { class: 'toggle', 'data-toggle': box.id }, g);
      el('rect', { x: 2, y: 2, width: CHEVRON_WIDTH + 6, height: p.height - 4, class: 'toggle-hit' }, toggle);
      text(toggle, BOX_PADDING - 2, 19, '▸', 'chevron');
      left += CHEVRON_WIDTH - 4;
    }
    text(g, left, 19, title, 'node-title');
    text(g, BOX_PADDING, 35, detail, 'node-detail');
    el('title', {}, g).textContent = tooltip(box);
  }
}

/** The arrowhead marker, once per SVG. */
export function arrowDefs(svg: SVGSVGElement): void {
  const defs = el('defs', {}, svg);
  const marker = el('marker', { id: 'nn-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, defs);
  el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }, marker);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
