// The name `nn export --model NAME` gives, checked before TensorFlow loads:
// a model the file defines or imports (found as `nn check` and `nn train`
// find it: core/check/modules.ts) or a train block of the file goes on to
// the export; any other name is one line at once, naming the file and the
// models it can see, own and imported.

import { loadModule } from '../core/check/modules.js';
import { CheckState } from '../core/check/state.js';
import type { Host } from '../core/host.js';
import { msg } from '../core/i18n/message.js';

/** Why `name` is not something `file` can export; undefined when it may be (or the file cannot be read: the export says why). */
export function unknownModelName(file: string, host: Host, name: string): string | undefined {
  const module = loadModule(new CheckState(), host, file);
  if (!module || module.definitions.has(name)) return undefined;
  if (module.program.items.some((item) => item.kind === 'Train' && item.target.name === name)) return undefined;
  const models = [...module.definitions.values()].filter((d) => d.definition.defKind === 'model').map((d) => d.definition.name.name);
  // find-model.ts's words, so that the message reads the same in every language
  return msg`no model '${name}' in ${file} (models: ${models.join(', ') || msg`none`})`;
}
