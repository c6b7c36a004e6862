// How `nn train` shows a run: JSON Lines (`--json`: one event per line on
// stdout, nothing else), or for people a progress bar with the ETA, the
// loss and the metrics, one line per epoch, where the pictures go, and at
// the end the loss-and-metrics chart, on stdout; warnings and an error as
// lines on stderr.

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
        const models = e.models.map((m) => `${m.name} (${m.parameters.toLocaleString('en-US')} parameters)`).join(' and ');
        out.write(`training ${models} on ${e.data}: ${e.examples.train.toLocaleString('en-US')} examples to learn from, ${(e.examples.validation || e.examples.test).toLocaleString('en-US')} to measure on\n`);
        out.write(`backend: ${e.backend} (${e.device}), ${e.epochs} epoch${e.epochs === 1 ? '' : 's'} of ${e.batchesPerEpoch} batch${e.batchesPerEpoch === 1 ? '' : 'es'}${e.firstEpoch > 1 ? `, resuming at epoch ${e.firstEpoch}` : ''}\n`);
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
        out.write(`epoch ${e.epoch}/${e.epochs}  ${Object.entries(e.logs).map(([k, v]) => `${k} ${format(v)}`).join('  ')}  (${seconds(e.seconds)})\n`);
        return;
      case 'sample':
        // the loss-and-metrics chart is named after the last line; the pictures' folder once, at the first
        if (e.kind === 'metrics') chart = e.path;
        else if (!picturesShown) {
          clearBar();
          out.write(`  pictures in ${dirname(e.path)}${sep}\n`);
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
        out.write(`${e.reason === 'stopped' ? 'stopped' : e.reason === 'early-stopping' ? 'stopped early (no better validation loss)' : 'done'} after ${e.epochs} epoch${e.epochs === 1 ? '' : 's'} in ${seconds(e.seconds)}\n`);
        if (chart !== undefined) out.write(`loss and metrics: ${chart}\n`);
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
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
