// The documents waiting for their check, checked one per macrotask and in
// turn: a document changed again keeps its place (it is checked at its
// newest version when its turn comes), so one document edited without a
// pause cannot starve the others. Between two checks the connection handles
// what the client sent: a check steps aside while messages are on their way
// (traffic.ts: read and not yet handled, or answered and not yet written),
// so requests are answered before checks that were only waiting for their
// turn, and after at most one running check (bounded by its deadline).

import type { Traffic } from './traffic.js';

/** A check steps aside for waiting messages at most this many times in a row, so that a stream of requests cannot starve the checks. */
const MAX_STEPS_ASIDE = 64;

export class CheckQueue {
  /** the documents waiting, in turn order (a Set keeps insertion order) */
  private readonly waiting = new Set<string>();
  private armed = false;
  private stepsAside = 0;
  /** checks run since the server started (work done, for tests) */
  checks = 0;

  constructor(
    private readonly check: (uri: string) => void,
    private readonly traffic?: Traffic,
  ) {
    traffic?.onIdle(() => this.arm());
  }

  /** Queues the check of `uri`; a document already waiting keeps its place. */
  add(uri: string): void {
    this.waiting.add(uri);
    this.arm();
  }

  delete(uri: string): void {
    this.waiting.delete(uri);
  }

  has(uri: string): boolean {
    return this.waiting.has(uri);
  }

  private arm(): void {
    if (this.armed || this.waiting.size === 0) return;
    this.armed = true;
    // two turns of the event loop: a message whose bytes were read meanwhile is decoded, and counted, by then
    setImmediate(() =>
      setImmediate(() => {
        this.armed = false;
        this.next();
      }),
    );
  }

  private next(): void {
    if (this.traffic && this.traffic.size > 0 && this.stepsAside < MAX_STEPS_ASIDE) {
      this.stepsAside++;
      this.arm();
      return;
    }
    this.stepsAside = 0;
    const [uri] = this.waiting;
    if (uri === undefined) return;
    this.waiting.delete(uri);
    try {
      this.checks++;
      this.check(uri);
    } finally {
      this.arm();
    }
  }
}
