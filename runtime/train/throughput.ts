// How fast a run goes, for its `batch` events: examples a second over the
// last second or so, and the seconds since the run started. Examples are
// counted from the batch position (the last batch of an epoch may be short),
// so the meter needs no hook in the training step.

/** Measure over at least this long (the batch events come at most four times a second). */
const WINDOW_MS = 1000;

export interface Pace {
  /** examples learnt from per second, over the last second or so */
  examplesPerSecond: number;
  /** seconds since the run started */
  elapsed: number;
}

export class Throughput {
  private readonly started: number;
  /** (time, examples seen) at earlier batch events, oldest first */
  private readonly marks: { at: number; examples: number }[];

  /**
   * @param batchSize examples per batch
   * @param examplesPerEpoch examples in an epoch (its last batch holds the rest)
   * @param firstEpoch the 0-based epoch the run starts at (resuming)
   */
  constructor(
    private readonly batchSize: number,
    private readonly examplesPerEpoch: number,
    private readonly firstEpoch: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
    this.marks = [{ at: this.started, examples: 0 }];
  }

  /** The pace after `batch` (1-based) of `epoch` (1-based) is done. */
  at(epoch: number, batch: number): Pace {
    const at = this.now();
    const examples = (epoch - 1 - this.firstEpoch) * this.examplesPerEpoch + Math.min(batch * this.batchSize, this.examplesPerEpoch);
    // the newest mark at least a window old (or the oldest there is) is where the measure starts
    while (this.marks.length > 1 && at - this.marks[1]!.at >= WINDOW_MS) this.marks.shift();
    const from = this.marks[0]!;
    const seconds = (at - from.at) / 1000;
    this.marks.push({ at, examples });
    return {
      examplesPerSecond: seconds > 0 ? Math.round(((examples - from.examples) / seconds) * 10) / 10 : 0,
      elapsed: Math.round((at - this.started) / 10) / 100,
    };
  }
}
