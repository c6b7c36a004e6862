// The graph view: the model's traced graph laid out by ELK and drawn as
// SVG. Blocks start collapsed (a click on a chevron expands or collapses
// one); boxes are coloured by weights or FLOPs (`nn.graph.colorBy`) with a
// legend; the wheel zooms, a drag pans, Fit shows everything; a click on a
// box selects its source in the editor; Export SVG saves the drawing. A new
// graph (the file was edited) keeps what is expanded and where the view
// looks. `body[data-ready]` is set after the first drawing.

import { l10n } from '../shared/l10n.js';
import { initialData, onMessage, vscodeApi } from '../shared/vscode-api.js';
import { modelOrder, type Measure } from './elk-input.js';
import { heatColor, heatScale, legendTicks, shortCount } from './heatmap.js';
import { layOut, type Layout, warmUp } from './layout.js';
import { fitTransform, zoomAt } from './pan-zoom.js';
import type { ColorBy, FromGraphView, GraphView, GraphViewState, ToGraphView, ViewTransform } from './protocol.js';
import { arrowDefs, drawGraph } from './render.js';
import { exportSvg } from './svg-export.js';
import { groupsAround, keepExpanded, visibleGraph, type VisibleGraph } from './visible-graph.js';
import './style.css';

const api = vscodeApi<GraphViewState>();
const post = (message: FromGraphView): void => api.postMessage(message);
const state: GraphViewState = { ...(initialData<GraphViewState>() ?? { file: '' }), ...(api.getState() ?? {}) };
api.setState(state);

let graph: GraphView | undefined;
let colorBy: ColorBy = 'parameters';
let expanded = new Set(state.expanded ?? []);
let transform: ViewTransform | undefined = state.transform;
let drawn: { visible: VisibleGraph; layout: Layout } | undefined;
let generation = 0;

// ---------------------------------------------------------------- the page
const app = document.getElementById('app')!;
const toolbar = div('toolbar');
const title = div('title');
const status = div('status');
const buttons = div('buttons');
const problem = div('problem');
problem.hidden = true;
const stage = div('stage');
const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
svg.classList.add('graph');
arrowDefs(svg);
const viewport = document.createElementNS('http://www.w3.org/2000/svg', 'g');
viewport.classList.add('viewport');
svg.appendChild(viewport);
const legend = div('legend');
stage.append(svg, legend);
toolbar.append(title, status, buttons);
app.append(toolbar, problem, stage);
buttons.append(
  button(l10n.t('Fit'), l10n.t('Show the whole graph'), () => fit()),
  button(l10n.t('Expand all'), l10n.t('Expand every block (a large model takes a moment to lay out)'), () => setExpanded(new Set(graph?.groups.map((g) => g.id) ?? []), { refit: true })),
  button(l10n.t('Collapse all'), l10n.t('Collapse every block'), () => setExpanded(new Set(), { refit: true })),
  button(l10n.t('Export SVG'), l10n.t('Save the whole graph as an SVG file'), () => {
    if (drawn && graph) post({ type: 'exportSvg', svg: exportSvg(svg, { width: drawn.layout.width, height: drawn.layout.height }), model: graph.model });
  }),
);

onMessage<ToGraphView>((message) => {
  if (message.type === 'graph') {
    graph = message.graph;
    colorBy = message.colorBy;
    expanded = keepExpanded(graph, expanded);
    problem.hidden = true;
    stage.classList.remove('stale');
    state.model = graph.model;
    void render();
  } else if (message.type === 'error') {
    problem.textContent = message.message;
    problem.hidden = false;
    stage.classList.add('stale');
    if (!graph) document.body.dataset.ready = 'true';
  } else {
    colorBy = message.colorBy;
    if (drawn) paint(drawn.visible, drawn.layout);
  }
});
post({ type: 'ready' });
setTimeout(warmUp);

// ---------------------------------------------------------------- drawing
async function render(): Promise<void> {
  if (!graph) return;
  const mine = ++generation;
  const started = performance.now();
  const visible = visibleGraph(graph, expanded);
  stage.classList.add('busy');
  if (visible.boxes.length > 60) {
    // a large layout takes a moment: say so, and let the page show it before the work starts
    status.textContent = l10n.t('Laying out {0} boxes…', visible.boxes.length);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  let layout: Layout;
  try {
    layout = await layOut(visible, measure, modelOrder(graph));
  } catch (e) {
    problem.textContent = l10n.t('The graph could not be laid out: {0}', e instanceof Error ? e.message : String(e));
    problem.hidden = false;
    document.body.dataset.ready = 'true';
    return;
  } finally {
    stage.classList.remove('busy');
    status.textContent = '';
  }
  if (mine !== generation) return; // a newer graph or expansion is on its way
  const laidOut = performance.now();
  paint(visible, layout);
  drawn = { visible, layout };
  if (!transform) fit();
  else applyTransform();
  saveState();
  document.body.dataset.ready = 'true';
  post({ type: 'rendered', layoutMs: Math.round(laidOut - started), renderMs: Math.round(performance.now() - laidOut), boxes: visible.boxes.length, edges: visible.edges.length });
}

function paint(visible: VisibleGraph, layout: Layout): void {
  const heat = heatScale(visible.boxes, colorBy);
  drawGraph(viewport, visible, layout, heat);
  const g = graph!;
  title.title = title.textContent = `${g.model}  ·  ${l10n.t('{0} params', typeof g.params === 'number' ? shortCount(g.params) : g.params)}  ·  ${l10n.t('{0} FLOPs per example', typeof g.flops === 'number' ? shortCount(g.flops) : g.flops)}`;
  legend.replaceChildren();
  legend.hidden = !heat || heat.max === 0;
  if (!heat || heat.max === 0) return;
  legend.append(div('legend-title', colorBy === 'parameters' ? l10n.t('Parameters') : l10n.t('FLOPs per example')));
  const bar = div('legend-bar');
  bar.style.background = `linear-gradient(to right, ${[0.001, 0.25, 0.5, 0.75, 1].map((l) => heatColor(l)).join(', ')})`;
  const ticks = div('legend-ticks');
  for (const t of legendTicks(heat)) {
    const tick = div('legend-tick', t.label);
    tick.style.left = `${t.level * 100}%`;
    ticks.append(tick);
  }
  legend.append(bar, ticks);
}

/** Lays the graph out again with `next` expanded; `refit`: then fits the whole of it in view (else the view stays where it looks). */
function setExpanded(next: Set<string>, options: { refit?: boolean } = {}): void {
  expanded = next;
  if (options.refit) transform = undefined;
  void render();
}

function toggle(id: string): void {
  const next = new Set(expanded);
  if (next.has(id)) {
    next.delete(id);
    for (const g of graph?.groups ?? []) if (g.id.startsWith(`${id}/`)) next.delete(g.id); // collapsing hides the inner ones too
  } else for (const g of groupsAround(graph!, id)) next.add(g);
  setExpanded(next);
}

// ---------------------------------------------------------------- pan, zoom, clicks
function fit(): void {
  if (!drawn) return;
  transform = fitTransform(drawn.layout, { width: stage.clientWidth, height: stage.clientHeight });
  applyTransform();
  saveState();
}

function applyTransform(): void {
  const t = transform ?? { x: 0, y: 0, k: 1 };
  viewport.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
}

svg.addEventListener(
  'wheel',
  (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    transform = zoomAt(transform ?? { x: 0, y: 0, k: 1 }, Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    applyTransform();
    saveStateSoon();
  },
  { passive: false },
);

let drag: { x: number; y: number; start: ViewTransform; moved: boolean } | undefined;
svg.addEventListener('pointerdown', (e) => {
  if (e.button !== 0) return;
  drag = { x: e.clientX, y: e.clientY, start: transform ?? { x: 0, y: 0, k: 1 }, moved: false };
});
window.addEventListener('pointermove', (e) => {
  if (!drag) return;
  const dx = e.clientX - drag.x;
  const dy = e.clientY - drag.y;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  if (!drag.moved) svg.classList.add('dragging');
  drag.moved = true;
  transform = { k: drag.start.k, x: drag.start.x + dx, y: drag.start.y + dy };
  applyTransform();
});
window.addEventListener('pointerup', () => {
  if (drag?.moved) saveState();
  svg.classList.remove('dragging');
  setTimeout(() => (drag = undefined));
});

svg.addEventListener('click', (e) => {
  if (drag?.moved || !graph) return;
  const target = e.target as Element;
  const toggleId = target.closest('[data-toggle]')?.getAttribute('data-toggle');
  if (toggleId) return toggle(toggleId);
  const box = target.closest('g.node, g.frame-header');
  const id = box?.getAttribute('data-id');
  if (!id) return;
  const site = graph.nodes.find((n) => n.id === id)?.site ?? graph.groups.find((g) => g.id === id)?.site;
  if (site) post({ type: 'reveal', site });
  viewport.querySelectorAll('.selected').forEach((s) => s.classList.remove('selected'));
  box!.classList.add('selected');
});
svg.addEventListener('dblclick', (e) => {
  const id = (e.target as Element).closest('g.node.block')?.getAttribute('data-id');
  if (id) toggle(id);
});

// ---------------------------------------------------------------- helpers
let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveStateSoon(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveState, 300);
}

function saveState(): void {
  state.expanded = [...expanded];
  if (transform) state.transform = transform;
  api.setState(state);
}

const canvas = document.createElement('canvas').getContext('2d');
let fonts: { title: string; detail: string } | undefined;
/** Text widths in the fonts style.css gives boxes (the theme's). */
const measure: Measure = (text, font) => {
  if (!canvas) return text.length * 7;
  if (!fonts) {
    const style = getComputedStyle(document.body);
    fonts = { title: `600 12px ${style.fontFamily}`, detail: `11px ${style.getPropertyValue('--vscode-editor-font-family').trim() || 'monospace'}` };
  }
  canvas.font = fonts[font];
  return canvas.measureText(text).width;
};

function div(cls: string, content?: string): HTMLDivElement {
  const d = document.createElement('div');
  d.className = cls;
  if (content !== undefined) d.textContent = content;
  return d;
}

function button(label: string, tip: string, action: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.title = tip;
  b.addEventListener('click', action);
  return b;
}
