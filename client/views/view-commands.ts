// The Models and Runs views, and their commands (`nn.models.refresh`,
// `nn.runs.*`), for the command table.

import type { CommandHandler } from '../commands.js';
import type { NnContext } from '../context.js';
import { ModelsView } from './models-view.js';
import { asRun, deleteRun, exportRun, openRun, resumeRun, revealRun, stopRun } from './run-actions.js';
import { RunsView } from './runs-view.js';

export function viewCommands(nn: NnContext): Record<string, CommandHandler> {
  const models = new ModelsView(nn);
  const runs = new RunsView(nn);
  return {
    'nn.models.refresh': () => models.refresh(),
    'nn.runs.refresh': () => runs.refresh(true),
    'nn.runs.open': (run: unknown) => openRun(asRun(run)),
    'nn.runs.stop': (run: unknown) => stopRun(asRun(run)),
    'nn.runs.resume': (run: unknown) => resumeRun(asRun(run)),
    'nn.runs.export': (run: unknown) => exportRun(asRun(run)),
    'nn.runs.reveal': (run: unknown) => revealRun(asRun(run)),
    'nn.runs.delete': (run: unknown) => deleteRun(asRun(run), runs),
  };
}
