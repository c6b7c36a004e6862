// The messages between the extension (client/graph/graph-panel.ts) and the
// graph view's web app (this folder). The graph is the language server's
// answer to `nn.graph` (core/ide/graph-view.ts), passed through unchanged.

import type { GraphView, GraphViewSite } from '../../../core/ide/graph-view.js';

export type { GraphView, GraphViewSite };

/** What nodes are coloured by: the setting `nn.graph.colorBy`. */
export type ColorBy = 'parameters' | 'flops' | 'none';

/** Extension -> web app. */
export type ToGraphView =
  /** the model's graph, first or after an edit: the view keeps what is expanded and where it looks */
  | { type: 'graph'; graph: GraphView; colorBy: ColorBy }
  /** the graph cannot be made now (the file has errors): the last graph stays, under this message */
  | { type: 'error'; message: string }
  | { type: 'colorBy'; colorBy: ColorBy };

/** Web app -> extension. */
export type FromGraphView =
  | { type: 'ready' }
  /** move the editor's cursor to a layer's (or block application's) source and select it */
  | { type: 'reveal'; site: GraphViewSite }
  /** save the drawing: `svg` is a standalone SVG document */
  | { type: 'exportSvg'; svg: string; model: string }
  /** how long the last layout and drawing took, and how much was drawn (for the log) */
  | { type: 'rendered'; layoutMs: number; renderMs: number; boxes: number; edges: number };

/** The view's transform: screen = translate + scale * graph coordinates. */
export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** Given to the app before its script runs (window.__NN_INITIAL__), and kept across window reloads. */
export interface GraphViewState {
  file: string;
  model?: string;
  /** ids of the expanded groups */
  expanded?: string[];
  transform?: ViewTransform;
}
