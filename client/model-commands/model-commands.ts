// The commands that run the nn CLI on a model, other than training (export
// and run), and NN: Open Example.

import type { CommandHandler } from '../commands.js';
import type { NnContext } from '../context.js';
import { exportModel } from './export-model.js';
import { openExample } from './open-example.js';
import { runModel } from './run-model.js';

export function modelCommands(nn: NnContext): Record<string, CommandHandler> {
  return {
    'nn.exportModel': (file?: unknown, model?: unknown, checkpoints?: unknown) => exportModel(nn, file, model, checkpoints),
    'nn.runModel': (file?: unknown, model?: unknown, checkpoints?: unknown) => runModel(nn, file, model, checkpoints),
    'nn.openExample': () => openExample(nn),
  };
}
