// An unknown name that PyTorch or Keras has (NN1017): `Linear`, `Conv2d`,
// `nn.MaxPool2d`, `torch.cat`. The diagnostic says what the language calls
// it and what differs in the arguments, and its fix rewrites the whole call
// (`Linear(784, 128)` -> `Dense(128)`), so that one fix ends the mistake.

import type { CallExpr, Expr, Identifier, Program, Range } from '../../grammar/ast.js';
import { findLayer } from '../catalog/index.js';
import type { Fix, TextEdit } from '../diagnostics/diagnostic.js';
import { findFunction } from '../functions/index.js';
import { msg } from '../i18n/message.js';
import { ACTIVATION_LAYERS, findForeignName, foreignParam, type ForeignName } from './foreign-names.js';
import type { CheckState, Frame } from './state.js';

/** The module names code from elsewhere prefixes: `nn.Linear`, `F.relu`, `torch.cat`, `layers.Dense`. */
const MODULE_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['nn', 'PyTorch'],
  ['F', 'PyTorch'],
  ['torch', 'PyTorch'],
  ['keras', 'Keras'],
  ['layers', 'Keras'],
  ['tf', 'TensorFlow'],
]);

/**
 * Reports `id` when it is a PyTorch or Keras name (or their module prefix
 * before a name): true when reported, and the caller's value is unknown.
 */
export function reportForeignName(st: CheckState, fr: Frame, id: Identifier): boolean {
  const prefix = MODULE_PREFIXES.get(id.name);
  const foreign = findForeignName(id.name);
  if (!prefix && !foreign) return false;
  const parents = parentsOf(fr.module.program);
  const member = parents.get(id);
  if (prefix && isMember(member) && member.target === id) {
    // `torch.nn.Linear`, `tf.keras.layers.Dense`: the whole chain of modules
    let outer = member;
    for (let up = parents.get(outer); isMember(up) && up.target === outer; up = parents.get(outer)) outer = up;
    return reportPrefixed(st, fr, prefix, outer, parents.get(outer));
  }
  if (!foreign) return false;
  const call = parents.get(id);
  const fix = foreignFix(foreign, id, call?.kind === 'Call' && call.callee === id ? call : undefined, fr.module.text);
  st.error(fr, 'NN1017', foreignMessage(foreign), id.range, { fixes: fix ? [fix] : [] });
  return true;
}

/** `nn.Linear(784, 128)`, `nn.ReLU`, `F.relu(x)`: the prefix goes, and the name after the last dot is ours or the table's. */
function reportPrefixed(st: CheckState, fr: Frame, framework: string, member: MemberLike, parent: Parent | undefined): boolean {
  const name = member.member.name;
  const call = parent?.kind === 'Call' && (parent.callee as unknown) === member ? parent : undefined;
  const own = findLayer(name) ?? findFunction(name);
  const foreign = own ? undefined : findForeignName(name);
  const text = fr.module.text.slice(member.range.start, member.range.end);
  const prefix = text.slice(0, text.lastIndexOf('.') + 1);
  let message: string;
  let fix: Fix | undefined;
  if (own) {
    message = msg`'${text}': names here have no module prefix ('${prefix}'): write '${name}'`;
    fix = { title: msg`Change to '${name}'`, edits: [{ range: member.range, newText: name }] };
  } else if (foreign) {
    message = msg`'${text}': names here have no module prefix ('${prefix}'), and ${foreignMessage(foreign)}`;
    fix = foreignFix(foreign, member, call, fr.module.text);
  } else message = msg`'${text}': names here have no module prefix ('${prefix}'), and ${framework}'s '${name}' has no equivalent of that name`;
  st.error(fr, 'NN1017', message, member.range, { fixes: fix ? [fix] : [] });
  return true;
}

export function foreignMessage(f: ForeignName): string {
  const whose = f.from === 'PyTorch and Keras' ? msg`PyTorch's and Keras's` : f.from === 'PyTorch' ? msg`PyTorch's` : msg`Keras's`;
  if (f.ours && f.fix !== 'none') return msg`'${f.name}' is ${whose} name: here it is ${f.ours} (${f.note})`;
  return msg`'${f.name}' is ${whose} name, not one here: ${f.note}`;
}

/** The edits that turn a use of the foreign name (`callee`, called by `call` if it is) into ours. */
export function foreignFix(f: ForeignName, callee: { range: Range }, call: CallExpr | undefined, text: string): Fix | undefined {
  if (f.fix === 'none') return undefined;
  let edits: TextEdit[];
  if (f.fix === 'activation') {
    const [arg] = call?.args ?? [];
    const layer = call?.args.length === 1 && !arg!.name && arg!.value.kind === 'String' ? ACTIVATION_LAYERS[arg!.value.value] : undefined;
    if (!layer || !call) return undefined;
    edits = [{ range: call.range, newText: layer }];
  } else {
    edits = [{ range: callee.range, newText: f.ours! }];
    if (call) edits.push(...argumentEdits(f, call, text));
  }
  const scope = call ?? callee;
  return { title: msg`Change to '${applyEdits(text, scope.range, edits)}'`, edits };
}

/** The argument edits of a fix: the input size dropped, heads first, parameter names renamed. */
function argumentEdits(f: ForeignName, call: CallExpr, text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const positional = call.args.filter((a) => !a.name);
  const params = (findLayer(f.ours!) ?? findFunction(f.ours!))?.params ?? [];
  // the input size is there when one more positional argument is given than ours needs (`Conv2d(8, 3)` is a misspelt Conv2D)
  const named = (p: { name: string }) => call.args.some((a) => a.name && (a.name.name === p.name || foreignParam(a.name.name, params)?.ours === p.name));
  const needed = params.filter((p) => p.default === undefined && !p.optional && !named(p)).length;
  if (f.fix === 'dropInputSize' && positional.length > needed) edits.push({ range: removalRange(call, call.args.indexOf(positional[0]!)), newText: '' });
  if (f.fix === 'swapHeads' && positional.length >= 2) {
    const [a, b] = positional as [CallExpr['args'][number], CallExpr['args'][number]];
    edits.push({ range: a.value.range, newText: sourceOf(text, b.value) }, { range: b.value.range, newText: sourceOf(text, a.value) });
  }
  call.args.forEach((arg, i) => {
    if (!arg.name || params.some((p) => p.name === arg.name!.name)) return;
    const meant = foreignParam(arg.name.name, params);
    if (!meant) return;
    edits.push(meant.ours ? { range: arg.name.range, newText: meant.ours } : { range: removalRange(call, i), newText: '' });
  });
  return edits;
}

/** The text of argument `i` with the separator next to it, so removing it leaves a well-formed list. */
export function removalRange(call: CallExpr, i: number): Range {
  const arg = call.args[i]!;
  const next = call.args[i + 1];
  if (next) return { start: arg.range.start, end: next.range.start };
  const previous = call.args[i - 1];
  return previous ? { start: previous.range.end, end: arg.range.end } : arg.range;
}

/** The text of `range` after `edits` (all inside it). */
export function applyEdits(text: string, range: Range, edits: readonly TextEdit[]): string {
  let out = text.slice(range.start, range.end);
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    out = out.slice(0, e.range.start - range.start) + e.newText + out.slice(e.range.end - range.start);
  }
  return out;
}

function sourceOf(text: string, e: Expr): string {
  return text.slice(e.range.start, e.range.end);
}

// ---------------------------------------------------------------- parents

/** `nn.Linear`: a member access (its target and the name after the dot). */
interface MemberLike {
  kind: 'Member';
  range: Range;
  target: unknown;
  member: Identifier;
}

type Parent = CallExpr | MemberLike;

function isMember(p: Parent | undefined): p is MemberLike {
  return p?.kind === 'Member';
}

const PARENTS = new WeakMap<Program, Map<unknown, Parent>>();

/** Each call's callee and each member access's target, mapped to the call or member access. */
function parentsOf(program: Program): Map<unknown, Parent> {
  let parents = PARENTS.get(program);
  if (!parents) {
    parents = new Map();
    visit(program, parents);
    PARENTS.set(program, parents);
  }
  return parents;
}

function visit(node: unknown, parents: Map<unknown, Parent>): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, parents);
    return;
  }
  if (typeof node !== 'object' || node === null || !('kind' in node)) return;
  const n = node as Parent;
  if (n.kind === 'Call' || n.kind === 'Member') parents.set(n.kind === 'Call' ? n.callee : n.target, n);
  for (const [key, value] of Object.entries(n)) if (key !== 'range' && typeof value === 'object') visit(value, parents);
}
