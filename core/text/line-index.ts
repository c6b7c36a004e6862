// Offsets <-> zero-based line and character (UTF-16 code units, as LSP),
// clamped as `vscode-languageserver-textdocument` does: a position past its
// line's end stays on its line.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: this.beforeLineBreak(offset, this.starts[lo]!) - this.starts[lo]! };
  }

  /**
   * The offset of a position, clamped as LSP says: a character past the
   * end of its line is the line's end (never the next line), a line past
   * the last is the end of the text, a negative one its start.
   */
  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line]!;
    if (pos.character <= 0) return start;
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1]! : this.text.length;
    return this.beforeLineBreak(Math.min(start + pos.character, next), start);
  }

  /** `offset`, moved back before the line break it is in or after (between `\r` and `\n` included). */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13;
