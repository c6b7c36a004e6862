// What `nn train FILE --explain` reports: one `explain` event per layer, in
// the order of the forward pass, then one `explain-summary`. The schema is
// documented in docs/events.md (next to the events of a run).

/** A weight tensor of a layer: its size, and the three L2 norms of the step. */
export interface ExplainedWeight {
  /** the weight's name in its layer (`kernel`, `bias`, `gamma`) */
  name: string;
  shape: number[];
  /** ||w|| before the update */
  norm: number;
  /** ||d(loss)/d(w)||, as backpropagation found it (before any clipping) */
  gradient: number;
  /** ||w_new - w_old||: the step the optimizer took */
  update: number;
  /** update / norm (null when the weight was all zeros, as a bias starts) */
  ratio: number | null;
}

/** The same, for the layer's trainable weights together (the norms of all its tensors as one vector). */
export interface WeightTotals {
  norm: number;
  gradient: number;
  update: number;
  ratio: number | null;
}

/** Statistics of a tensor over the whole batch: mean, standard deviation, the fraction of exact zeros. */
export interface TensorStatistics {
  /** the shape, batch first */
  shape: number[];
  mean: number;
  std: number;
  zeros: number;
}

/** Every number of a tiny layer, for following the computation by hand (rows of the batch first). */
export interface LayerValues {
  /** the layer's inputs as it received them (nested arrays, batch first) */
  inputs: unknown[];
  output: unknown;
  weights: Record<string, { before: unknown; gradient: unknown; after: unknown }>;
}

export interface ExplainLayerEvent {
  type: 'explain';
  /** 1-based position among the explained layers, in the order of the forward pass */
  index: number;
  /** the layer's path, as `nn summary` lists it (`Stage_1/Dense_2`) */
  layer: string;
  /** the layer kind (`Dense`, `ReLU`) */
  kind: string;
  /** 1-based position among the layers with weights: the depth the picture plots (absent for a layer without weights) */
  depth?: number;
  /** the forward pass: the layer's output over the batch */
  output: TensorStatistics;
  /** backpropagation and the update, per weight tensor (empty for an activation) */
  weights: ExplainedWeight[];
  /** the layer's weights together (absent for a layer without weights) */
  total?: WeightTotals;
  /** every number, when every tensor of the model's layers is tiny (the two-layer example) */
  values?: LayerValues;
}

export interface ExplainSummaryEvent {
  type: 'explain-summary';
  /** the model of the train block */
  model: string;
  /** the .nn file (absolute) */
  file: string;
  data: string;
  /** examples in the batch */
  batch: number;
  /** the loss's name (`crossentropy`, or a `loss` definition's) and its value on the batch, before the update */
  lossName: string;
  loss: number;
  optimizer: string;
  learningRate: number;
  seed: number;
  /** layers explained; of them, with weights */
  layers: number;
  layersWithWeights: number;
  /** the first and last layers with weights, and the ratio of their gradient norms (first / last): far below 1, the gradient fades on its way back */
  gradientRatio?: { first: string; last: string; ratio: number };
  /** the folder that holds the picture (absolute): a run folder that holds no checkpoint */
  runDir: string;
  /** the picture: gradient norm per layer against depth (SVG, absolute path) */
  picture: string;
  /** the batch's inputs and target, when the layers are tiny */
  values?: { inputs: unknown[]; target: unknown };
  backend: string;
  device: 'cpu' | 'gpu';
}

export type ExplainEvent = ExplainLayerEvent | ExplainSummaryEvent;
