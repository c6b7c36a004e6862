// The state of one check run: the modules (files) it knows, where
// diagnostics go, what is recorded for the editor and the summary, and
// the context of the definition being evaluated.

import type { Definition, Program, Range } from '../../grammar/ast.js';
import type { Diagnostic, Fix, RelatedInfo, Severity } from '../diagnostics/diagnostic.js';
import type { FreshDims } from '../functions/apply-function.js';
import type { Dim } from '../shapes/dim.js';
import type { BlockInstance, LayerInstance, TracedBlock } from '../values.js';
import type { GenericResult } from './definitions.js';
import type { Recording } from './recording.js';
import type { OutputValue } from './statements.js';
import type { Scope } from './scope.js';
import { WorkBudget, type WorkLimits } from './budget.js';

export type { Recording } from './recording.js';

/** One parsed file and the definitions visible in it (its own and imported ones). */
export interface Module {
  file: string;
  text: string;
  program: Program;
  /** definitions by name: their node and the file they are written in */
  definitions: Map<string, { definition: Definition; file: string }>;
  /** syntax and import diagnostics of this file */
  diagnostics: Diagnostic[];
}

/** One application of a layer, or one function call or operator on tensors, as the summary lists it. */
export interface LayerRow {
  path: string;
  kind: string;
  /** the layer applied; absent for function and operator math (math-rows.ts) */
  layer?: LayerInstance;
  /** function and operator math: which, and where it is written */
  math?: { op: 'function' | 'operator'; file: string; range: Range };
  outputs: Dim[][];
  /** weights counted here: zero when the layer's weights were already counted (sharing) */
  trainable: Dim;
  nonTrainable: Dim;
  flops: Dim;
  /** the layer this application shares weights with, when not the first */
  sharedWith?: string;
}

/** One application of a layer or block, as the editor shows it on hover. */
export interface ApplicationRecord {
  target: { kind: 'layer'; layer: LayerInstance } | { kind: 'block'; block: BlockInstance };
  inputs: Dim[][];
  outputs: Dim[][];
  /** layers only: weights and FLOPs (whole batch) of this application */
  trainable?: Dim;
  nonTrainable?: Dim;
  flops?: Dim;
}

/** Where the definition being evaluated came from and what it may use. */
export interface Frame {
  module: Module;
  definition?: Definition;
  scope: Scope;
  /** 'generic': the definition checked on its own; 'instance': applied to concrete inputs */
  mode: 'generic' | 'instance';
  /** the block instance whose weights are being created (for sharing on re-application) */
  weightOwner?: BlockInstance;
  /** repeat and loop counters, so each iteration creates its own layers */
  iteration: string;
  /** the summary path prefix ("VGGBlock_1/") */
  path: string;
  /**
   * Inside a block checked on its own, sizes may be symbolic, so questions
   * that depend on them (`if C == filters`) stay open quietly; they are
   * answered when the block is applied. Elsewhere they are errors.
   */
  lenient: boolean;
}

let lastId = 0;

export class CheckState {
  /** diagnostics of the current sink */
  diagnostics: Diagnostic[] = [];
  readonly modules = new Map<string, Module>();
  /** generic-check diagnostics per definition, to drop repeats found again in instances */
  readonly genericKeys = new Map<Definition, Set<string>>();
  /** generic-check results per definition (memo) */
  readonly generic = new Map<Definition, GenericResult>();
  /** results of applying a definition, by what they depend on (see instanceKey) */
  readonly instances = new Map<string, { errors: Diagnostic[]; outputs: OutputValue[]; /** the applications made inside, counted again at each reuse */ applications: number }>();
  rows: LayerRow[] | undefined;
  /** record how each tensor is computed (`TensorValue.source`), for the compiler */
  trace = false;
  /** while tracing, when asked for: every block application, outermost first (a graph view's groups) */
  blocks: TracedBlock[] | undefined;
  recording: Recording | undefined;
  /** the file whose nodes are recorded */
  recordFile: string | undefined;
  readonly fresh: FreshDims = { next: 1 };
  /** definitions being instantiated (recursion guard) */
  readonly active: Definition[] = [];
  /** per summary path prefix, how many of each kind were created (Conv2D_1, Conv2D_2) */
  readonly pathCounters = new Map<string, number>();
  /** layers whose weights are counted already */
  readonly counted = new Map<number, string>();
  /** one set per definition being checked on its own: the errors of the definitions it applies (definition-errors.ts) */
  readonly reached: Set<Diagnostic>[] = [];
  /** the work this check may still do (budget.ts) */
  readonly budget: WorkBudget;

  constructor(limits?: WorkLimits) {
    this.budget = new WorkBudget(limits);
  }

  /**
   * A new layer or block instance id. Ids are unique in the process, not per
   * check: a re-check carries instances over from the previous check (reuse.ts),
   * and they must not share an id with the instances it creates.
   */
  nextId(): number {
    return ++lastId;
  }

  report(frame: Frame, severity: Severity, code: string, message: string, range: Range, extra: { related?: RelatedInfo[]; fixes?: Fix[]; unnecessary?: boolean } = {}): void {
    const d: Diagnostic = { severity, code, message, range, file: frame.module.file };
    if (extra.related?.length) d.related = extra.related;
    if (extra.fixes?.length) d.fixes = extra.fixes;
    if (extra.unnecessary) d.unnecessary = true;
    this.diagnostics.push(d);
  }

  error(frame: Frame, code: string, message: string, range: Range, extra?: { related?: RelatedInfo[]; fixes?: Fix[] }): void {
    this.report(frame, 'error', code, message, range, extra);
  }

  /** Runs `f` with diagnostics collected apart; returns them. */
  collect<T>(f: () => T): { result: T; diagnostics: Diagnostic[] } {
    const saved = this.diagnostics;
    this.diagnostics = [];
    try {
      const result = f();
      return { result, diagnostics: this.diagnostics };
    } finally {
      this.diagnostics = saved;
    }
  }

  /** A unique summary path for a new layer or block under `prefix`. */
  uniquePath(prefix: string, name: string): string {
    const key = prefix + name;
    const n = (this.pathCounters.get(key) ?? 0) + 1;
    this.pathCounters.set(key, n);
    return `${prefix}${name}_${n}`;
  }
}

export function diagnosticKey(d: Diagnostic): string {
  return `${d.code}@${d.file ?? ''}:${d.range.start}:${d.range.end}`;
}
