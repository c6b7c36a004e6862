// `nn.showGraph [file?, model?]`: from a code lens or the Models view (the
// file and the model), or from the palette or the editor title (the active
// `.nn` editor; a pick when it defines several models).

import type { CommandHandler } from '../commands.js';
import type { NnContext } from '../context.js';
import { fileAndModel } from '../summary/summary-commands.js';
import { graphPanels } from './graph-panel.js';

export function graphCommands(nn: NnContext): Record<string, CommandHandler> {
  const panels = graphPanels(nn);
  return {
    'nn.showGraph': async (target?: unknown, model?: unknown) => {
      const chosen = await fileAndModel(target, model);
      if (chosen) panels.show(chosen.file, chosen.model);
    },
  };
}
