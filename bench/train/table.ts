// The benchmark's results as Markdown tables: samples per second (median of
// the rounds) with nn's ratio to the fastest other contender, then each
// contender's final test accuracy (of its median run), then why a contender is
// missing.

import type { Outcome } from './contenders.js';
import type { Workload } from './workloads.js';

export interface Row {
  workload: Workload;
  epochs: number;
  /** each contender's outcomes, one per round, by the contenders' order */
  outcomes: Outcome[][];
}

/** `own`: how many of the first contenders are nn's own; `nn / best` is the first against the fastest of the rest, `nn / op by op` the first against the second. */
export function resultTables(contenders: readonly string[], rows: readonly Row[], own = 1): string {
  const header = (last: string[]) => [`| workload | ${[...contenders, ...last].join(' | ')} |`, `|---|${[...contenders, ...last].map(() => '---:').join('|')}|`];
  const speed = header(own > 1 ? ['nn / op by op', 'nn / best'] : ['nn / best']);
  const accuracy = header([]);
  const missing = new Map<string, string>();
  for (const row of rows) {
    const medians = row.outcomes.map((runs) => medianOutcome(runs));
    medians.forEach((m, i) => 'missing' in m && missing.set(contenders[i]!, m.missing));
    const nn = medians[0]!;
    const others = medians.slice(own).flatMap((m) => ('missing' in m ? [] : [m.samplesPerSecond]));
    const ratio = 'missing' in nn || others.length === 0 ? '–' : (nn.samplesPerSecond / Math.max(...others)).toFixed(2);
    const opByOp = medians[1];
    const gain = own < 2 ? [] : ['missing' in nn || !opByOp || 'missing' in opByOp ? '–' : (nn.samplesPerSecond / opByOp.samplesPerSecond).toFixed(2)];
    const name = `${row.workload.name}, ${row.epochs} epoch${row.epochs === 1 ? '' : 's'}`;
    speed.push(`| ${name} | ${medians.map((m) => ('missing' in m ? '–' : thousands(m.samplesPerSecond))).join(' | ')} | ${[...gain, ratio].join(' | ')} |`);
    accuracy.push(`| ${name} | ${medians.map((m) => ('missing' in m ? '–' : `${(m.accuracy * 100).toFixed(1)}%`)).join(' | ')} |`);
  }
  const notes = [...missing].map(([name, why]) => `- ${name}: ${why}`);
  return [
    'Training samples per second (median of the rounds; each epoch with its test evaluation):',
    '',
    ...speed,
    '',
    'Final test accuracy on the 2,000 held-out digits (of the run with the median pace):',
    '',
    ...accuracy,
    ...(notes.length > 0 ? ['', 'Missing:', ...notes] : []),
  ].join('\n');
}

/** The median run by pace (a run that did not happen counts only when none did). */
export function medianOutcome(runs: readonly Outcome[]): Outcome {
  const done = runs.filter((r): r is Exclude<Outcome, { missing: string }> => !('missing' in r)).sort((a, b) => a.samplesPerSecond - b.samplesPerSecond);
  if (done.length === 0) return runs[0] ?? { missing: 'not run' };
  return done[Math.floor(done.length / 2)]!;
}

export function thousands(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** One run's line while the benchmark goes: `cnn round 2/3  Keras  3,672 samples/s, test accuracy 98.1%`. */
export function runLine(workload: Workload, round: number, rounds: number, contender: string, outcome: Outcome): string {
  const what = 'missing' in outcome ? outcome.missing : `${thousands(outcome.samplesPerSecond)} samples/s, test accuracy ${(outcome.accuracy * 100).toFixed(1)}%`;
  return `${workload.id} round ${round}/${rounds}  ${contender.padEnd(14)} ${what}`;
}
