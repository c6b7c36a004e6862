// Export a run's model: NN: Export Model (client/model-commands/) with the
// run's own checkpoints, after asking which model when the run trained
// several (a GAN's generator and discriminator).

import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { TrainingRun } from './training-run.js';

export async function exportRun(run: TrainingRun): Promise<void> {
  const checkpoint = [...run.events].reverse().find((e) => e.type === 'checkpoint');
  if (!checkpoint) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This run of {0} saved no checkpoint yet: there are no trained weights to export.', run.model));
    return;
  }
  const models = run.start?.models.map((m) => m.name) ?? [run.model];
  const model =
    models.length > 1
      ? await vscode.window.showQuickPick(models, { title: vscode.l10n.t('Export which model of {0}?', run.model), placeHolder: vscode.l10n.t('a model the run trained') })
      : models[0];
  if (!model) return;
  await vscode.commands.executeCommand('nn.exportModel', run.file, model, dirname(checkpoint.path));
}
