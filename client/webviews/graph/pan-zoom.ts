// The view's transform as plain arithmetic: zooming about a point (the
// pointer stays over the same spot of the graph), and fitting the graph
// into the window.

import type { ViewTransform } from './protocol.js';

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

/** Scales by `factor` about the screen point (px, py). */
export function zoomAt(t: ViewTransform, factor: number, px: number, py: number): ViewTransform {
  const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, t.k * factor));
  const f = k / t.k;
  return { k, x: px - (px - t.x) * f, y: py - (py - t.y) * f };
}

/** The graph (width x height) centred in the view with a margin, never enlarged past 1:1. */
export function fitTransform(graph: { width: number; height: number }, view: { width: number; height: number }, margin = 16): ViewTransform {
  if (graph.width <= 0 || graph.height <= 0 || view.width <= 0 || view.height <= 0) return { x: 0, y: 0, k: 1 };
  const k = Math.max(MIN_SCALE, Math.min(1, (view.width - 2 * margin) / graph.width, (view.height - 2 * margin) / graph.height));
  return { k, x: (view.width - graph.width * k) / 2, y: Math.max(margin, (view.height - graph.height * k) / 2) };
}

/** The transform that puts graph point (gx, gy) at the centre of the view, at the current scale. */
export function centreOn(t: ViewTransform, gx: number, gy: number, view: { width: number; height: number }): ViewTransform {
  return { k: t.k, x: view.width / 2 - gx * t.k, y: view.height / 2 - gy * t.k };
}
