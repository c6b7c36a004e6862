// The model a command means: the one named, or the file's only model.
// Used by the summary and the compiler's tracer.

import type { Definition } from '../grammar/ast.js';
import { msg } from './i18n/message.js';

/** The definition, or why there is none (a message naming the file and its models). */
export function findModel(definitions: readonly Definition[], file: string, name: string | undefined, kinds: readonly Definition['defKind'][] = ['model']): Definition | string {
  const models = definitions.filter((d) => d.defKind === 'model');
  if (name !== undefined) {
    const found = definitions.find((d) => d.name.name === name && kinds.includes(d.defKind));
    return found ?? msg`no model '${name}' in ${file} (models: ${models.map((m) => m.name.name).join(', ') || msg`none`})`;
  }
  if (models.length === 1) return models[0]!;
  return models.length === 0 ? msg`${file} defines no model` : msg`${file} defines several models; choose one with --model (${models.map((m) => m.name.name).join(', ')})`;
}
