// The graph view's data: a model's traced dataflow graph as plain JSON for
// drawing. Layers, function calls and operators are nodes; edges follow the
// tensors (a residual `f + x` is a node with two incoming edges, a `concat`
// one with as many as it joins); every block application is a group that a
// view can collapse into one box. Built by `graph-view-build.ts`; the
// language server answers it for `nn.graph`, the graph web app draws it.
// No imports: the web app reads these types too.

/** A place in a source file: 0-based lines and UTF-16 characters, as LSP. */
export interface GraphViewSite {
  file: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A count that is a number, or a formula when it depends on a free size (`4096*T`). */
export type GraphViewCount = number | string;

export type GraphViewNodeCategory = 'input' | 'output' | 'layer' | 'function' | 'operator' | 'slice' | 'tensor';

export interface GraphViewNode {
  /** unique in the graph: `n0`, `n1`, ... */
  id: string;
  category: GraphViewNodeCategory;
  /** the layer kind (`Conv2D`), function (`reshape`), operator (`+`), `Input` or `Output` */
  kind: string;
  /** what to call it: a `let` binding or an input's name when there is one, else the kind */
  label: string;
  /** its summary path (`BasicStage_1/BasicBlock_2/Conv2D_1`), for layers */
  path?: string;
  /** its output shape as the language writes it: `[B, 56, 56, 64]`; several: `[B, 3, 256, 256], [B, 3]` */
  shape: string;
  /** weights counted here: 0 when shared with an earlier application (`sharedWith`) */
  params: GraphViewCount;
  /** FLOPs per example (the batch is 1) */
  flops: GraphViewCount;
  /** the innermost group (block application) it belongs to; null at the model's top level */
  group: string | null;
  /** the arguments as text: `filters: 64, kernel: 3, stride: 2` */
  detail?: string;
  /** the path of the layer whose weights this application shares */
  sharedWith?: string;
  site?: GraphViewSite;
}

export interface GraphViewEdge {
  from: string;
  to: string;
  /** which output of `from` and which input of `to` */
  fromOutput: number;
  toInput: number;
  /** the tensor's shape */
  shape: string;
}

/** One block application: a view may draw it collapsed (one box) or expanded (its nodes inside a frame). */
export interface GraphViewGroup {
  /** its summary path (`BasicStage_2/BasicBlock_1`) */
  id: string;
  /** the block with the arguments it was given: `BasicBlock(128, stride: 2)` */
  label: string;
  /** the definition's name */
  block: string;
  parent: string | null;
  /** totals over every node inside, nested groups included */
  params: GraphViewCount;
  flops: GraphViewCount;
  /** how many nodes it holds, nested groups included */
  nodeCount: number;
  /** the shapes of the tensors it computes and hands on (its outputs): `[B, 3, 256, 256], [B, 3]` */
  shape: string;
  /** the application in the source */
  site?: GraphViewSite;
}

export interface GraphView {
  model: string;
  /** the file the model is defined in */
  file: string;
  /** the batch symbol (`B`) */
  batch: string;
  /** in dependency order: a node's inputs come before it */
  nodes: GraphViewNode[];
  edges: GraphViewEdge[];
  /** outermost first: a group's parent comes before it */
  groups: GraphViewGroup[];
  params: GraphViewCount;
  flops: GraphViewCount;
}
