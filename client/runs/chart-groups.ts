// Which epoch logs share a chart in the training view: the training loss
// with its held-out losses (`loss`, `val_loss`, `test_loss`); a GAN's
// `d_loss` and `g_loss`; then one chart per metric, its train, `val_` and
// `test_` values together (`accuracy`, `test_accuracy`); `modes_covered` alone.

import { l10n } from '../l10n.js';

export interface ChartGroup {
  /** a stable id (the metric's base name) */
  id: string;
  title: string;
  /** the logs keys drawn on this chart, in the order they first appeared */
  keys: string[];
}

const HELD_OUT = /^(val|test)_/;

/** The charts for these logs keys (in order of first appearance): losses first, then the rest as they came. */
export function epochChartGroups(keys: readonly string[]): ChartGroup[] {
  const groups = new Map<string, ChartGroup>();
  for (const key of keys) {
    const id = groupOf(key);
    let group = groups.get(id);
    if (!group) {
      group = { id, title: titleOf(id), keys: [] };
      groups.set(id, group);
    }
    group.keys.push(key);
  }
  const rank = (g: ChartGroup): number => (g.id === 'loss' ? 0 : g.id === 'gan' ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b)); // stable: the rest keep their order
}

function groupOf(key: string): string {
  if (key === 'd_loss' || key === 'g_loss') return 'gan';
  return key.replace(HELD_OUT, '');
}

function titleOf(id: string): string {
  if (id === 'loss') return l10n.t('Loss per epoch');
  if (id === 'gan') return l10n.t('Discriminator and generator loss');
  if (id === 'modes_covered') return l10n.t('Modes covered');
  return id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** How a logs key reads in a legend: `loss` → `train`, `test_accuracy` → `test`, `d_loss` → `discriminator`. */
export function seriesLabel(key: string): string {
  if (key === 'd_loss') return 'discriminator';
  if (key === 'g_loss') return 'generator';
  if (key === 'modes_covered') return 'modes';
  const heldOut = HELD_OUT.exec(key);
  if (heldOut) return heldOut[1] === 'val' ? 'validation' : 'test';
  return 'train';
}

/** What a series is, in words for its legend (seriesLabel is its colour's name, kept in English). */
export function seriesName(key: string): string {
  switch (seriesLabel(key)) {
    case 'discriminator':
      return l10n.t('discriminator');
    case 'generator':
      return l10n.t('generator');
    case 'modes':
      return l10n.t('modes');
    case 'validation':
      return l10n.t('validation');
    case 'test':
      return l10n.t('test');
    default:
      return l10n.t('train');
  }
}
