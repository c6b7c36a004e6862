// Checking a whole file: syntax, imports, every definition on its own, and
// every train block. The entry point for the CLI and the language server.

import type { Definition, TrainDecl } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host } from '../host.js';
import { msg } from '../i18n/message.js';
import { BudgetExceeded, reportStop, type WorkLimits } from './budget.js';
import { SizeLimitError } from '../shapes/size-limit.js';
import { checkGeneric, type GenericResult } from './definitions.js';
import { loadModule } from './modules.js';
import { Recording } from './recording.js';
import { Scope } from './scope.js';
import { reportSizeLimit } from './size-limits.js';
import { NamesByText, type Reusable, reuse, reuseKey } from './reuse.js';
import { CheckState, type Module } from './state.js';
import { divisionComments, withoutCascades } from './syntax-cascades.js';
import { checkTrain } from './train.js';

export interface FileCheck {
  file: string;
  /** undefined when the file cannot be read */
  module: Module | undefined;
  /** this file's diagnostics, in source order */
  diagnostics: Diagnostic[];
  /** values of the file's expressions, when asked for (editor features) */
  recording?: Recording;
  state: CheckState;
  /** what the next check of this file may reuse (when recording) */
  reusable?: Reusable;
  /** stands for this check in caches of what editor features read from it (a key that holds nothing) */
  stamp: object;
  /** the definitions whose recorded values were carried over from the previous check (its stamp): where each started there */
  carriedOver?: { from: object; starts: ReadonlyMap<Definition, number> };
}

export interface CheckOptions {
  /** record every expression's value (editor features) */
  record?: boolean;
  /** the previous check of this file: unchanged definitions are not checked again */
  previous?: Reusable;
  /**
   * How much work the check may do (budget.ts): `steps` and `applications`
   * default to DEFAULT_LIMITS; a `deadline` (`Date.now()` milliseconds, none by
   * default) stops it at that time. A check that runs out stops with one
   * diagnostic (NN3013) where it stopped; what follows is not checked.
   */
  limits?: WorkLimits;
}

/**
 * Checks `file` and what it imports, read through `host`: every definition
 * on its own and every train block. Never throws on user input, and ends
 * within `options.limits` (or the default work budget) on any input.
 */
export function checkFile(file: string, host: Host, options: CheckOptions = {}): FileCheck {
  const st = new CheckState(options.limits);
  const stamp = {};
  if (options.record) {
    st.recording = new Recording();
    st.recordFile = file;
  }
  // an editor re-checks the file after every edit: its parse reuses the previous one's unchanged lines and items
  const previousProgram = options.previous?.module.file === file ? options.previous.module.program : undefined;
  const module = loadModule(st, host, file, options.record ? { incremental: true, previous: previousProgram } : {});
  if (!module) return { file, module, diagnostics: [], state: st, stamp };
  const diagnostics: Diagnostic[] = [...module.diagnostics];
  const own = module.program.items.filter((i): i is Definition => i.kind === 'Definition' && module.definitions.get(i.name.name)?.definition === i);
  const isOwn = new Set<Definition>(own); // a Set: a file may hold tens of thousands of definitions
  // first what the previous check can give, so that the rest finds it when it applies them
  // (only editors re-check the same file again and again: the CLI skips the keys)
  const names = new NamesByText(options.previous?.names);
  const keys = new Map(options.record ? own.map((d) => [d, reuseKey(st, module, d, names)]) : []);
  const carried = new Map<Definition, Definition>();
  if (options.previous) {
    for (const def of own) {
      const key = keys.get(def);
      const before = key !== undefined ? reuse(st, options.previous, key, module, def) : undefined;
      if (before) carried.set(def, before);
    }
  }
  for (const item of module.program.items) {
    if (st.budget.stopped) break; // reported once, where it stopped
    // appended one by one, not push(...): a definition may have more diagnostics than a call may have arguments
    if (item.kind === 'Definition' && isOwn.has(item)) for (const d of checkGeneric(st, module, item).diagnostics) diagnostics.push(d);
    else if (item.kind === 'Train') for (const d of st.collect(() => checkTrainSafely(st, module, item)).diagnostics) diagnostics.push(d);
  }
  const results = new Map<string, { definition: Definition; result: GenericResult }>();
  for (const def of own) {
    const key = keys.get(def);
    const result = st.generic.get(def);
    if (key !== undefined && result) results.set(key, { definition: def, result });
  }
  if (st.recording && options.previous?.recording) st.recording.carryOver(options.previous.recording, carried);
  const reusable: Reusable = { module, recording: st.recording, results, names, stamp };
  const mine = withoutCascades(module, diagnostics.filter((d) => d.file === undefined || d.file === file));
  for (const d of divisionComments(module)) mine.push(d);
  mine.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const carriedOver = st.recording && options.previous
    ? { carriedOver: { from: options.previous.stamp, starts: new Map([...carried].map(([def, before]) => [def, before.range.start])) } }
    : {};
  return { file, module, diagnostics: dedupe(mine), ...(st.recording ? { recording: st.recording } : {}), state: st, reusable, stamp, ...carriedOver };
}

/** A train block whose expressions nest deeper than the stack, go past exact sizes or past the work budget is a diagnostic, not a crash. */
function checkTrainSafely(st: CheckState, module: Module, item: TrainDecl): void {
  try {
    checkTrain(st, module, item);
  } catch (e) {
    if (e instanceof BudgetExceeded) return reportStop(st, e, { file: module.file, range: item.target.range, what: msg`this train block` });
    if (e instanceof SizeLimitError) return reportSizeLimit(st, { module, scope: new Scope(), mode: 'generic', iteration: '', path: '', lenient: false }, e, item.target.range);
    if (!(e instanceof RangeError)) throw e;
    st.diagnostics.push({ severity: 'error', code: 'NN0003', message: msg`this train block nests too deeply to check`, range: item.target.range, file: module.file });
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.range.start}:${d.range.end}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
