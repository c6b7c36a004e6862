// The messages between the extension (client/summary/summary-panel.ts) and
// the summary view's web app (this folder). The summary is the JSON of
// `nn summary --json` (core/summary.ts), as the language server answers it.

import type { SourceLocation, Summary } from '../../../core/summary.js';

export type { SourceLocation, Summary };

/** Extension -> web app. */
export type ToSummaryView =
  /** a fresh summary of the model */
  | { type: 'summary'; summary: Summary }
  /** the model cannot be summarised now (it has errors, it is gone): the last table stays, marked stale */
  | { type: 'error'; message: string };

/** Web app -> extension. */
export type FromSummaryView =
  | { type: 'ready' }
  /** a layer row was clicked: select its source */
  | { type: 'reveal'; source: SourceLocation };

/** What the page starts with (window.__NN_INITIAL__), and what it keeps across window reloads. */
export interface SummaryViewState {
  file: string;
  model: string;
  /** the block rows folded (kept across reloads and while the panel is hidden) */
  collapsed?: string[];
}
