// The Models view's items: the contextValues the manifest's menus key on,
// icons, descriptions, tooltips, and which files are shown.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextValueOf, descriptionOf, filesToShow, iconOf, tooltipOf, type DefinitionEntry } from '../../client/views/model-items.js';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const def = (d: Partial<DefinitionEntry> & Pick<DefinitionEntry, 'kind' | 'name'>): DefinitionEntry => ({ range: at, selectionRange: at, ...d });

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'client', 'package.json'), 'utf8')) as {
  contributes: { menus: { 'view/item/context': { command: string; when: string }[] } };
};

/** The commands the manifest shows inline on an nn.models item with this contextValue. */
function inlineCommands(contextValue: string): string[] {
  return manifest.contributes.menus['view/item/context']
    .filter((m) => m.when.includes('view == nn.models'))
    .filter((m) => {
      const exact = /viewItem == ([\w.]+)/.exec(m.when);
      const pattern = /viewItem =~ \/(.+)\//.exec(m.when);
      return exact ? exact[1] === contextValue : pattern ? new RegExp(pattern[1]!).test(contextValue) : false;
    })
    .map((m) => m.command);
}

describe('model items', () => {
  it('gives a trained model Train, Summary and Graph; another model Summary and Graph; the rest nothing', () => {
    expect(inlineCommands(contextValueOf(def({ kind: 'model', name: 'MLP', trainable: true })))).toEqual(['nn.train', 'nn.showSummary', 'nn.showGraph']);
    expect(inlineCommands(contextValueOf(def({ kind: 'model', name: 'Net', trainable: false })))).toEqual(['nn.showSummary', 'nn.showGraph']);
    for (const kind of ['block', 'loss', 'pipeline', 'train'] as const) expect(inlineCommands(contextValueOf(def({ kind, name: 'X' })))).toEqual([]);
  });

  it('describes each kind', () => {
    expect(descriptionOf(def({ kind: 'model', name: 'MLP', params: ['hidden: int = 128'] }))).toBe('(hidden: int = 128)');
    expect(descriptionOf(def({ kind: 'model', name: 'MLP', params: [] }))).toBe('');
    expect(descriptionOf(def({ kind: 'block', name: 'B', params: ['f: int'] }))).toBe('block (f: int)');
    expect(descriptionOf(def({ kind: 'train', name: 'MLP' }))).toBe('train block');
    expect(iconOf(def({ kind: 'model', name: 'M' }))).toBe('symbol-class');
    expect(tooltipOf(def({ kind: 'model', name: 'M', doc: 'A model.', trainable: false }))).toBe('model M\n\nA model.\n\nNo train block of this file trains it.');
  });

  it('shows the files that define something, sorted by shown path', () => {
    const files = [
      { file: '/w/b.nn', definitions: [def({ kind: 'model', name: 'B' })] },
      { file: '/w/empty.nn', definitions: [] },
      { file: '/w/a/x.nn', definitions: [def({ kind: 'block', name: 'X' })] },
      { file: '/w/gone.nn', definitions: [], error: 'cannot read /w/gone.nn' },
    ];
    expect(filesToShow(files, (f) => f.slice(3)).map((f) => f.file)).toEqual(['/w/a/x.nn', '/w/b.nn', '/w/gone.nn']);
  });
});
