// The abstract syntax tree of a `.nn` file: plain data, one `kind` per node,
// every node with its source range (zero-based UTF-16 offsets, end exclusive).
// The grammar knows nothing of shapes, LSP or TensorFlow; semantic results
// live in side tables keyed by node.

export interface Range {
  start: number;
  end: number;
}

export interface NodeBase {
  range: Range;
}

// ---------------------------------------------------------------- names

export interface Identifier extends NodeBase {
  kind: 'Identifier';
  name: string;
}

// ---------------------------------------------------------------- expressions

export interface NumberLiteral extends NodeBase {
  kind: 'Number';
  value: number;
  /** true when written with a `.` or an exponent (`0.5`, `2e-4`): a float. */
  isFloat: boolean;
  /** the exact source spelling (`2e-4`, `.5`, `1000`); the printer keeps it */
  text: string;
}

export interface StringLiteral extends NodeBase {
  kind: 'String';
  value: string;
}

export interface BoolLiteral extends NodeBase {
  kind: 'Bool';
  value: boolean;
}

/** `[a, b, c]`: a list of values, and also how shapes are written (`[B, H/2, 64]`). */
export interface ListExpr extends NodeBase {
  kind: 'List';
  items: Expr[];
}

/** `{ key: value, ... }`: a record, used for train-block settings. */
export interface RecordExpr extends NodeBase {
  kind: 'Record';
  fields: Argument[];
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '@' | '**'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or';

export interface BinaryExpr extends NodeBase {
  kind: 'Binary';
  op: BinaryOp;
  opRange: Range;
  left: Expr;
  right: Expr;
}

export interface UnaryExpr extends NodeBase {
  kind: 'Unary';
  op: '-' | '+' | 'not';
  operand: Expr;
}

/** One argument of a call: positional (`64`) or named (`stride: 2`). */
export interface Argument extends NodeBase {
  kind: 'Argument';
  name?: Identifier;
  value: Expr;
}

/**
 * `f(args)`. The callee may itself be a call: `MultiHeadAttention(8, 512)(q, k, v)`
 * configures a layer, then applies it to three tensors.
 */
export interface CallExpr extends NodeBase {
  kind: 'Call';
  callee: Expr;
  args: Argument[];
  /** range of the parenthesised argument list, `(` to `)` inclusive */
  argsRange: Range;
}

/** `a:b:c` inside an index; each part optional (`:`, `2:`, `:-1`, `::2`). */
export interface SliceItem extends NodeBase {
  kind: 'Slice';
  start?: Expr;
  stop?: Expr;
  step?: Expr;
}

/** `...` inside an index: all the axes not named. */
export interface EllipsisItem extends NodeBase {
  kind: 'Ellipsis';
}

/** `newaxis` inside an index: a new axis of size 1. */
export interface NewAxisItem extends NodeBase {
  kind: 'NewAxis';
}

export type IndexItem = SliceItem | EllipsisItem | NewAxisItem | Expr;

/** `x[..., 0:4]`, `x[:, 0]`, `x[..., newaxis, 0:4]` */
export interface IndexExpr extends NodeBase {
  kind: 'Index';
  target: Expr;
  items: IndexItem[];
}

/** `embed.embeddings`, `dense.kernel`: a weight of a layer bound to a name. */
export interface MemberExpr extends NodeBase {
  kind: 'Member';
  target: Expr;
  member: Identifier;
}

/**
 * `head -> stage -> stage`. Each stage receives the value on its left:
 * a layer (`ReLU`, `Conv2D(64, 3)`), a block (`VGGBlock(2, 64)`), a tensor
 * function whose first argument is the piped value (`reshape([B, 784])`),
 * `repeat n { ... }`, or `if c { ... } else { ... }`.
 */
export interface PipeExpr extends NodeBase {
  kind: 'Pipe';
  head: Expr;
  stages: Expr[];
  /**
   * Layout, not meaning (ignored by `stripRanges`): `breaks[i]` is true when
   * stage i began a line in the source (its `->`, or the stage itself after a
   * trailing `->`, was the first thing on its line). Absent when the whole
   * pipe was written on one line. The printer breaks before exactly these
   * stages. (additive: added by the grammar)
   */
  breaks?: boolean[];
}

/** `repeat n { stage -> stage }`: only meaningful as a pipeline stage. */
export interface RepeatExpr extends NodeBase {
  kind: 'Repeat';
  count: Expr;
  /** the stages applied n times, each time with fresh weights */
  body: Expr;
}

/**
 * `if cond { a } else { b }` as an expression. The condition must be known
 * at check time. As a pipeline stage its branches are stages.
 */
export interface IfExpr extends NodeBase {
  kind: 'IfExpr';
  condition: Expr;
  then: Expr;
  else?: Expr;
}

/** `( expr )`, kept so that ranges and the printer stay faithful. */
export interface ParenExpr extends NodeBase {
  kind: 'Paren';
  inner: Expr;
}

/** Where the parser recovered from an error: an expression that is missing. */
export interface ErrorExpr extends NodeBase {
  kind: 'ErrorExpr';
}

export type Expr =
  | Identifier
  | NumberLiteral
  | StringLiteral
  | BoolLiteral
  | ListExpr
  | RecordExpr
  | BinaryExpr
  | UnaryExpr
  | CallExpr
  | IndexExpr
  | MemberExpr
  | PipeExpr
  | RepeatExpr
  | IfExpr
  | ParenExpr
  | ErrorExpr;

// ---------------------------------------------------------------- statements

/** `input x: [B, H, W, C] int optional` */
export interface InputStmt extends NodeBase {
  kind: 'Input';
  name: Identifier;
  shape: ListExpr;
  /** `float32` when absent; `int` / `int32` / `float` / `bool` when written */
  dtype?: Identifier;
  optional: boolean;
  doc?: string;
}

/** `let h = expr`, `let h: [B, 10] = expr`, `let a, b = split(x, 2)` */
export interface LetStmt extends NodeBase {
  kind: 'Let';
  names: Identifier[];
  annotation?: ListExpr;
  value: Expr;
  doc?: string;
}

/** `y = expr`: rebinds an existing name (inside loops). */
export interface AssignStmt extends NodeBase {
  kind: 'Assign';
  name: Identifier;
  value: Expr;
}

/** `output expr`, `output masks = expr`, `output expr: [B, 10]` */
export interface OutputStmt extends NodeBase {
  kind: 'Output';
  name?: Identifier;
  annotation?: ListExpr;
  value: Expr;
  doc?: string;
}

/** `repeat n { statements }`, `repeat i in n { statements }` */
export interface RepeatStmt extends NodeBase {
  kind: 'RepeatStmt';
  variable?: Identifier;
  count: Expr;
  body: Statement[];
}

/** `for f in [64, 128, 256] { statements }` */
export interface ForStmt extends NodeBase {
  kind: 'For';
  variable: Identifier;
  iterable: Expr;
  body: Statement[];
}

/** `if cond { ... } else if cond { ... } else { ... }` */
export interface IfStmt extends NodeBase {
  kind: 'IfStmt';
  condition: Expr;
  then: Statement[];
  else?: Statement[] | IfStmt;
}

export type Statement = InputStmt | LetStmt | AssignStmt | OutputStmt | RepeatStmt | ForStmt | IfStmt;

// ---------------------------------------------------------------- top level

export type TypeName = 'int' | 'float' | 'bool' | 'string' | 'shape' | 'any';

/** `name: int = 3`, `sizes: [int] = [1, 2]` */
export interface Param extends NodeBase {
  kind: 'Param';
  name: Identifier;
  /** the written type: `int`, or `[int]` for a list of ints */
  type?: TypeRef;
  default?: Expr;
  /** the `///` doc comment above the parameter (additive: added by the grammar) */
  doc?: string;
}

export interface TypeRef extends NodeBase {
  kind: 'TypeRef';
  name: string;
  /** `[int]`: a list of the named type */
  list: boolean;
}

export type DefinitionKind = 'model' | 'block' | 'loss' | 'pipeline';

/**
 * `model Name(params) { ... }`, and likewise `block`, `loss` and `pipeline`.
 * A block is a reusable sub-network; a model is a block that commands
 * train, run and summarise; a loss is tensor math from predictions and
 * targets to a scalar; a pipeline may use steps that are not layers.
 */
export interface Definition extends NodeBase {
  kind: 'Definition';
  defKind: DefinitionKind;
  keywordRange: Range;
  name: Identifier;
  params: Param[];
  body: Statement[];
  doc?: string;
  /**
   * Layout, not meaning (ignored by `stripRanges`): true when an empty
   * parameter list was written, `model D() { ... }`; the printer keeps it.
   * (additive: added by the grammar)
   */
  emptyParens?: boolean;
}

/** `import "./blocks.nn"` or `import { A, B } from "./blocks.nn"` */
export interface ImportDecl extends NodeBase {
  kind: 'Import';
  names: Identifier[];
  path: StringLiteral;
}

/** One setting in a train block: `epochs: 5`, or a directive `adversarial(...)`. */
export interface TrainEntry extends NodeBase {
  kind: 'TrainEntry';
  key?: Identifier;
  value: Expr;
}

/** `train MLP on mnist(split: 0.8) { loss: crossentropy ... }` */
export interface TrainDecl extends NodeBase {
  kind: 'Train';
  target: Identifier;
  data: Expr;
  entries: TrainEntry[];
  doc?: string;
}

export type TopLevel = ImportDecl | Definition | TrainDecl;

export interface Comment {
  range: Range;
  text: string;
  doc: boolean;
  /**
   * true when the comment is the first thing on its line; false for a
   * trailing comment after code (additive: added by the grammar, so the
   * printer can keep trailing comments on their line)
   */
  ownLine?: boolean;
  /**
   * the comment's column in the source (UTF-16 units from its line start);
   * layout only: the printer aligns a run of trailing comments at least at
   * this column when its line is unchanged (additive: added by the grammar)
   */
  column?: number;
  /**
   * for a trailing comment, the column where the code before it ends in the
   * source (spaces excluded); layout only: it tells the printer whether the
   * line it prints is the line the user aligned (additive)
   */
  codeEnd?: number;
}

export interface Program extends NodeBase {
  kind: 'Program';
  items: TopLevel[];
  /** every comment in source order (the printer keeps them) */
  comments: Comment[];
  /**
   * Layout, not meaning (ignored by `stripRanges`): the offsets where the
   * source has an empty (or whitespace-only) line, ascending. The printer
   * keeps one blank line where the user left one between statements, train
   * entries or comments inside a body. (additive: added by the grammar)
   */
  blankLines?: number[];
  /**
   * Where a syntax error left the source unreadable (ignored by
   * `stripRanges`): for each reported mistake, from the start of the
   * statement it is in to the end of its line. The checker says nothing
   * more there (one error per mistake). (additive: added by the grammar)
   */
  damaged?: Range[];
}

export type Node =
  | Program
  | TopLevel
  | Statement
  | Expr
  | Argument
  | Param
  | TypeRef
  | TrainEntry
  | SliceItem
  | EllipsisItem
  | NewAxisItem;
