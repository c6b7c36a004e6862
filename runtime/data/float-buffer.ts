// A Float32Array that grows as values are appended: the features of a
// text file whose length is known only at its end.

export class FloatBuffer {
  private data = new Float32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values appended, in an array of their own. */
  values(): Float32Array {
    return this.data.slice(0, this.length);
  }
}
