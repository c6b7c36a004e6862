// The graph of one model of one file (viewType `nn.graph`): from the
// language server's `nn.graph`, following edits to the file and to the
// files its layers are written in (model-view-panels.ts); the web app keeps
// what is expanded and where it looks. A click on a box selects its source;
// the drawing can be saved as SVG; `nn.graph.colorBy` applies at once.

import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { config, onConfigChange } from '../config.js';
import type { NnContext } from '../context.js';
import { type ModelViewKind, type ModelViewPanel, ModelViewPanels } from '../model-view-panels.js';
import { revealSource } from '../reveal-source.js';
import type { FromGraphView, GraphView, ToGraphView } from '../webviews/graph/protocol.js';
import { filesOfGraph } from './graph-files.js';

export const GRAPH_VIEW_TYPE = 'nn.graph';

type GraphPanel = ModelViewPanel<GraphView, ToGraphView, FromGraphView>;

const graphView: ModelViewKind<GraphView, ToGraphView, FromGraphView> = {
  viewType: GRAPH_VIEW_TYPE,
  app: 'graph',
  serverCommand: 'nn.graph',
  title: (model) => vscode.l10n.t('Graph: {0}', model),
  refreshDelayMs: 300,
  filesOf: (graph) => filesOfGraph(graph),
  dataMessage: (graph) => ({ type: 'graph', graph, colorBy: config.graphColorBy() }),
  errorMessage: (message) => ({ type: 'error', message }),
  received: (panel, message) => {
    switch (message.type) {
      case 'reveal':
        void revealSource(message.site.file, message.site.start, message.site.end);
        break;
      case 'exportSvg':
        void saveSvg(panel, message.svg, message.model);
        break;
      case 'rendered':
        panel.nn.log.info(`graph of ${panel.model}: laid out in ${message.layoutMs} ms, drawn in ${message.renderMs} ms (${message.boxes} boxes, ${message.edges} edges)`);
        break;
    }
  },
};

export function graphPanels(nn: NnContext): ModelViewPanels<GraphView, ToGraphView, FromGraphView> {
  const panels = new ModelViewPanels(nn, graphView);
  nn.own(onConfigChange('graph.colorBy', () => panels.each((p) => p.send({ type: 'colorBy', colorBy: config.graphColorBy() }))));
  return panels;
}

async function saveSvg(panel: GraphPanel, svg: string, model: string): Promise<void> {
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(join(dirname(panel.file), `${model}.svg`)),
    filters: { [vscode.l10n.t('SVG image')]: ['svg'] },
    title: vscode.l10n.t('Export the graph of {0}', model),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
  const open = await vscode.window.showInformationMessage(vscode.l10n.t('Saved the graph of {0} as {1}.', model, basename(target.fsPath)), vscode.l10n.t('Open'));
  if (open) await vscode.commands.executeCommand('vscode.open', target);
}
