// The smallest edits that turn one text into another, for formatting: an
// editor that applies them keeps its cursors, selections and undo history
// where the text did not change (one edit of the whole document moves every
// cursor to the end and makes the format one opaque undo step).
//
// Lines are compared first (Myers' O(ND) difference algorithm); a run of
// changed lines replaced by as many lines is refined line by line to the
// characters that differ (common prefix and suffix); other runs become one
// edit trimmed the same way. Positions are zero-based lines and UTF-16
// characters, as LSP counts them. Pure: no LSP import.

export interface TextPosition {
  line: number;
  character: number;
}

export interface TextChange {
  range: { start: TextPosition; end: TextPosition };
  newText: string;
}

/** Above this many differing lines the line diff is not searched: one trimmed edit instead. */
const MAX_LINE_DIFFERENCES = 1000;

/** Edits (in order, not overlapping) that turn `before` into `after`; none when they are equal. */
export function textEdits(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const hunks = diffLines(a, b);
  const edits: TextChange[] = [];
  for (const h of hunks) {
    if (h.aEnd - h.aStart === h.bEnd - h.bStart) {
      for (let k = 0; k < h.aEnd - h.aStart; k++) {
        const edit = trimmedEdit(a[h.aStart + k]!, b[h.bStart + k]!, h.aStart + k);
        if (edit) edits.push(edit);
      }
    } else {
      const edit = trimmedEdit(a.slice(h.aStart, h.aEnd).join(''), b.slice(h.bStart, h.bEnd).join(''), h.aStart);
      if (edit) edits.push(edit);
    }
  }
  return edits;
}

/** The lines of a text, each with its line break (`\n`; a `\r` before it stays in the line). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** One edit replacing `before` (which starts at the beginning of line `line`) by `after`, less what they share at both ends. */
function trimmedEdit(before: string, after: string, line: number): TextChange | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // never split a surrogate pair
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    range: { start: positionIn(before, prefix, line), end: positionIn(before, before.length - suffix, line) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The position of `offset` in `text`, which starts at the beginning of line `line`. */
function positionIn(text: string, offset: number, line: number): TextPosition {
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

interface Hunk {
  /** old lines [aStart, aEnd) are replaced by new lines [bStart, bEnd) */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** The runs of lines that differ, in order (Myers' algorithm on what lies between the common head and tail). */
export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length === 0 && y.length === 0) return [];
  const matches = commonLines(x, y);
  if (matches === undefined) return [{ aStart: head, aEnd: a.length - tail, bStart: head, bEnd: b.length - tail }];
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [x.length, y.length] as const]) {
    if (mi > i || mj > j) hunks.push({ aStart: head + i, aEnd: head + mi, bStart: head + j, bEnd: head + mj });
    i = mi + 1;
    j = mj + 1;
  }
  return hunks;
}

/**
 * The pairs (i, j) of lines x[i] = y[j] kept by a shortest edit script, in
 * order; undefined when more than MAX_LINE_DIFFERENCES lines differ.
 */
function commonLines(x: readonly string[], y: readonly string[]): [number, number][] | undefined {
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, MAX_LINE_DIFFERENCES);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      next[offset + k] = i;
      if (i >= n && j >= m) return backtrack(trace, next, d, k, offset);
    }
    v = next;
  }
  return undefined;
}

/** Walks the furthest-reaching paths back from (n, m), collecting the diagonal (matching) steps. */
function backtrack(trace: Int32Array[], last: Int32Array, d: number, k: number, offset: number): [number, number][] {
  const pairs: [number, number][] = [];
  let i = last[offset + k]!;
  let j = i - k;
  for (let step = d; step > 0; step--) {
    const v = trace[step]!;
    const down = k === -step || (k !== step && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevI = v[offset + prevK]!;
    const prevJ = prevI - prevK;
    const startI = down ? prevI : prevI + 1;
    const startJ = down ? prevJ + 1 : prevJ;
    while (i > startI && j > startJ) {
      i--;
      j--;
      pairs.push([i, j]);
    }
    i = prevI;
    j = prevJ;
    k = prevK;
  }
  while (i > 0 && j > 0) {
    i--;
    j--;
    pairs.push([i, j]);
  }
  return pairs.reverse();
}
