// Every static text that the tools show and that a catalogue must translate:
// the teaching paragraph of each layer and function and the line of each of
// their parameters, and the docs of what a train block may say (settings,
// data sources, losses, optimizers, schedules, metrics, adversarial training). Messages built at run time are marked with `msg` in the
// code instead, and found there by the catalogue test.

import { LAYERS } from '../catalog/index.js';
import { FUNCTIONS } from '../functions/index.js';
import { ADVERSARIAL, type Callable, DATA_SOURCES, LOSSES, METRICS, type Named, OPTIMIZERS, SCHEDULES, TRAIN_KEYS } from '../train/settings.js';

/** A static text and the entry it documents (for the test's report). */
export interface StaticText {
  /** what it documents: `layer Dense`, `function matmul`, `parameter Dense.units`, `train setting epochs`, `optimizer Adam.lr` */
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
  return [...texts, ...trainTexts()];
}

/** The docs of a train block's tables: each entry's, and each of its parameters' (`data mnist.split`). */
function trainTexts(): StaticText[] {
  const named = (kind: string, entries: readonly Named[]): StaticText[] => entries.map((e) => ({ owner: `${kind} ${e.name}`, text: e.doc }));
  const callables = (kind: string, entries: readonly Callable[]): StaticText[] =>
    entries.flatMap((e) => [{ owner: `${kind} ${e.name}`, text: e.doc }, ...e.params.map((p) => ({ owner: `${kind} ${e.name}.${p.name}`, text: p.doc }))]);
  return [
    ...named('train setting', TRAIN_KEYS),
    ...callables('train', [ADVERSARIAL]),
    ...callables('data', DATA_SOURCES),
    ...named('loss', LOSSES),
    ...callables('optimizer', OPTIMIZERS),
    ...callables('schedule', SCHEDULES),
    ...named('metric', METRICS),
  ];
}
