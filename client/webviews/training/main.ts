// The training view's web app: folds the run's events (client/runs/run-state.ts)
// as the extension posts them (protocol.ts) and draws the page at most once
// an animation frame, each part only when what it shows changed. Posts
// `ready` when loaded; keeps the run's identity and the overlay ticks in the
// webview state, so that a reloaded window reopens the same run.

import { l10n } from '../shared/l10n.js';
import { exitRun, initialRunState, reduceRun, type RunState } from '../../runs/run-state.js';
import { initialData, onMessage, vscodeApi } from '../shared/vscode-api.js';
import { buildCharts, type Overlay } from './chart-data.js';
import { ChartBoard } from './charts.js';
import { h } from './dom.js';
import {
  renderCheckpoints,
  renderEnd,
  renderEpochTable,
  renderHeader,
  renderOverlayList,
  renderProblems,
  renderProgress,
  renderSamples,
  shortRunLabel,
  type ViewModel,
} from './panels.js';
import type { FromTrainingView, ToTrainingView, TrainEvent, TrainingViewState } from './protocol.js';
import { readTheme } from './theme.js';
import './style.css';

const api = vscodeApi<TrainingViewState>();
const post = (message: FromTrainingView): void => api.postMessage(message);
// the webview's own state after a reload; else what the extension put in the page (a restored panel)
const saved = api.getState() ?? initialData<TrainingViewState>() ?? undefined;

const model: ViewModel = {
  run: null,
  live: false,
  state: initialRunState(),
  sampleUris: {},
  history: [],
  overlay: new Set(saved?.overlay ?? []),
  stopping: false,
};

// the page: fixed parts, each redrawn on its own
const parts = {
  header: h('header', { class: 'run-header' }),
  progress: h('section', { class: 'progress' }),
  problems: h('section', { class: 'problems-part' }),
  end: h('section', { class: 'end', id: 'end' }),
  charts: h('section', { class: 'charts' }),
  overlay: h('section', { class: 'overlay-part' }),
  samples: h('section', { class: 'samples-part' }),
  checkpoints: h('section', { class: 'checkpoints-part' }),
  epochs: h('section', { class: 'epochs-part' }),
};
const root = document.getElementById('app') ?? document.body;
root.append(...Object.values(parts));
parts.epochs.append(h('h2', {}, l10n.t('Epochs')));
const board = new ChartBoard(parts.charts);
let theme = readTheme();

// what each part last drew, to skip parts that did not change
const drawn = new Map<string, string>();
let dirty = true;
let frame = 0;
let overlayRevision = 0;
let themeChanged = false;

function schedule(): void {
  dirty = true;
  if (frame === 0) frame = requestAnimationFrame(render);
}

function render(): void {
  frame = 0;
  if (!dirty) return;
  dirty = false;
  if (themeChanged) {
    themeChanged = false;
    theme = readTheme();
    board.clear();
    drawn.delete('charts');
  }
  const s = model.state;
  const changed = (part: string, key: string): boolean => {
    if (drawn.get(part) === key) return false;
    drawn.set(part, key);
    return true;
  };
  const phaseKey = `${s.phase}|${model.live}|${model.stopping}|${model.run?.runId}`;
  if (changed('header', `${phaseKey}|${s.header?.runId ?? s.header?.name}|${s.revision > 0}`)) renderHeader(parts.header, model);
  if (changed('progress', `${phaseKey}|${s.revision}`)) renderProgress(parts.progress, model, post);
  if (changed('problems', `${phaseKey}|${s.warnings.length}|${s.errors.length}|${s.exit !== null}`)) renderProblems(parts.problems, model, post);
  if (changed('end', `${phaseKey}|${s.checkpoints.length}`)) renderEnd(parts.end, model, post);
  if (changed('samples', `${s.samples.length}|${Object.keys(model.sampleUris).length}`)) renderSamples(parts.samples, model, post);
  if (changed('checkpoints', `${s.checkpoints.length}`)) renderCheckpoints(parts.checkpoints, model, post);
  if (changed('overlay', `${overlayRevision}|${model.run?.runId}`)) renderOverlayList(parts.overlay, model, toggleOverlay);
  const epochsKey = `${s.epochs.length}|${s.epochKeys.length}|${s.epochs.at(-1)?.seconds}`;
  if (changed('epochs', epochsKey)) renderEpochTable(parts.epochs, s);
  if (changed('charts', `${s.revision}|${overlayRevision}`)) board.update(buildCharts(s, overlays()), theme);
  document.body.dataset.ready = 'true';
}

function overlays(): Overlay[] {
  return model.history.flatMap(({ run, state }) =>
    state && model.overlay.has(run.runId) && run.runId !== model.run?.runId ? [{ runId: run.runId, label: shortRunLabel(run.runId), state }] : [],
  );
}

function toggleOverlay(runId: string, on: boolean): void {
  if (on) model.overlay.add(runId);
  else model.overlay.delete(runId);
  overlayRevision++;
  saveState();
  post({ type: 'overlay', runIds: [...model.overlay] });
  schedule();
}

function saveState(): void {
  const run = model.run;
  if (!run) return;
  api.setState({ runId: run.runId, file: run.file, model: run.model, runDir: run.runDir, overlay: [...model.overlay] });
}

function fold(state: RunState, events: readonly TrainEvent[], now?: number): RunState {
  for (const event of events) state = reduceRun(state, event, now);
  return state;
}

let asked = false;
function receive(message: ToTrainingView): void {
  switch (message.type) {
    case 'run':
      model.run = message.run;
      model.live = message.live;
      model.stopping = false;
      model.state = fold(initialRunState(), message.events);
      overlayRevision++;
      drawn.clear(); // another run: every part draws again
      saveState();
      break;
    case 'events':
      if (message.runId !== model.run?.runId) return;
      model.state = fold(model.state, message.events, model.live ? Date.now() : undefined);
      break;
    case 'exited':
      if (message.runId !== model.run?.runId) return;
      model.state = exitRun(model.state, message);
      model.live = false;
      model.stopping = false;
      break;
    case 'history': {
      model.history = message.runs.map(({ run, events }) => ({ run, state: events.length > 0 ? fold(initialRunState(), events) : null }));
      overlayRevision++;
      // ticks restored from before a reload: ask once for the events of those that came without
      const missing = model.history.filter((x) => model.overlay.has(x.run.runId) && x.state === null);
      if (missing.length > 0 && !asked) post({ type: 'overlay', runIds: [...model.overlay] });
      asked = true;
      break;
    }
    case 'sampleUris':
      model.sampleUris = { ...model.sampleUris, ...message.uris };
      break;
    case 'theme':
      retheme();
      return;
  }
  schedule();
}

/** Charts are rebuilt with the theme's colours at the next frame (VS Code sets the variables and the body class together). */
function retheme(): void {
  themeChanged = true;
  schedule();
}

// a Stop click shows at once; the run's `end` follows
parts.progress.addEventListener('click', (e) => {
  if ((e.target as HTMLElement).id === 'stop') {
    model.stopping = true;
    schedule();
    // a run that does not stop (trained by another process) gets its button back
    setTimeout(() => {
      model.stopping = false;
      schedule();
    }, 15_000);
  }
});
// VS Code changes the body's theme class when the theme changes
new MutationObserver(() => retheme()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

onMessage<ToTrainingView>(receive);
schedule();
post({ type: 'ready' });
