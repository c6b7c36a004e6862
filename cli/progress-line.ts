// The progress bar's line, fitted to the terminal's width. A line wider
// than the terminal wraps, and `\r\x1b[2K` clears only its last row, so a
// narrow terminal would fill with stale bars: the line gives way instead,
// in this order: the bar narrows, metrics go from the last, the ETA goes,
// the bar goes, and what is left is cut.

export interface ProgressParts {
  epoch: number;
  batch: number;
  batches: number;
  /** `loss 0.1234`, then the metrics, in the order shown */
  logs: string[];
  eta: string;
}

import { msg } from '../core/i18n/message.js';
import { cutToWidth, displayWidth } from './text-width.js';

const FULL_BAR = 24;
const NARROW_BAR = 10;

function bar(width: number, done: number): string {
  const filled = Math.round(done * width);
  return `[${'='.repeat(filled)}${filled < width ? '>' : ''}${' '.repeat(Math.max(0, width - filled - 1))}]`;
}

function compose(p: ProgressParts, barWidth: number, logCount: number, withEta: boolean): string {
  const pieces = [`${msg`epoch ${p.epoch}`}${barWidth > 0 ? ` ${bar(barWidth, p.batch / p.batches)}` : ''} ${p.batch}/${p.batches}`];
  if (logCount > 0) pieces.push(p.logs.slice(0, logCount).join('  '));
  if (withEta) pieces.push(msg`ETA ${p.eta}`);
  return pieces.join('  ');
}

/**
 * The line for a terminal `columns` wide (undefined: not known, the full
 * line). It stays under the last column, where some terminals wrap early.
 */
export function progressLine(p: ProgressParts, columns: number | undefined): string {
  const full = compose(p, FULL_BAR, p.logs.length, true);
  if (columns === undefined || columns <= 0) return full;
  const room = columns - 1;
  const candidates = [
    full,
    compose(p, NARROW_BAR, p.logs.length, true),
    ...Array.from({ length: p.logs.length - 1 }, (_, i) => compose(p, NARROW_BAR, p.logs.length - 1 - i, true)),
    compose(p, NARROW_BAR, 1, false),
    compose(p, 0, 1, false),
    compose(p, 0, 0, false),
  ];
  const fitting = candidates.find((line) => displayWidth(line) <= room);
  return fitting ?? cutToWidth(candidates.at(-1)!, Math.max(0, room)).trimEnd();
}
