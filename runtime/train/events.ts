// What a training run reports, in order: the protocol of `nn train --json`
// (one JSON object per line) and of the editor's training view. The
// schema is documented in docs/events.md.

export type TrainEvent =
  | {
      type: 'start';
      // runId, pid, file, runDir and batchSize are always written by this version (optional: older runs' events files lack them)
      /** this run's id: its UTC start time and 4 random hex digits (`20250131-142501-3fa9`); its events file is `<runDir>/events/<runId>.jsonl` */
      runId?: string;
      /** the training process */
      pid?: number;
      /** the .nn file (absolute) */
      file?: string;
      /** the run's own folder (absolute), `runs/<name>/<runId>`: checkpoints, samples, events */
      runDir?: string;
      /** a resumed run (`--resume`): the checkpoint folder it continues from (absolute) */
      resumedFrom?: string;
      /** the train block: the model, or the adversarial pair's name */
      name: string;
      models: { name: string; parameters: number; trainableParameters: number }[];
      data: string;
      examples: { train: number; test: number; validation: number };
      epochs: number;
      batchesPerEpoch: number;
      batchSize?: number;
      /** 'tensorflow' (native), 'cpu' (pure JavaScript) or 'torch' (`--engine torch`) */
      backend: string;
      device: 'cpu' | 'gpu';
      /** the first epoch of this run: above 1 when resuming */
      firstEpoch: number;
    }
  | {
      type: 'batch';
      epoch: number;
      batch: number;
      batches: number;
      loss: number;
      logs?: Record<string, number>;
      // examplesPerSecond and elapsed: always written by this version (optional: older runs' events files lack them)
      /** examples learnt from per second, over the last second or so */
      examplesPerSecond?: number;
      /** seconds since the start event */
      elapsed?: number;
    }
  | { type: 'epoch'; epoch: number; epochs: number; logs: Record<string, number>; seconds: number; learningRate: number }
  | { type: 'sample'; epoch: number; path: string; kind: SampleKind }
  | { type: 'checkpoint'; epoch: number; path: string }
  | { type: 'warning'; message: string }
  | { type: 'end'; reason: 'completed' | 'stopped' | 'early-stopping'; epochs: number; metrics: Record<string, number>; seconds: number }
  | {
      type: 'error';
      message: string;
      /** a problem in a .nn file: where (1-based line and column) */
      file?: string;
      line?: number;
      column?: number;
      /** a run that diverged: the epoch and batch (1-based) where a loss or weight became NaN or infinite, and which tensor */
      epoch?: number;
      batch?: number;
      tensor?: string;
      /** a problem with a file or folder on disk (full, read-only, not a folder): its path */
      path?: string;
    };

export type Emit = (event: TrainEvent) => void;

/**
 * What a `sample` picture shows: a GAN's generated images or 2-D points;
 * a classifier's held-out predictions and confusion matrix; a detector's
 * boxes; an attention map; a segmentation; the run's loss and metrics.
 */
export type SampleKind = 'image-grid' | 'scatter' | 'predictions' | 'confusion' | 'detections' | 'attention' | 'segmentation' | 'metrics';
