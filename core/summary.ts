// The Keras-style summary of a model: every layer applied, and every
// function call, operator and slice on tensors (core/check/math-rows.ts),
// with its output shape, its weights and FLOPs, and the totals. FLOPs are
// per example: the batch axis (the leading symbolic axis of the inputs) is
// taken as 1. A multiply-add counts 2, every other arithmetic operation 1
// (each layer's spec, and core/functions/flops.ts for the math, say what
// they count).

import type { Definition } from '../grammar/ast.js';
import type { WorkLimits } from './check/budget.js';
import { checkGeneric } from './check/definitions.js';
import { findModel } from './find-model.js';
import { loadModule } from './check/modules.js';
import { CheckState, type LayerRow } from './check/state.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { Host } from './host.js';
import { msg } from './i18n/message.js';
import { LineIndex, type Position } from './text/line-index.js';
import { add, type Dim, formatDim, isConst, substitute, symbolName } from './shapes/dim.js';
import { MAX_SIZE, SizeLimitError } from './shapes/size-limit.js';
import type { Value } from './values.js';

export type JsonDim = number | string;

export interface SummaryLayer {
  path: string;
  kind: string;
  output: JsonDim[];
  /** every output, when the layer has several */
  outputs?: JsonDim[][];
  params: JsonDim;
  trainableParams: JsonDim;
  flops: JsonDim;
  /** the path of the layer whose weights this application shares */
  sharedWith?: string;
  /** present for math outside layers: a built-in function's call (`kind` is its name) or an operator (`kind` is `@`, `+`, `neg`, `slice`, ...) */
  math?: 'function' | 'operator';
  /** where the layer is written: its file and range (zero-based lines and characters, as `nn check --json`) */
  source?: SourceLocation;
}

export interface SourceLocation {
  file: string;
  range: { start: Position; end: Position };
}

export interface Summary {
  model: string;
  inputs: { name: string; shape: JsonDim[] }[];
  outputs: { name: string; shape: JsonDim[] }[];
  layers: SummaryLayer[];
  params: JsonDim;
  trainableParams: JsonDim;
  nonTrainableParams: JsonDim;
  flops: JsonDim;
}

export type SummaryResult =
  | { ok: true; summary: Summary; diagnostics: Diagnostic[] }
  /** `usage`: the request itself is wrong (no such model); `errors`: the file has errors */
  | { ok: false; reason: 'usage' | 'errors'; message: string; diagnostics: Diagnostic[] };

/** The summary of `modelName` (or the file's one model); `limits` bound its work as a check's (core/check/budget.ts). */
export function summarize(file: string, host: Host, modelName: string | undefined, overrides: Record<string, Value> = {}, limits?: WorkLimits): SummaryResult {
  const st = new CheckState(limits);
  const module = loadModule(st, host, file);
  if (!module) return { ok: false, reason: 'usage', message: msg`cannot read ${file}`, diagnostics: [] };
  const definitions = module.program.items.filter((i): i is Definition => i.kind === 'Definition');
  const target = findModel(definitions, file, modelName);
  if (typeof target === 'string') return { ok: false, reason: 'usage', message: target, diagnostics: [] };
  const unknownParam = Object.keys(overrides).find((name) => !target.params.some((p) => p.name.name === name));
  if (unknownParam) return { ok: false, reason: 'usage', message: msg`${target.name.name} has no parameter '${unknownParam}'`, diagnostics: [] };
  const result = checkGeneric(st, module, target, { overrides, rows: true });
  // the model's errors, and those of every definition it applies (wherever they are written)
  const errors = [...module.diagnostics, ...result.diagnostics, ...result.reached].filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, reason: 'errors', message: msg`${target.name.name} has errors`, diagnostics: errors };
  const batch = batchSymbols(result.inputs.map((i) => i.value));
  const perExample = (d: Dim): JsonDim => exactly(() => substitute(d, batch));
  const locate = locator(host, file);
  const paths = uniquePaths(result.rows ?? []);
  const layers: SummaryLayer[] = (result.rows ?? []).map((row, i) => ({
    path: paths[i]!,
    kind: row.kind,
    output: row.outputs[0]!.map(jsonDim),
    ...(row.outputs.length > 1 ? { outputs: row.outputs.map((o) => o.map(jsonDim)) } : {}),
    params: exactly(() => add(row.trainable, row.nonTrainable)),
    trainableParams: jsonDim(row.trainable),
    flops: perExample(row.flops),
    ...(row.sharedWith ? { sharedWith: row.sharedWith } : {}),
    ...(row.math ? { math: row.math.op } : {}),
    ...(row.math ? locate(row.math.file, row.math.range) : row.layer ? locate(row.layer.origin.file, row.layer.origin.range) : {}),
  }));
  const rows = result.rows ?? [];
  // each layer's counts are exact (the checker saw to it); their sums may still pass 2^53
  const trainable = total(rows.map((r) => r.trainable));
  const nonTrainable = total(rows.map((r) => r.nonTrainable));
  const flops = total(rows.map((r) => r.flops));
  return {
    ok: true,
    diagnostics: [...module.diagnostics, ...result.diagnostics],
    summary: {
      model: target.name.name,
      inputs: result.inputs.map((i) => ({ name: i.name, shape: shapeOf(i.value) })),
      outputs: result.outputs.map((o, i) => ({ name: o.name ?? (result.outputs.length === 1 ? 'output' : `output${i}`), shape: shapeOf(o.value) })),
      layers,
      params: trainable === undefined || nonTrainable === undefined ? tooLarge() : exactly(() => add(trainable, nonTrainable)),
      trainableParams: trainable === undefined ? tooLarge() : jsonDim(trainable),
      nonTrainableParams: nonTrainable === undefined ? tooLarge() : jsonDim(nonTrainable),
      flops: flops === undefined ? tooLarge() : perExample(flops),
    },
  };
}

/**
 * Each row's path, unique: math rows are numbered apart from the layers
 * (`add_1` for `a + b`), so one named like a bound layer (`let add = ...`)
 * takes the next number its name leaves free; layers keep theirs.
 */
function uniquePaths(rows: readonly LayerRow[]): string[] {
  const used = new Set(rows.filter((r) => !r.math).map((r) => r.path));
  return rows.map((r) => {
    if (!r.math) return r.path;
    const [, stem, n] = /^(.*_)(\d+)$/.exec(r.path)!;
    let path = r.path;
    for (let k = Number(n); used.has(path); k++) path = `${stem}${k}`;
    used.add(path);
    return path;
  });
}

/** The leading symbolic axis of each input is the batch: it becomes 1. */
function batchSymbols(inputs: Value[]): Map<string, Dim> {
  const out = new Map<string, Dim>();
  for (const v of inputs) {
    if (v.kind !== 'tensor' || v.shape.length === 0) continue;
    const name = symbolName(v.shape[0]!);
    if (name !== undefined) out.set(name, 1);
  }
  return out;
}

/** Offsets in a file -> `{ source }` with lines and characters (each file's text read once, as the checker read it). */
function locator(host: Host, checked: string): (file: string | undefined, range: { start: number; end: number }) => { source?: SourceLocation } {
  const indexes = new Map<string, LineIndex | undefined>();
  return (file = checked, range) => {
    if (!indexes.has(file)) {
      const text = host.readFile(file);
      indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    const index = indexes.get(file);
    return index ? { source: { file, range: { start: index.position(range.start), end: index.position(range.end) } } } : {};
  };
}

const jsonDim = (d: Dim): JsonDim => (isConst(d) ? d : formatDim(d));

/** What the summary shows for a count past exact arithmetic, instead of a rounded number (in the current language: a function). */
export function tooLarge(): string {
  return msg`too large (over ${MAX_SIZE.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')})`;
}

/** A count computed exactly, or tooLarge(). */
function exactly(f: () => Dim): JsonDim {
  try {
    return jsonDim(f());
  } catch (e) {
    if (e instanceof SizeLimitError) return tooLarge();
    throw e;
  }
}

/** The sum of counts; undefined when it passes exact arithmetic. */
function total(dims: Dim[]): Dim | undefined {
  try {
    return dims.reduce<Dim>((sum, d) => add(sum, d), 0);
  } catch (e) {
    if (e instanceof SizeLimitError) return undefined;
    throw e;
  }
}

function shapeOf(v: Value): JsonDim[] {
  return v.kind === 'tensor' ? v.shape.map(jsonDim) : [];
}
