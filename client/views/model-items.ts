// How the Models view shows what a file defines (the answer of the server's
// `nn.models`): each definition's icon, description, tooltip and
// contextValue (the manifest's menus key on it: `model.trainable` gets the
// inline Train action, every `model…` Summary and Graph). Pure: unit-tested.

import type { DefinitionEntry, FileDefinitions } from '../../server/models-command.js';
import { l10n } from '../l10n.js';

export type { DefinitionEntry, FileDefinitions };

/** `model.trainable`, `model`, `block`, `loss`, `pipeline`, `train`. */
export function contextValueOf(d: DefinitionEntry): string {
  return d.kind === 'model' && d.trainable ? 'model.trainable' : d.kind;
}

/** The codicon of each kind (the same symbols as the outline's). */
export function iconOf(d: DefinitionEntry): string {
  switch (d.kind) {
    case 'model':
      return 'symbol-class';
    case 'block':
      return 'symbol-module';
    case 'train':
      return 'play-circle';
    default:
      return 'symbol-function';
  }
}

/** `(hidden: int = 128)` for a parametrised definition, `train block` for a train block. */
export function descriptionOf(d: DefinitionEntry): string {
  if (d.kind === 'train') return l10n.t('train block');
  const params = d.params && d.params.length > 0 ? `(${d.params.join(', ')})` : '';
  return d.kind === 'model' ? params : [d.kind, params].filter(Boolean).join(' ');
}

export function tooltipOf(d: DefinitionEntry): string {
  const head = d.kind === 'train' ? `train ${d.name}` : `${d.kind} ${d.name}${d.params && d.params.length > 0 ? `(${d.params.join(', ')})` : ''}`;
  const lines = [head];
  if (d.doc) lines.push(d.doc);
  if (d.kind === 'model') lines.push(d.trainable ? l10n.t('A train block of this file trains it.') : l10n.t('No train block of this file trains it.'));
  return lines.join('\n\n');
}

/** The files that define something (or cannot be read), sorted by their path as shown. */
export function filesToShow(files: FileDefinitions[], shownPath: (file: string) => string): FileDefinitions[] {
  return files.filter((f) => f.definitions.length > 0 || f.error).sort((a, b) => shownPath(a.file).localeCompare(shownPath(b.file)));
}
