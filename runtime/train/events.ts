// What a training run reports, in order: the protocol of `nn train --json`
// (one JSON object per line) and of the editor's training view. The
// schema is documented in docs/events.md.

export type TrainEvent =
  | {
      type: 'start';
      /** the train block: the model, or the adversarial pair's name */
      name: string;
      models: { name: string; parameters: number; trainableParameters: number }[];
      data: string;
      examples: { train: number; test: number; validation: number };
      epochs: number;
      batchesPerEpoch: number;
      /** 'tensorflow' (native) or 'cpu' (pure JavaScript) */
      backend: string;
      device: 'cpu' | 'gpu';
      /** the first epoch of this run: above 1 when resuming */
      firstEpoch: number;
    }
  | { type: 'batch'; epoch: number; batch: number; batches: number; loss: number; logs?: Record<string, number> }
  | { type: 'epoch'; epoch: number; epochs: number; logs: Record<string, number>; seconds: number; learningRate: number }
  | { type: 'sample'; epoch: number; path: string; kind: 'image-grid' | 'scatter' }
  | { type: 'checkpoint'; epoch: number; path: string }
  | { type: 'warning'; message: string }
  | { type: 'end'; reason: 'completed' | 'stopped' | 'early-stopping'; epochs: number; metrics: Record<string, number>; seconds: number }
  | { type: 'error'; message: string; file?: string; line?: number; column?: number };

export type Emit = (event: TrainEvent) => void;
