// The training view's parts other than charts, each drawn whole from the
// view's model: the header (model, weights, data, backend and device), the
// progress bar with its ETA and the Stop button, problems (warnings, errors
// with their position, a crash with its stderr), the end (final metrics and
// actions), samples, checkpoints, the earlier runs to overlay, the epochs table.

import { l10n } from '../../l10n.js';
import { seriesLabel } from '../../runs/chart-groups.js';
import { formatCount, formatDuration, formatRate, formatValue } from '../../runs/format.js';
import { newestSamples, type RunState, sampleCaption } from '../../runs/run-state.js';
import { baseName, fill, h } from './dom.js';
import type { FromTrainingView, RunInfo } from './protocol.js';

export interface ViewModel {
  run: RunInfo | null;
  /** the run's process is ours and still reporting */
  live: boolean;
  state: RunState;
  sampleUris: Record<string, string>;
  /** earlier runs of the same model; `state` only for those that came with events */
  history: { run: RunInfo; state: RunState | null }[];
  overlay: Set<string>;
  stopping: boolean;
}

export type Post = (message: FromTrainingView) => void;

export function renderHeader(el: HTMLElement, m: ViewModel): void {
  const header = m.state.header;
  const name = header?.name ?? m.run?.model ?? l10n.t('Training');
  const phase = m.state.phase;
  const facts: [string, string][] = [];
  if (header) {
    const weights = header.models.length > 1 ? `${formatCount(header.parameters)} (${header.models.map((x) => `${x.name} ${formatCount(x.parameters)}`).join(', ')})` : formatCount(header.parameters);
    facts.push([l10n.t('parameters'), weights], [l10n.t('data'), header.data]);
    const ex = header.examples;
    const examples = [l10n.t('{0} train', formatCount(ex.train)), ex.validation ? l10n.t('{0} validation', formatCount(ex.validation)) : '', ex.test ? l10n.t('{0} test', formatCount(ex.test)) : ''];
    facts.push([l10n.t('examples'), examples.filter(Boolean).join(' · ')]);
    const backend = header.backend === 'tensorflow' ? l10n.t('TensorFlow (native)') : header.backend === 'cpu' ? l10n.t('pure JavaScript') : header.backend;
    facts.push([l10n.t('backend'), l10n.t('{0} on {1}', backend, header.device.toUpperCase())]);
    const batches = formatCount(header.batchesPerEpoch);
    facts.push([l10n.t('epochs'), header.batchSize ? l10n.t('{0} × {1} batches of {2}', header.epochs, batches, header.batchSize) : l10n.t('{0} × {1} batches', header.epochs, batches)]);
  }
  const file = header?.file ?? m.run?.file;
  fill(
    el,
    h('div', { class: 'title' }, h('h1', {}, name), file ? h('span', { class: 'file', title: file }, baseName(file)) : null, h('span', { id: 'phase', class: `phase ${phase}` }, phaseName(phase))),
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    header?.backend === 'cpu'
      ? h('p', { class: 'banner warning', role: 'alert' }, l10n.t('No native TensorFlow backend: this run trains on pure JavaScript, about 100 times slower. Run “NN: Set Up Training Backend” to install it.'))
      : null,
  );
}

interface ProgressParts {
  bar: HTMLElement;
  fill: HTMLElement;
  text: HTMLElement;
  stop: HTMLButtonElement;
  model: ViewModel;
}
const progressParts = new WeakMap<HTMLElement, ProgressParts>();

/** The bar, its words and Stop: built once and updated in place (a click is never lost to a rebuilt button). */
export function renderProgress(el: HTMLElement, m: ViewModel, post: Post): void {
  let parts = progressParts.get(el);
  if (!parts) {
    const fillBar = h('div', { class: 'fill' });
    const stop = h('button', { id: 'stop', class: 'secondary', title: l10n.t('Finish the current batch, save a checkpoint and stop') }, l10n.t('Stop'));
    const made: ProgressParts = { bar: h('div', { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, fillBar), fill: fillBar, text: h('span', { class: 'progress-text' }), stop, model: m };
    stop.addEventListener('click', () => {
      const run = made.model.run;
      if (run) post({ type: 'stop', runId: run.runId });
    });
    el.append(made.bar, made.text);
    progressParts.set(el, (parts = made));
  }
  parts.model = m;
  const { state } = m;
  const p = state.progress;
  const header = state.header;
  const percent = Math.round(p.fraction * 1000) / 10;
  el.hidden = !header && state.phase === 'failed'; // failed before it started: nothing to show
  const words: string[] = header ? [] : [l10n.t('starting…')];
  if (header) words.push(l10n.t('epoch {0}/{1}', Math.max(p.epoch, header.firstEpoch), header.epochs), l10n.t('batch {0}/{1}', formatCount(p.batch), formatCount(p.batches)), `${percent}%`);
  if (p.examplesPerSecond !== null) words.push(l10n.t('{0} examples/s', formatRate(p.examplesPerSecond)));
  if (state.phase === 'running' && p.etaSeconds !== null && p.etaSeconds >= 1) words.push(l10n.t('about {0} left', formatDuration(p.etaSeconds)));
  if (state.end) words.push(l10n.t('took {0}', formatDuration(state.end.seconds)));
  parts.bar.className = `bar ${state.phase}`;
  parts.bar.setAttribute('aria-valuenow', String(percent));
  parts.fill.style.width = `${percent}%`;
  parts.text.textContent = words.join(' · ');
  const running = (state.phase === 'running' || state.phase === 'starting') && m.live && m.run !== null;
  if (running && !parts.stop.isConnected) el.append(parts.stop);
  if (!running) parts.stop.remove(); // there only while the run goes (the same element each time)
  parts.stop.disabled = m.stopping;
  const label = m.stopping ? l10n.t('Stopping…') : l10n.t('Stop');
  if (parts.stop.textContent !== label) parts.stop.textContent = label;
}

export function renderProblems(el: HTMLElement, m: ViewModel, post: Post): void {
  const { state } = m;
  // the header's banner already says that there is no native backend
  const warnings = state.header?.backend === 'cpu' ? state.warnings.filter((w) => !/no native TensorFlow backend/i.test(w)) : state.warnings;
  const items: HTMLElement[] = warnings.map((w) => h('li', { class: 'warning' }, w));
  for (const e of state.errors) {
    const where = e.file ? `${baseName(e.file)}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}` : null;
    items.push(
      h(
        'li',
        { class: 'error' },
        where ? h('a', { href: '#', class: 'position', onclick: (ev) => (ev.preventDefault(), post({ type: 'reveal', path: e.file!, line: e.line, column: e.column })) }, where) : null,
        where ? ' ' : null,
        e.message,
      ),
    );
  }
  const crash = state.phase === 'failed' && state.errors.length === 0 && state.failure;
  if (crash) items.push(h('li', { class: 'error' }, capitalise(state.failure!)));
  const tail = state.phase === 'failed' ? state.exit?.stderrTail.trim() : '';
  fill(el, items.length ? h('ul', { class: 'problems' }, ...items) : null, tail ? h('details', { open: true }, h('summary', {}, l10n.t('Standard error (last lines)')), h('pre', { class: 'stderr' }, tail)) : null);
}

export function renderEnd(el: HTMLElement, m: ViewModel, post: Post): void {
  const { state, run } = m;
  const ended = state.phase === 'done' || state.phase === 'stopped' || state.phase === 'failed';
  el.hidden = !ended || !run;
  if (el.hidden || !run) return fill(el);
  const metrics = state.end?.metrics ?? state.epochs[state.epochs.length - 1]?.logs ?? {};
  const reason = state.end?.reason === 'early-stopping' ? l10n.t('Stopped early: the held-out loss stopped improving.') : null;
  const hasCheckpoint = state.checkpoints.length > 0;
  const button = (id: string, label: string, message: FromTrainingView, primary = false): HTMLElement =>
    h('button', { id, class: primary ? '' : 'secondary', onclick: () => post(message) }, label);
  fill(
    el,
    h('h2', {}, state.phase === 'done' ? l10n.t('Finished') : state.phase === 'stopped' ? l10n.t('Stopped') : l10n.t('Failed')),
    reason ? h('p', {}, reason) : null,
    Object.keys(metrics).length
      ? h('dl', { class: 'metrics' }, ...Object.entries(metrics).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, formatValue(v))]))
      : null,
    h(
      'div',
      { class: 'actions' },
      hasCheckpoint ? button('export', l10n.t('Export'), { type: 'export', runId: run.runId }, state.phase === 'done') : null,
      button('train-again', l10n.t('Train again'), { type: 'trainAgain', runId: run.runId }),
      state.phase !== 'done' && hasCheckpoint ? button('resume', l10n.t('Resume'), { type: 'resume', runId: run.runId }, state.phase === 'stopped') : null,
      button('open-folder', l10n.t('Open run folder'), { type: 'openFolder', runId: run.runId }),
    ),
  );
}

export function renderSamples(el: HTMLElement, m: ViewModel, post: Post): void {
  const shown = newestSamples(
    m.state.samples.filter((s) => m.sampleUris[s.path]),
    24,
  );
  el.hidden = shown.length === 0;
  fill(
    el,
    h('h2', {}, l10n.t('Pictures')),
    h(
      'div',
      { class: 'samples' },
      ...shown.map((s) =>
        h(
          'figure',
          { class: `sample ${s.kind}`, title: l10n.t('{0} (click to reveal)', s.path), onclick: () => post({ type: 'reveal', path: s.path }) },
          h('img', { src: m.sampleUris[s.path]!, alt: sampleCaption(s) }),
          h('figcaption', {}, sampleCaption(s)),
        ),
      ),
    ),
  );
}

export function renderCheckpoints(el: HTMLElement, m: ViewModel, post: Post): void {
  const list = [...m.state.checkpoints].reverse();
  el.hidden = list.length === 0;
  fill(
    el,
    h('h2', {}, l10n.t('Checkpoints')),
    h(
      'ul',
      { class: 'checkpoints' },
      ...list.slice(0, 20).map((c) =>
        h('li', {}, h('a', { href: '#', title: c.path, onclick: (ev) => (ev.preventDefault(), post({ type: 'reveal', path: c.path })) }, baseName(c.path)), ` ${l10n.t('after epoch {0}', c.epoch)}`),
      ),
      list.length > 20 ? h('li', { class: 'muted' }, l10n.t('and {0} earlier', list.length - 20)) : null,
    ),
  );
}

export function renderOverlayList(el: HTMLElement, m: ViewModel, toggle: (runId: string, on: boolean) => void): void {
  const earlier = m.history.filter((x) => x.run.runId !== m.run?.runId);
  el.hidden = earlier.length === 0;
  fill(
    el,
    h('h2', {}, l10n.t('Earlier runs')),
    h(
      'ul',
      { class: 'overlay' },
      ...earlier.map(({ run, state }) => {
        const last = state?.epochs[state.epochs.length - 1];
        const summary = last ? ` · ${l10n.t('{0} epochs', last.epoch)} · ${l10n.t('loss {0}', formatValue(last.logs.loss ?? NaN))}` : '';
        const box = h('input', { type: 'checkbox', checked: m.overlay.has(run.runId), onchange: (ev) => toggle(run.runId, (ev.target as HTMLInputElement).checked) });
        return h('li', {}, h('label', {}, box, ` ${runLabel(run.runId)}${summary}`));
      }),
    ),
    h('p', { class: 'muted' }, l10n.t('Ticked runs are drawn dashed on the epoch charts.')),
  );
}

export function renderEpochTable(el: HTMLElement, state: RunState): void {
  const keys = state.epochKeys;
  el.hidden = state.epochs.length === 0;
  const head = h('tr', {}, h('th', {}, l10n.t('epoch')), ...keys.map((k) => h('th', { title: k }, k)), h('th', {}, l10n.t('learning rate')), h('th', {}, l10n.t('time')));
  const rows = state.epochs.map((r) =>
    h(
      'tr',
      {},
      h('td', {}, String(r.epoch)),
      ...keys.map((k) => h('td', { class: seriesLabel(k) }, r.logs[k] === undefined ? '' : formatValue(r.logs[k]!))),
      h('td', {}, formatValue(r.learningRate)),
      h('td', {}, formatDuration(r.seconds)),
    ),
  );
  const table = el.querySelector('table') ?? el.appendChild(h('div', { class: 'table-scroll' }, h('table', { id: 'epochs' }, h('thead'), h('tbody')))).querySelector('table')!;
  fill(table.querySelector('thead')!, head);
  fill(table.querySelector('tbody')!, ...rows);
}

/** `20250131-142501-3fa9` → `01-31 14:25` (UTC), short for a legend; any other id as it is. */
export function shortRunLabel(runId: string): string {
  const t = /^\d{4}(\d{2})(\d{2})-(\d{2})(\d{2})/.exec(runId);
  return t ? `${t[1]}-${t[2]} ${t[3]}:${t[4]}` : runId;
}

/** `20250131-142501-3fa9` → `2025-01-31 14:25:01 UTC` (the id's time is UTC); any other id as it is. */
export function runLabel(runId: string): string {
  const t = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(runId);
  return t ? `${t[1]}-${t[2]}-${t[3]} ${t[4]}:${t[5]}:${t[6]} UTC` : runId;
}

/** A run's phase in words (its class name stays the English id). */
function phaseName(phase: RunState['phase']): string {
  switch (phase) {
    case 'starting':
      return l10n.t('starting');
    case 'running':
      return l10n.t('running');
    case 'done':
      return l10n.t('done');
    case 'stopped':
      return l10n.t('stopped');
    case 'failed':
      return l10n.t('failed');
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
