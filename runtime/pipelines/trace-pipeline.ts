// Tracing a pipeline: the checker runs over it once more, applied to an
// image of a concrete size, recording how every tensor is computed (as
// core/graph/trace.ts does for a model); following those records back from
// the outputs gives the pipeline's graph. Unlike a model's, every size is
// known but those only the run decides (the K1 boxes `nms` keeps), and the
// models applied inside are recorded, so that their layers can be given
// those models' trained weights.

import { msg } from '../../core/i18n/message.js';
import type { Definition, Program } from '../../grammar/ast.js';
import { runBudgeted } from '../../core/check/budget.js';
import { checkGeneric, configureBlock, instantiate } from '../../core/check/definitions.js';
import { loadModule } from '../../core/check/modules.js';
import { Scope } from '../../core/check/scope.js';
import { CheckState, type Frame } from '../../core/check/state.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Host } from '../../core/host.js';
import { type Dim, formatDim, isConst, substitute, symbolName, symbolsOf } from '../../core/shapes/dim.js';
import { formatShape } from '../../core/shapes/shape.js';
import type { TensorSource, TensorValue, TracedBlock, Value } from '../../core/values.js';
import type { ModelApplication, PipelineArg, PipelineGraph, PipelineNode, PipelineRef, PipelineTensorType } from './pipeline-graph.js';

/** A pipeline that cannot be traced: one line, with the places in the source when there are some. */
export class PipelineError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

export interface PipelineTraceOptions {
  /** the pipeline's name */
  pipeline: string;
  /** each input's concrete shape (with its leading 1), e.g. the image's `[1, 64, 64, 3]` */
  inputShapes: number[][];
}

/** The pipelines a file defines, by name. */
export function pipelinesOf(definitions: readonly Definition[]): string[] {
  return definitions.filter((d) => d.defKind === 'pipeline').map((d) => d.name.name);
}

/** A pipeline as declared: its inputs as the checker sees them on their own (sizes it leaves open stay names), and its file's program. */
export function describePipeline(file: string, host: Host, pipeline: string): { inputs: { name: string; shape: Dim[] }[]; program: Program } {
  const { st, module, def } = findPipeline(file, host, pipeline);
  const generic = checkGeneric(st, module, def);
  const errors = [...module.diagnostics, ...generic.diagnostics, ...generic.reached].filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new PipelineError(msg`${pipeline} has errors`, errors);
  const inputs = generic.inputs.map(({ name, value }) => {
    if (value.kind !== 'tensor') throw new PipelineError(msg`input ${name} of ${pipeline} has no shape`);
    return { name, shape: value.shape };
  });
  return { inputs, program: module.program };
}

/**
 * The names a model's inputs leave open besides their leading (batch) axis:
 * SAM's N points and Nt text tokens. A pipeline gives them values when it
 * applies the model; its weights do not depend on them.
 */
export function openInputSizes(file: string, host: Host, model: string): string[] {
  const st = new CheckState();
  const module = loadModule(st, host, file);
  const def = module?.program.items.find((i): i is Definition => i.kind === 'Definition' && i.defKind === 'model' && i.name.name === model);
  if (!module || !def) return [];
  const names = new Set<string>();
  for (const { value } of checkGeneric(st, module, def).inputs) if (value.kind === 'tensor') for (const d of value.shape.slice(1)) symbolsOf(d, names);
  return [...names];
}

export function tracePipeline(file: string, host: Host, options: PipelineTraceOptions): PipelineGraph {
  const { st, module, def } = findPipeline(file, host, options.pipeline);
  const generic = checkGeneric(st, module, def);
  const errors = [...module.diagnostics, ...generic.diagnostics, ...generic.reached].filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new PipelineError(msg`${def.name.name} has errors`, errors);
  const sizes = new Map<string, Dim>();
  const inputs = concreteInputs(def.name.name, generic.inputs, options.inputShapes, sizes);

  st.trace = true;
  st.rows = [];
  st.blocks = [];
  const frame: Frame = { module, scope: new Scope(), mode: 'instance', iteration: '', path: '', lenient: false };
  const { result, diagnostics } = st.collect(() =>
    runBudgeted(st, { file, range: def.name.range, what: def.name.name }, () => {
      const instance = configureBlock(st, frame, def, file, [], def.name.range, def);
      return instance ? instantiate(st, frame, instance, inputs, { range: def.name.range, inputRanges: [], node: def }) : undefined;
    }),
  );
  const traceErrors = diagnostics.filter((d) => d.severity === 'error');
  if (!result || result.kind === 'unknown' || traceErrors.length > 0) {
    throw new PipelineError(msg`${def.name.name} has errors with these input sizes (${inputs.map((t) => formatShape(t.shape)).join(', ')})`, traceErrors);
  }
  const outputs = result.kind === 'tuple' ? result.items.map((v, i) => ({ name: result.names?.[i] ?? `output${i}`, value: v })) : [{ name: 'output', value: result }];
  const graph = new PipelineBuilder().build(def.name.name, inputs, generic.inputs.map((i) => i.name), outputs, modelApplications(st.blocks));
  return { ...graph, sizes: Object.fromEntries([...sizes].filter((e): e is [string, number] => isConst(e[1]))) };
}

function findPipeline(file: string, host: Host, name: string): { st: CheckState; module: NonNullable<ReturnType<typeof loadModule>>; def: Definition } {
  const st = new CheckState();
  const module = loadModule(st, host, file);
  if (!module) throw new PipelineError(msg`cannot read ${file}`);
  const definitions = module.program.items.filter((i): i is Definition => i.kind === 'Definition');
  const def = definitions.find((d) => d.defKind === 'pipeline' && d.name.name === name);
  if (!def) {
    const known = pipelinesOf(definitions);
    throw new PipelineError(msg`no pipeline '${name}' in ${file} (pipelines: ${known.join(', ') || 'none'})`);
  }
  return { st, module, def };
}

/** The inputs with the shapes given: each declared size must agree, and each name it leaves open is taken from them. */
function concreteInputs(pipeline: string, declared: { name: string; value: Value }[], given: number[][], env: Map<string, Dim>): TensorValue[] {
  if (given.length !== declared.length) {
    const names = declared.map((d) => d.name).join(', ');
    throw new PipelineError(
      declared.length === 1
        ? given.length === 1 ? msg`${pipeline} takes ${declared.length} input (${names}), but ${given.length} was given` : msg`${pipeline} takes ${declared.length} input (${names}), but ${given.length} were given`
        : given.length === 1 ? msg`${pipeline} takes ${declared.length} inputs (${names}), but ${given.length} was given` : msg`${pipeline} takes ${declared.length} inputs (${names}), but ${given.length} were given`,
    );
  }
  return declared.map(({ name, value }, index) => {
    if (value.kind !== 'tensor') throw new PipelineError(msg`input ${name} of ${pipeline} has no shape`);
    const shape = given[index]!;
    const fits = shape.length === value.shape.length;
    if (fits) {
      value.shape.forEach((d, axis) => {
        const open = symbolName(d);
        if (open !== undefined && !env.has(open)) env.set(open, shape[axis]!);
      });
    }
    const wanted = value.shape.map((d) => substitute(d, env));
    const unknown = wanted.find((d) => !isConst(d));
    if (unknown !== undefined) throw new PipelineError(msg`the size ${formatDim(unknown)} of input ${name} ${formatShape(value.shape)} is not known: give ${[...symbolsOf(unknown)].join(', ')} a value`);
    if (!fits || wanted.some((d, axis) => d !== shape[axis])) {
      throw new PipelineError(msg`input ${name} of ${pipeline} is ${formatShape(value.shape)}, but [${shape.join(', ')}] was given`);
    }
    return { kind: 'tensor', shape: wanted, dtype: value.dtype, origin: value.origin, source: { op: 'input', name, index } };
  });
}

/** The outermost applications of models: a model applied inside another model's block is part of it. */
function modelApplications(blocks: readonly TracedBlock[]): ModelApplication[] {
  const models = blocks.filter((b) => b.instance.definition.defKind === 'model');
  return models
    .filter((b) => !models.some((outer) => outer !== b && b.path.startsWith(outer.path)))
    .map((b) => ({ model: b.instance.definition.name.name, path: b.path, args: b.instance.args }));
}

/** From traced tensors back to the graph: a depth-first walk from the outputs along their sources (as core/graph/build-graph.ts). */
class PipelineBuilder {
  private readonly nodes: PipelineNode[] = [];
  private readonly byApplication = new Map<object, number>();
  private readonly nameCounts = new Map<string, number>();

  build(pipeline: string, inputs: TensorValue[], names: string[], outputs: { name: string; value: Value }[], models: ModelApplication[]): Omit<PipelineGraph, 'sizes'> {
    return {
      pipeline,
      inputs: inputs.map((tensor, i) => ({ name: names[i]!, node: this.visit(tensor).node, type: typeOf(tensor) })),
      outputs: outputs.map(({ name, value }) => {
        if (value.kind !== 'tensor') throw new PipelineError(msg`output ${name} of ${pipeline} is not a tensor`);
        return { name, ref: this.visit(value), type: typeOf(value) };
      }),
      nodes: this.nodes,
      models,
    };
  }

  private visit(t: TensorValue): PipelineRef {
    const source = t.source;
    if (!source) throw new PipelineError(msg`cannot run ${t.origin.what} in a pipeline yet`);
    const key = applicationKey(source);
    const known = this.byApplication.get(key);
    const output = source.op === 'layer' || source.op === 'function' ? source.output : 0;
    if (known !== undefined) return { node: known, output };
    const node = this.createNode(source, t);
    this.byApplication.set(key, node.id);
    return { node: node.id, output };
  }

  private createNode(source: TensorSource, t: TensorValue): PipelineNode {
    const inputs: PipelineRef[] = [];
    const arg = (v: Value): PipelineArg => this.arg(v, inputs, t);
    const base = (name: string) => ({ id: -1, inputs, outputs: [] as PipelineTensorType[], name: this.uniqueName(name) });
    let node: PipelineNode;
    switch (source.op) {
      case 'input':
        node = { ...base(source.name), op: 'input', input: source.index };
        break;
      case 'layer': {
        const { layer, path } = source.application;
        for (const x of source.application.inputs) inputs.push(this.visit(x));
        const args = Object.fromEntries(Object.entries(layer.args).map(([k, v]) => [k, arg(v)]));
        node = { id: -1, inputs, outputs: [], name: path.split('/').slice(1).join('/') || layer.spec.name, op: 'layer', spec: layer.spec, layer: layer.id, path, args };
        break;
      }
      case 'function': {
        const { spec } = source.call;
        const args = Object.fromEntries(Object.entries(source.call.args).map(([k, v]) => [k, arg(v)]));
        node = { ...base(spec.name), op: 'function', spec, args };
        break;
      }
      case 'binary': {
        const left = arg(source.left);
        const right = arg(source.right);
        node = { ...base('op'), op: 'binary', operator: source.operator, left, right };
        break;
      }
      case 'unary':
        inputs.push(this.visit(source.operand));
        node = { ...base('op'), op: 'unary', operator: source.operator };
        break;
      case 'slice':
        inputs.push(this.visit(source.target));
        node = { ...base('slice'), op: 'slice', axes: source.axes };
        break;
      case 'weight':
        throw new PipelineError(msg`${t.origin.what}: a weight read by name cannot run in a pipeline yet`);
    }
    node.id = this.nodes.length;
    this.nodes.push(node);
    const all = source.op === 'layer' ? source.application.outputs : source.op === 'function' ? source.call.outputs : [t];
    node.outputs = all.map(typeOf);
    return node;
  }

  private arg(v: Value, inputs: PipelineRef[], at: TensorValue): PipelineArg {
    switch (v.kind) {
      case 'tensor':
        inputs.push(this.visit(v));
        return { kind: 'tensor', index: inputs.length - 1 };
      case 'int':
      case 'float':
      case 'bool':
      case 'string':
        return { kind: v.kind, value: v.value } as PipelineArg;
      case 'name':
        return { kind: 'string', value: v.name };
      case 'list':
      case 'tuple':
        return { kind: 'list', items: v.items.map((i) => this.arg(i, inputs, at)) };
      default:
        throw new PipelineError(msg`cannot run ${at.origin.what}: an argument is ${v.kind === 'unknown' ? 'unknown' : `a ${v.kind}`}`);
    }
  }

  private uniqueName(name: string): string {
    const n = (this.nameCounts.get(name) ?? 0) + 1;
    this.nameCounts.set(name, n);
    return `${name}_${n}`;
  }
}

const typeOf = (t: TensorValue): PipelineTensorType => ({ shape: t.shape, dtype: t.dtype });

/** What the outputs of one application share. */
function applicationKey(source: TensorSource): object {
  if (source.op === 'layer') return source.application;
  if (source.op === 'function') return source.call;
  return source;
}
