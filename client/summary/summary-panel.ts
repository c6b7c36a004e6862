// The summary of one model of one file (viewType `nn.summary`): a table from
// the language server's `nn.summary` (the JSON of `nn summary --json`),
// following edits to the file and to the files its layers are written in
// (model-view-panels.ts). A click on a layer selects its source.

import * as vscode from 'vscode';
import type { NnContext } from '../context.js';
import { type ModelViewKind, ModelViewPanels } from '../model-view-panels.js';
import { revealSource } from '../reveal-source.js';
import type { FromSummaryView, Summary, ToSummaryView } from '../webviews/summary/protocol.js';

export const SUMMARY_VIEW_TYPE = 'nn.summary';

const summaryView: ModelViewKind<Summary, ToSummaryView, FromSummaryView> = {
  viewType: SUMMARY_VIEW_TYPE,
  app: 'summary',
  serverCommand: 'nn.summary',
  title: (model) => vscode.l10n.t('Summary: {0}', model),
  refreshDelayMs: 400,
  filesOf: (summary, file) => new Set([file, ...summary.layers.flatMap((l) => (l.source ? [l.source.file] : []))]),
  dataMessage: (summary) => ({ type: 'summary', summary }),
  errorMessage: (message) => ({ type: 'error', message }),
  received: (_panel, message) => {
    if (message.type === 'reveal') void revealSource(message.source.file, message.source.range.start, message.source.range.end);
  },
};

export function summaryPanels(nn: NnContext): ModelViewPanels<Summary, ToSummaryView, FromSummaryView> {
  return new ModelViewPanels(nn, summaryView);
}
