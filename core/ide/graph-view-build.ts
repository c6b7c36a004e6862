// From a traced model (graph-view-trace.ts) to the graph view's plain data
// (graph-view.ts): a walk back from the outputs along `TensorValue.source`,
// one node per application in dependency order, one edge per tensor used,
// and one group per block application with its weight and FLOP totals.
// Unlike the compiler's graph, sizes may stay symbolic and a tensor tracing
// does not cover becomes a plain node rather than a failure.

import type { Definition, Range } from '../../grammar/ast.js';
import { binaryFlops, callFlops, unaryFlops } from '../check/math-rows.js';
import { add, type Dim, formatDim, isConst, substitute } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { LineIndex } from '../text/line-index.js';
import type { TensorSource, TensorValue, TraceSite, TracedBlock, Value } from '../values.js';
import type { GraphView, GraphViewCount, GraphViewEdge, GraphViewGroup, GraphViewNode, GraphViewSite } from './graph-view.js';
import { formatArgs, formatValue } from './hover-format.js';
import type { ViewTrace } from './graph-view-trace.js';

export function buildGraphView(trace: ViewTrace): GraphView {
  return new ViewBuilder(trace).build();
}

class ViewBuilder {
  private readonly nodes: GraphViewNode[] = [];
  private readonly edges: GraphViewEdge[] = [];
  /** node id per application: keyed by what the outputs of one application share */
  private readonly byKey = new Map<object, string>();
  /** summed weights and FLOPs per node, as Dims, for the totals */
  private readonly costs = new Map<string, { params: Dim; flops: Dim }>();
  private readonly lines = new Map<string, LineIndex>();
  /** the model's own path prefix (`ResNet18_1/`): stripped from every group id */
  private readonly root: string;

  constructor(private readonly trace: ViewTrace) {
    this.root = trace.blocks[0]?.path ?? '';
  }

  build(): GraphView {
    const { trace } = this;
    trace.inputs.forEach((t) => this.visit(t));
    for (const [index, { name, value }] of trace.outputs.entries()) {
      if (value.kind !== 'tensor') continue;
      const from = this.visit(value);
      const id = this.addNode({ category: 'output', kind: 'Output', label: name, shape: formatShape(value.shape), group: null, ...this.siteOf(value.origin) }, zero());
      this.edges.push({ from: from.node, to: id, fromOutput: from.output, toInput: 0, shape: formatShape(value.shape) });
      void index;
    }
    const groups = this.groups();
    const total = [...this.costs.values()].reduce((s, c) => ({ params: add(s.params, c.params), flops: add(s.flops, c.flops) }), zero());
    return { model: trace.model, file: trace.file, batch: trace.batch ?? 'B', nodes: this.nodes, edges: this.edges, groups, params: count(total.params), flops: count(total.flops) };
  }

  /** The node output a tensor is: creates its node (and its inputs' nodes) the first time. */
  private visit(t: TensorValue): { node: string; output: number } {
    const source = t.source;
    const key = source ? applicationKey(source) : t;
    const output = source && (source.op === 'layer' || source.op === 'function') ? source.output : 0;
    const known = this.byKey.get(key);
    if (known !== undefined) return { node: known, output };
    const inputs = source ? inputsOf(source).map((x) => ({ ref: this.visit(x), shape: formatShape(x.shape) })) : [];
    const id = this.createNode(t, source);
    this.byKey.set(key, id);
    inputs.forEach(({ ref, shape }, toInput) => this.edges.push({ from: ref.node, to: id, fromOutput: ref.output, toInput, shape }));
    return { node: id, output };
  }

  private createNode(t: TensorValue, source: TensorSource | undefined): string {
    const site = source?.site;
    const group = site ? this.groupId(site.block) : null;
    const at = site ? this.siteOf(site) : this.siteOf(t.origin);
    if (!source) return this.addNode({ category: 'tensor', kind: 'tensor', label: t.origin.what, shape: formatShape(t.shape), group, ...at }, zero());
    switch (source.op) {
      case 'input':
        return this.addNode({ category: 'input', kind: 'Input', label: source.name, shape: formatShape(t.shape), group: null, ...this.siteOf(t.origin) }, zero());
      case 'layer': {
        const { layer, outputs, counted } = source.application;
        const params = counted ? add(counted.trainable, counted.nonTrainable) : 0;
        const flops = counted ? this.perExample(counted.flops) : 0;
        const detail = formatArgs(layer.args);
        const path = source.application.path.startsWith(this.root) ? source.application.path.slice(this.root.length) : source.application.path;
        const shared = counted && isConst(params) && params === 0 && layer.firstWeights && !(isConst(layer.firstWeights.trainable) && layer.firstWeights.trainable === 0);
        return this.addNode(
          {
            category: 'layer',
            kind: layer.spec.name,
            label: layer.binding ?? layer.spec.name,
            path,
            shape: outputs.map((o) => formatShape(o.shape)).join(', '),
            group,
            ...(detail ? { detail } : {}),
            ...(shared ? { sharedWith: path } : {}),
            ...at,
          },
          { params, flops },
        );
      }
      case 'function': {
        const detail = formatArgs(Object.fromEntries(Object.entries(source.call.args).filter(([, v]) => !holdsTensor(v))));
        const flops = this.perExample(callFlops(source.call.spec, source.call.args));
        return this.addNode({ category: 'function', kind: source.call.spec.name, label: source.call.spec.name, shape: source.call.outputs.map((o) => formatShape(o.shape)).join(', '), group, ...(detail ? { detail } : {}), ...at }, { params: 0, flops });
      }
      case 'binary': {
        const operand = (v: Value): string => (v.kind === 'tensor' ? 'x' : formatValue(v));
        const flops = this.perExample(binaryFlops(source.operator, source.left, t.shape));
        return this.addNode({ category: 'operator', kind: source.operator, label: source.operator, shape: formatShape(t.shape), group, detail: `${operand(source.left)} ${source.operator} ${operand(source.right)}`, ...at }, { params: 0, flops });
      }
      case 'unary':
        return this.addNode({ category: 'operator', kind: source.operator, label: source.operator, shape: formatShape(t.shape), group, ...at }, { params: 0, flops: this.perExample(unaryFlops(source.operator, t.shape)) });
      case 'slice':
        return this.addNode({ category: 'slice', kind: 'slice', label: 'slice', shape: formatShape(t.shape), group, ...at }, zero());
      case 'weight':
        // a weight read by name (`embed.embeddings`): counted with its layer
        return this.addNode({ category: 'tensor', kind: 'weight', label: t.origin.what, shape: formatShape(t.shape), group, ...at }, zero());
    }
  }

  private addNode(node: Omit<GraphViewNode, 'id' | 'params' | 'flops'>, cost: { params: Dim; flops: Dim }): string {
    const id = `n${this.nodes.length}`;
    this.nodes.push({ id, ...node, params: count(cost.params), flops: count(cost.flops) });
    this.costs.set(id, cost);
    return id;
  }

  /** FLOPs per example: the batch is 1. */
  private perExample(d: Dim): Dim {
    return this.trace.batch === undefined ? d : substitute(d, new Map([[this.trace.batch, 1]]));
  }

  /** A block path prefix (`ResNet18_1/BasicStage_1/`) as a group id (`BasicStage_1`), or null for the model itself. */
  private groupId(prefix: string): string | null {
    const inner = prefix.startsWith(this.root) ? prefix.slice(this.root.length) : prefix;
    return inner === '' ? null : inner.replace(/\/$/, '');
  }

  private groups(): GraphViewGroup[] {
    const totals = new Map<string, { params: Dim; flops: Dim; nodeCount: number }>();
    for (const node of this.nodes) {
      const cost = this.costs.get(node.id)!;
      for (let g = node.group; g !== null; g = parentOf(g)) {
        const t = totals.get(g) ?? { params: 0, flops: 0, nodeCount: 0 };
        totals.set(g, { params: add(t.params, cost.params), flops: add(t.flops, cost.flops), nodeCount: t.nodeCount + 1 });
      }
    }
    const leaving = this.tensorsLeaving();
    const out: GraphViewGroup[] = [];
    for (const block of this.trace.blocks) {
      const id = this.groupId(block.path);
      const t = id === null ? undefined : totals.get(id);
      if (id === null || !t) continue; // the model itself, or a block that computed nothing traced
      out.push({
        id,
        label: this.blockLabel(block),
        block: block.instance.definition.name.name,
        parent: this.groupId(block.parent),
        params: count(t.params),
        flops: count(t.flops),
        nodeCount: t.nodeCount,
        shape: leaving.get(id) ?? '',
        ...this.siteOf({ file: block.file, range: block.range }),
      });
    }
    return out;
  }

  /** Per group, the shapes of the tensors computed inside it and used outside (its outputs): `[B, 3, 256, 256], [B, 3]`. */
  private tensorsLeaving(): Map<string, string> {
    const groupOf = new Map(this.nodes.map((n) => [n.id, n.group]));
    const inside = (group: string, node: string): boolean => {
      const g = groupOf.get(node) ?? null;
      return g !== null && (g === group || g.startsWith(`${group}/`));
    };
    const shapes = new Map<string, Map<string, string>>();
    for (const e of this.edges) {
      for (let g = groupOf.get(e.from) ?? null; g !== null; g = parentOf(g)) {
        if (inside(g, e.to)) break; // inner groups of g hold `to` too
        const seen = shapes.get(g) ?? new Map<string, string>();
        seen.set(`${e.from}:${e.fromOutput}`, e.shape);
        shapes.set(g, seen);
      }
    }
    return new Map([...shapes].map(([g, tensors]) => [g, [...tensors.values()].join(', ')]));
  }

  /** `BasicBlock(128, stride: 2)`: required arguments by position, others by name where they differ from the default. */
  private blockLabel(block: TracedBlock): string {
    const def: Definition = block.instance.definition;
    const text = this.trace.modules.get(block.instance.file)?.text;
    const parts: string[] = [];
    for (const param of def.params) {
      const value = block.instance.args[param.name.name];
      if (!value || value.kind === 'unknown') continue;
      const shown = shorten(formatValue(value));
      if (!param.default) parts.push(shown);
      else if (text === undefined || !isDefault(text.slice(param.default.range.start, param.default.range.end), value)) parts.push(`${param.name.name}: ${shown}`);
    }
    const name = block.instance.binding ? `${block.instance.binding}: ${def.name.name}` : def.name.name;
    return parts.length > 0 ? `${name}(${parts.join(', ')})` : name;
  }

  private siteOf(at: { file?: string; range: Range } | TraceSite): { site?: GraphViewSite } {
    const file = at.file ?? this.trace.file;
    const text = this.trace.modules.get(file)?.text;
    if (text === undefined) return {};
    let index = this.lines.get(file);
    if (!index) this.lines.set(file, (index = new LineIndex(text)));
    return { site: { file, start: index.position(at.range.start), end: index.position(at.range.end) } };
  }
}

/** What the outputs of one application share. */
function applicationKey(source: TensorSource): object {
  if (source.op === 'layer') return source.application;
  if (source.op === 'function') return source.call;
  return source;
}

/** The tensors an application reads, in order. */
function inputsOf(source: TensorSource): TensorValue[] {
  switch (source.op) {
    case 'input':
      return [];
    case 'layer':
      return source.application.inputs;
    case 'function':
      return Object.values(source.call.args).flatMap(tensorsIn);
    case 'binary':
      return [...tensorsIn(source.left), ...tensorsIn(source.right)];
    case 'unary':
      return [source.operand];
    case 'slice':
      return [source.target];
    case 'weight':
      return [];
  }
}

function tensorsIn(v: Value): TensorValue[] {
  if (v.kind === 'tensor') return [v];
  if (v.kind === 'list' || v.kind === 'tuple') return v.items.flatMap(tensorsIn);
  return [];
}

function holdsTensor(v: Value): boolean {
  return tensorsIn(v).length > 0;
}

function parentOf(group: string): string | null {
  const cut = group.lastIndexOf('/');
  return cut < 0 ? null : group.slice(0, cut);
}

function zero(): { params: Dim; flops: Dim } {
  return { params: 0, flops: 0 };
}

function count(d: Dim): GraphViewCount {
  return isConst(d) ? d : formatDim(d);
}

/** Whether a value is what the default written as `written` gives (`1.0` and 1 are the same). */
function isDefault(written: string, value: Value): boolean {
  const number = Number(written);
  if ((value.kind === 'float' || (value.kind === 'int' && isConst(value.value))) && written.trim() !== '' && Number.isFinite(number)) {
    return number === (value.kind === 'float' ? value.value : value.value);
  }
  return written === formatValue(value);
}

function shorten(text: string): string {
  return text.length <= 24 ? text : `${text.slice(0, 23)}…`;
}
