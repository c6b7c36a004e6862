// Every static text that the tools show and that a catalogue must translate:
// the teaching paragraph of each layer and function and the line of each of
// their parameters. Messages built at run time are marked with `msg` in the
// code instead, and found there by the catalogue test.

import { LAYERS } from '../catalog/index.js';
import { FUNCTIONS } from '../functions/index.js';

/** A static text and the entry it documents (for the test's report). */
export interface StaticText {
  /** what it documents: `layer Dense`, `function matmul`, `parameter Dense.units` */
  owner: string;
  text: string;
}

export function staticTexts(): StaticText[] {
  const texts: StaticText[] = [];
  for (const [kind, entries] of [
    ['layer', [...LAYERS.values()]],
    ['function', [...FUNCTIONS.values()]],
  ] as const) {
    for (const entry of entries) {
      texts.push({ owner: `${kind} ${entry.name}`, text: entry.doc });
      for (const param of entry.params) texts.push({ owner: `parameter ${entry.name}.${param.name}`, text: param.doc });
    }
  }
  return texts;
}
