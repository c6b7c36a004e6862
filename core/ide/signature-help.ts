// Signature help: inside the argument list of a call to a layer, block,
// function, or a train-block callable (data source, optimizer, schedule,
// `adversarial`), the callee's signature with the argument being typed.
//
// The call is the innermost one whose `(` is before the cursor and whose
// `)` (when written) is after it; a call the parser closed early because
// the `)` is missing (`Conv2D(64, ` mid-typing) still counts while only
// whitespace follows its end. The active parameter is the named argument
// being typed (`stride: |`), else the count of positional arguments before
// the cursor at the call's top nesting level. In a pipeline stage a
// function's first parameter is the piped value, so positions shift by one.
// A configured layer applied to tensors (`MultiHeadAttention(8, 512)(q, |)`)
// shows the layer's inputs (`query, key, value`).

import type { CallExpr, Definition, Node } from '../../grammar/ast.js';
import type { Literal } from '../catalog/layer-spec.js';
import { findLayer } from '../catalog/index.js';
import type { LayerSpec } from '../catalog/layer-spec.js';
import { findFunction } from '../functions/index.js';
import { translated } from '../i18n/message.js';
import { ADVERSARIAL, type Callable, DATA_SOURCES, OPTIMIZERS, SCHEDULES } from '../train/settings.js';
import type { Analysis } from './analysis.js';
import { authorDoc } from './hover-format.js';
import { childrenOf } from './node-at.js';
import type { SignatureHelp } from './types.js';

interface Param {
  label: string;
  name: string;
  doc?: string;
}

interface Target {
  name: string;
  doc?: string;
  params: Param[];
  /** positional arguments skip this many parameters (the piped value) */
  shift: number;
}

export function signatureHelp(a: Analysis, offset: number): SignatureHelp | undefined {
  const found = callAt(a, offset);
  if (!found) return undefined;
  const { call, parent, inTrain } = found;
  const target = targetOf(a, call, parent, inTrain);
  if (!target) return undefined;
  const label = `${target.name}(${target.params.map((p) => p.label).join(', ')})`;
  const { index, name, named } = activeArgument(a.text, call.argsRange.start + 1, offset);
  let active: number;
  if (name !== undefined) active = target.params.findIndex((p) => p.name === name);
  else {
    // The (index)-th parameter after the piped one that is not already given by name.
    const free = target.params.map((p, i) => ({ p, i })).filter(({ p, i }) => i >= target.shift && !named.includes(p.name));
    active = free[index]?.i ?? target.params.length - 1;
  }
  return {
    label,
    ...(target.doc !== undefined ? { documentation: target.doc } : {}),
    parameters: target.params.map((p) => ({ label: p.label, ...(p.doc !== undefined ? { documentation: p.doc } : {}) })),
    activeParameter: Math.max(active, 0),
  };
}

/** The innermost call whose argument list holds the cursor, with the node containing it. */
function callAt(a: Analysis, offset: number): { call: CallExpr; parent: Node | undefined; inTrain: boolean } | undefined {
  let best: { call: CallExpr; parent: Node | undefined; inTrain: boolean } | undefined;
  const visit = (node: Node, parent: Node | undefined, inTrain: boolean): void => {
    if (node.kind === 'Call' && inside(a.text, node, offset) && (!best || node.argsRange.start >= best.call.argsRange.start)) best = { call: node, parent, inTrain };
    for (const child of childrenOf(node)) visit(child, node, inTrain || node.kind === 'Train');
  };
  for (const item of a.program.items) visit(item, a.program, false);
  return best;
}

function inside(text: string, call: CallExpr, offset: number): boolean {
  const { start, end } = call.argsRange;
  if (offset <= start) return false;
  const closed = text[end - 1] === ')' && end - 1 > start;
  if (closed) return offset < end;
  return offset <= end || /^\s*$/.test(text.slice(end, offset));
}

function literal(l: Literal): string {
  if (typeof l === 'string') return `"${l}"`;
  if (Array.isArray(l)) return `[${l.join(', ')}]`;
  return String(l);
}

function fromSpec(params: readonly { name: string; default?: Literal; optional?: boolean; doc: string }[]): Param[] {
  return params.map((p) => ({ name: p.name, label: p.default !== undefined ? `${p.name}: ${literal(p.default)}` : p.optional ? `${p.name}?` : p.name, doc: translated(p.doc) }));
}

function layerTarget(spec: LayerSpec): Target {
  return { name: spec.name, doc: translated(spec.doc), params: fromSpec(spec.params), shift: 0 };
}

function targetOf(a: Analysis, call: CallExpr, parent: Node | undefined, inTrain: boolean): Target | undefined {
  // A configured layer or block applied to tensors: its inputs.
  if (call.callee.kind === 'Call') {
    const configured = a.recording.values.get(call.callee);
    const spec = configured?.kind === 'layer' ? configured.instance.spec : call.callee.callee.kind === 'Identifier' ? findLayer(call.callee.callee.name) : undefined;
    if (spec) {
      const names = spec.inputs.names.slice(0, spec.inputs.max);
      return { name: spec.name, doc: translated(spec.doc), params: names.map((n, i) => ({ name: n, label: i >= spec.inputs.min ? `${n}?` : n })), shift: 0 };
    }
    return undefined;
  }
  if (call.callee.kind !== 'Identifier') return undefined;
  const name = call.callee.name;
  if (inTrain) {
    const c = [...DATA_SOURCES, ...OPTIMIZERS, ...SCHEDULES, ADVERSARIAL].find((x) => x.name === name);
    if (c) return callableTarget(c);
  }
  const value = a.recording.values.get(call.callee);
  const isStage = parent?.kind === 'Pipe' && parent.stages.includes(call);
  if (value?.kind === 'layerKind') return layerTarget(value.spec);
  if (value?.kind === 'function') return { name, doc: translated(value.spec.doc), params: fromSpec(value.spec.params), shift: isStage ? 1 : 0 };
  const def = value?.kind === 'definition' ? value.definition : a.modules.get(a.file)?.definitions.get(name)?.definition;
  if (def) return definitionTarget(a, def, value?.kind === 'definition' ? value.file : (a.modules.get(a.file)?.definitions.get(name)?.file ?? a.file));
  const layer = findLayer(name);
  if (layer) return layerTarget(layer);
  const fn = findFunction(name);
  if (fn) return { name, doc: translated(fn.doc), params: fromSpec(fn.params), shift: isStage ? 1 : 0 };
  return undefined;
}

function callableTarget(c: Callable): Target {
  return { name: c.name, doc: translated(c.doc), params: fromSpec(c.params), shift: 0 };
}

function definitionTarget(a: Analysis, def: Definition, file: string): Target {
  const text = a.modules.get(file)?.text ?? '';
  const params = def.params.map((p) => {
    const type = p.type ? `${p.type.list ? `[${p.type.name}]` : p.type.name}` : undefined;
    const label = p.default ? `${p.name.name}: ${text.slice(p.default.range.start, p.default.range.end)}` : p.name.name;
    const doc = [type ? `\`${type}\`` : undefined, authorDoc(p.doc)].filter((s) => s !== undefined).join(': ');
    return { name: p.name.name, label, ...(doc ? { doc } : {}) };
  });
  return { name: def.name.name, ...(def.doc !== undefined ? { doc: authorDoc(def.doc) } : {}), params, shift: 0 };
}

/**
 * Scans the argument text from just after `(` to the cursor: top-level
 * commas separate arguments; brackets, strings and comments are skipped.
 * Returns how many positional arguments come before the current one, and
 * the current argument's name when it is written `name: ...`.
 */
function activeArgument(text: string, from: number, to: number): { index: number; name?: string; named: string[] } {
  const named: string[] = [];
  let depth = 0;
  let positional = 0;
  let segment = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      i = close < 0 || close >= to ? to : close;
      segment += '""';
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl >= to ? to : nl;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      const n = /^\s*([A-Za-z_]\w*)\s*:/.exec(segment);
      if (n) named.push(n[1]!);
      else positional++;
      segment = '';
      continue;
    }
    segment += c;
  }
  const current = /^\s*([A-Za-z_]\w*)\s*:/.exec(segment);
  return current ? { index: positional, name: current[1]!, named } : { index: positional, named };
}
