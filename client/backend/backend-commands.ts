// The training backend's commands: NN: Set Up Training Backend and NN: Doctor.

import type { CommandHandler } from '../commands.js';
import type { NnContext } from '../context.js';
import { showDoctor } from './doctor-command.js';
import { setUpBackend } from './setup-command.js';

export function backendCommands(nn: NnContext): Record<string, CommandHandler> {
  return {
    'nn.setUpBackend': () => setUpBackend(nn),
    'nn.doctor': () => showDoctor(nn),
  };
}
