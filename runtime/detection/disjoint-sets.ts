// Disjoint sets (union-find) over the integers 0..n-1, with union by rank
// and path halving, as the graph-based segmentation grows its components.
// Each set's root also keeps the set's size.

export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;
  private readonly sizes: Int32Array;
  /** how many sets there are */
  count: number;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.rank = new Uint8Array(n);
    this.sizes = new Int32Array(n).fill(1);
    this.count = n;
  }

  /** The root of the set that holds `x`. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const grandparent = parent[parent[x]!]!;
      parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }

  /** The size of the set whose root is `root`. */
  size(root: number): number {
    return this.sizes[root]!;
  }

  /** Joins the sets whose roots are `a` and `b` (two different roots); returns the new root. */
  join(a: number, b: number): number {
    const rank = this.rank;
    if (rank[a]! < rank[b]!) [a, b] = [b, a];
    this.parent[b] = a;
    this.sizes[a] = this.sizes[a]! + this.sizes[b]!;
    if (rank[a] === rank[b]) rank[a] = rank[a]! + 1;
    this.count--;
    return a;
  }
}
