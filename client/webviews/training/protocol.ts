// The messages between the extension (client/runs/training-panel.ts) and the
// training view's web app (this folder). Events are those of
// `nn train --json` (docs/events.md), exactly as the CLI wrote them.

import type { TrainEvent } from '../../../runtime/train/events.js';

export type { TrainEvent };

/** One run as the view knows it: its identity and every event so far. */
export interface RunInfo {
  /** the run's id (the name of its events file, without .jsonl) */
  runId: string;
  /** the `.nn` file and the train block's target */
  file: string;
  model: string;
  /** the run's folder (runs/<name>) */
  runDir: string;
}

/** Extension -> web app. */
export type ToTrainingView =
  /** the run this view shows: replaces everything; `events` are all it has emitted so far */
  | { type: 'run'; run: RunInfo; events: TrainEvent[]; live: boolean }
  /** new events of the run shown */
  | { type: 'events'; runId: string; events: TrainEvent[] }
  /** the run's process ended (after its last event): how, and its stderr's tail when it failed */
  | { type: 'exited'; runId: string; code: number | null; signal: string | null; stderrTail: string }
  /** earlier runs of the same model, for overlaying on the charts (only those the user ticked carry events) */
  | { type: 'history'; runs: { run: RunInfo; events: TrainEvent[] }[] }
  /** a sample picture's path (from a `sample` event) as a URI the webview may load */
  | { type: 'sampleUris'; uris: Record<string, string> }
  /** the theme changed (the view reads colours from CSS variables; this only asks it to redraw) */
  | { type: 'theme' };

/** Web app -> extension. */
export type FromTrainingView =
  | { type: 'ready' }
  | { type: 'stop'; runId: string }
  | { type: 'export'; runId: string }
  | { type: 'trainAgain'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'openFolder'; runId: string }
  /** open a file (a checkpoint folder, a sample picture; an error's position: line and column 1-based) */
  | { type: 'reveal'; path: string; line?: number; column?: number }
  /** the earlier runs the user ticked for overlay (answer with a `history` message carrying their events) */
  | { type: 'overlay'; runIds: string[] };

/** What the web app keeps across window reloads (vscode.setState); also the panel serializer's state. */
export interface TrainingViewState {
  runId: string;
  file: string;
  model: string;
  runDir: string;
  /** the earlier runs ticked for overlay */
  overlay: string[];
}
