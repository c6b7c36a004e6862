// Text from a training process's pipes: complete lines out of the chunks
// they arrive in (a line may span chunks; \r\n and \n both end one), the
// events among stdout's lines (a line that is not a JSON object with a
// `type` is log text, not an event), and the tail of stderr for an error
// message. Pure: no vscode, no processes.

import type { TrainEvent } from '../../runtime/train/events.js';

/** Splits a stream's chunks into lines; keeps the unfinished end for the next chunk. */
export class LineSplitter {
  private pending = '';

  /** The lines this chunk completes. */
  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split('\n');
    this.pending = parts.pop()!;
    return parts.map(stripCarriageReturn);
  }

  /** The last line, when the stream ended without a newline. */
  flush(): string[] {
    const rest = stripCarriageReturn(this.pending);
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The event a line of `nn train --json` holds, or undefined for any other line. */
export function parseEventLine(line: string): TrainEvent | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string') return value as TrainEvent;
  } catch {
    // not JSON: log text
  }
  return undefined;
}

/** The events in the text of an events file (`<runDir>/events/<runId>.jsonl`); a torn last line (a crash mid-write) is left out. */
export function parseEventsText(text: string): TrainEvent[] {
  const out: TrainEvent[] = [];
  for (const line of text.split('\n')) {
    const event = parseEventLine(line);
    if (event) out.push(event);
  }
  return out;
}

/** The last `limit` characters written to a stream (stderr, for the message when a run fails). */
export class TextTail {
  private text = '';

  constructor(private readonly limit = 64 * 1024) {}

  push(chunk: string): void {
    this.text += chunk;
    // trim in steps, not on every chunk
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
  }

  /** The tail, starting at a line's beginning when it was cut. */
  value(): string {
    if (this.text.length <= this.limit) return this.text;
    const cut = this.text.slice(-this.limit);
    const newline = cut.indexOf('\n');
    return newline >= 0 && newline < cut.length - 1 ? cut.slice(newline + 1) : cut;
  }
}

/** The last `count` non-empty lines of a text (for a message). */
export function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(-count)
    .join('\n');
}
