// One budget of work for a whole check. Loops unroll and definitions are
// applied again at each use, so nested repeats (and repeats reached through
// blocks that call blocks) multiply: each repeat is bounded on its own
// (loops.ts), the product is bounded here. Every expression evaluated,
// statement run and layer or block applied spends from one counter; when it
// runs out, or an optional deadline passes, the check stops with one
// diagnostic at the place it stopped (NN3013) instead of running for minutes
// or out of memory. The same budget applies to `nn check`, `nn summary`, the
// trace for training and the language server.

import type { Range } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';

export interface WorkLimits {
  /** the most steps (expressions evaluated, statements run, layers and blocks applied) one check may take */
  steps?: number;
  /** the most layer and block applications one check may make (what the summary lists, and the graph holds) */
  applications?: number;
  /** a time (`Date.now()`, milliseconds) after which the check stops; none by default, so the CLI is deterministic */
  deadline?: number;
}

/**
 * The limits when none are given. The bundled models take at most about
 * 4,500 steps and 600 applications to check, summarise or trace (sam.nn,
 * resnet.nn, transformer.nn): the limits leave a margin of a hundred times
 * and more, and the worst case (a summary that lists every application)
 * stays near a second.
 */
export const DEFAULT_LIMITS: Readonly<Required<Omit<WorkLimits, 'deadline'>>> = {
  steps: 2_000_000,
  applications: 50_000,
};

export type StopReason = 'steps' | 'applications' | 'deadline';

/** A place in a file: where the check stopped, or a site it passed through. */
export interface Place {
  file: string;
  range: Range;
  /** what is there: 'this repeat', 'Encoder' */
  what: string;
}

/**
 * Thrown when the budget is spent; the checker's repeats and applications
 * add their places as it passes through them, and the outermost check
 * turns it into one diagnostic (`stopDiagnostic`).
 */
export class BudgetExceeded extends Error {
  /** the innermost site it passed through: where the work ran out */
  innermost: Place | undefined;
  /** the outermost site so far: what to underline in the definition being checked */
  outermost: Place | undefined;

  constructor(
    readonly reason: StopReason,
    readonly limit: number,
  ) {
    super(`check stopped: ${reason}`);
  }

  /** Records a site the exception leaves through (innermost first). */
  passThrough(place: Place): void {
    this.innermost ??= place;
    this.outermost = place;
  }
}

/** How often (in steps) the clock is read when there is a deadline: often enough for an editor, rarely enough to cost nothing. */
const CLOCK_EVERY = 1024;

export class WorkBudget {
  steps = 0;
  applications = 0;
  /** set once the budget is spent: every later step stops again at once */
  stopped: BudgetExceeded | undefined;
  /** whether the stop was reported already (one diagnostic per check) */
  reported = false;
  readonly maxSteps: number;
  readonly maxApplications: number;
  readonly deadline: number | undefined;

  constructor(limits: WorkLimits = {}) {
    this.maxSteps = limits.steps ?? DEFAULT_LIMITS.steps;
    this.maxApplications = limits.applications ?? DEFAULT_LIMITS.applications;
    this.deadline = limits.deadline;
  }

  /** One step of work (an expression, a statement). Throws BudgetExceeded when the budget is spent. */
  step(): void {
    if (this.stopped) throw this.renew();
    if (++this.steps > this.maxSteps) this.stop('steps', this.maxSteps);
    if (this.deadline !== undefined && this.steps % CLOCK_EVERY === 0 && Date.now() > this.deadline) this.stop('deadline', this.deadline);
  }

  /** One layer or block application (also a step). */
  application(): void {
    this.step();
    if (++this.applications > this.maxApplications) this.stop('applications', this.maxApplications);
  }

  /**
   * Layer and block applications reused from an identical earlier one
   * (definitions.ts): not done again, but counted, so that a check and a
   * summary (which reuses nothing) agree on what a model unrolls to.
   */
  reuseApplications(n: number): void {
    if (this.stopped) throw this.renew();
    this.applications += n;
    if (this.applications > this.maxApplications) this.stop('applications', this.maxApplications);
  }

  private stop(reason: StopReason, limit: number): never {
    this.stopped = new BudgetExceeded(reason, limit);
    throw this.stopped;
  }

  /** After the stop: a fresh exception of the same reason, to collect the places of where it is thrown now. */
  private renew(): BudgetExceeded {
    return new BudgetExceeded(this.stopped!.reason, this.stopped!.limit);
  }
}

// by hand: the first toLocaleString loads the locale data (a third of a second)
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The one diagnostic of a stopped check: at the outermost repeat or
 * application it passed through in the definition being checked (or at
 * `fallback`, the definition's name), with where the work ran out as related
 * information when that is elsewhere.
 */
export function stopDiagnostic(e: BudgetExceeded, fallback: Place): Diagnostic {
  const at = e.outermost ?? fallback;
  const d: Diagnostic = { severity: 'error', code: 'NN3013', message: stopMessage(e, at.what), range: at.range, file: at.file };
  const inner = e.innermost;
  if (inner && (inner.file !== at.file || inner.range.start !== at.range.start || inner.range.end !== at.range.end)) {
    d.related = [{ file: inner.file, range: inner.range, message: msg`the check stopped here, in ${inner.what}` }];
  }
  return d;
}

function stopMessage(e: BudgetExceeded, what: string): string {
  switch (e.reason) {
    case 'applications':
      return msg`${what} applies more than ${count(e.limit)} layers and blocks in all (nested repeats multiply); nn checks up to ${count(e.limit)}: the check stopped here`;
    case 'steps':
      return msg`${what} takes more than ${count(e.limit)} steps to check (expressions, statements and applications, with every repeat unrolled); nn checks up to ${count(e.limit)}: the check stopped here`;
    case 'deadline':
      return msg`the check stopped here, at ${what}: it ran past its time limit`;
  }
}

/** Adds a site to a BudgetExceeded leaving through it; returns what was thrown, to throw on. */
export function passing(e: unknown, place: Place): unknown {
  if (e instanceof BudgetExceeded) e.passThrough(place);
  return e;
}

/** Reports a stopped check once (a check stops once; later definitions and train blocks stop at once too). */
export function reportStop(st: { budget: WorkBudget; diagnostics: Diagnostic[] }, e: BudgetExceeded, fallback: Place): void {
  if (st.budget.reported) return;
  st.budget.reported = true;
  st.diagnostics.push(stopDiagnostic(e, fallback));
}

/**
 * Runs `f`, a part of a check that applies definitions outside `checkFile`
 * and `checkGeneric` (a trace, an editor replaying a use): a spent budget is
 * reported once at `fallback` (or the outermost site it passed) and the
 * result is undefined.
 */
export function runBudgeted<T>(st: { budget: WorkBudget; diagnostics: Diagnostic[] }, fallback: Place, f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    reportStop(st, e, fallback);
    return undefined;
  }
}
