// How `nn train` shows a run: JSON Lines (`--json`: one event per line on
// stdout, nothing else), or for people a progress bar with the ETA, the
// loss and the metrics, one line per epoch, where the pictures go, and at
// the end the loss-and-metrics chart, on stdout; warnings and an error as
// lines on stderr.

import { msg } from '../core/i18n/message.js';
import { dirname, sep } from 'node:path';
import type { TrainEvent } from '../runtime/train/events.js';
import { progressLine } from './progress-line.js';

type Write = { write(text: string): unknown };

export function jsonLines(out: Write): (e: TrainEvent) => void {
  return (e) => out.write(`${JSON.stringify(e)}\n`);
}

/**
 * The display for people. `columns` gives the terminal's current width
 * (read at every batch: a terminal may be resized during a run).
 */
export function progressDisplay(out: Write, interactive: boolean, err: Write, columns: () => number | undefined = () => undefined): (e: TrainEvent) => void {
  let epochStarted = Date.now();
  let barShown = false;
  let picturesShown = false;
  let chart: string | undefined;
  const clearBar = () => {
    if (barShown) out.write('\r\x1b[2K');
    barShown = false;
  };
  return (e) => {
    switch (e.type) {
      case 'start': {
        const models = e.models.map((m) => msg`${m.name} (${m.parameters.toLocaleString('en-US')} parameters)`).join(msg` and `);
        out.write(`${msg`training ${models} on ${e.data}: ${e.examples.train.toLocaleString('en-US')} examples to learn from, ${(e.examples.validation || e.examples.test).toLocaleString('en-US')} to measure on`}\n`);
        const resuming = e.firstEpoch > 1 ? msg`, resuming at epoch ${e.firstEpoch}` : '';
        out.write(`${msg`backend: ${e.backend} (${e.device}), ${plural(e.epochs, msg`${e.epochs} epoch`, msg`${e.epochs} epochs`)} of ${plural(e.batchesPerEpoch, msg`${e.batchesPerEpoch} batch`, msg`${e.batchesPerEpoch} batches`)}`}${resuming}\n`);
        epochStarted = Date.now();
        return;
      }
      case 'batch': {
        if (!interactive) return;
        if (e.batch === 1) epochStarted = Date.now();
        const eta = ((Date.now() - epochStarted) / e.batch) * (e.batches - e.batch);
        const logs = e.logs ? Object.entries(e.logs).map(([k, v]) => `${k} ${format(v)}`) : [`loss ${format(e.loss)}`];
        out.write(`\r\x1b[2K${progressLine({ epoch: e.epoch, batch: e.batch, batches: e.batches, logs, eta: seconds(eta / 1000) }, columns())}`);
        barShown = true;
        return;
      }
      case 'epoch':
        clearBar();
        out.write(`${msg`epoch ${e.epoch}/${e.epochs}`}  ${Object.entries(e.logs).map(([k, v]) => `${k} ${format(v)}`).join('  ')}  (${seconds(e.seconds)})\n`);
        return;
      case 'sample':
        // the loss-and-metrics chart is named after the last line; the pictures' folder once, at the first
        if (e.kind === 'metrics') chart = e.path;
        else if (!picturesShown) {
          clearBar();
          out.write(`  ${msg`pictures in ${dirname(e.path)}${sep}`}\n`);
          picturesShown = true;
        }
        return;
      case 'checkpoint':
        return;
      case 'warning':
        clearBar();
        err.write(`nn: warning: ${e.message}\n`);
        return;
      case 'end':
        clearBar();
        out.write(`${endLine(e.reason, e.epochs, seconds(e.seconds))}\n`);
        if (chart !== undefined) out.write(`${msg`loss and metrics: ${chart}`}\n`);
        return;
      case 'error':
        clearBar();
        err.write(`nn: ${e.message}\n`);
        return;
    }
  };
}

function format(v: number): string {
  return Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v * 100) / 100) : v.toFixed(4);
}

function seconds(s: number): string {
  if (s < 60) return msg`${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return msg`${m} min ${Math.round(s - m * 60)} s`;
}

/** The singular or the plural, each a whole message (Chinese has one form for both). */
function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** The run's last line: how it ended, after how many epochs, in how long. */
function endLine(reason: string, epochs: number, time: string): string {
  if (reason === 'stopped') return epochs === 1 ? msg`stopped after ${epochs} epoch in ${time}` : msg`stopped after ${epochs} epochs in ${time}`;
  if (reason === 'early-stopping')
    return epochs === 1 ? msg`stopped early (no better validation loss) after ${epochs} epoch in ${time}` : msg`stopped early (no better validation loss) after ${epochs} epochs in ${time}`;
  return epochs === 1 ? msg`done after ${epochs} epoch in ${time}` : msg`done after ${epochs} epochs in ${time}`;
}
