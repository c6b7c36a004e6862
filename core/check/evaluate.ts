// Evaluates expressions to values: numbers, symbolic dims, tensors with
// shapes, layers, blocks. Never throws on user input: a problem becomes a
// diagnostic and the value `unknown`, which silences follow-on errors.

import type { CallExpr, Expr, Identifier, Node } from '../../grammar/ast.js';
import { findLayer, LAYERS } from '../catalog/index.js';
import { findFunction, FUNCTIONS } from '../functions/index.js';
import { msg } from '../i18n/message.js';
import { SizeLimitError } from '../shapes/size-limit.js';
import { closestName } from '../text/did-you-mean.js';
import { UNKNOWN, type Value } from '../values.js';
import { evaluateArgs } from './arguments.js';
import { reportForeignName } from './foreign-calls.js';
import { callValue } from './calls.js';
import { indexTensor } from './indexing.js';
import { memberValue } from './members.js';
import { binaryOp, unaryOp } from './operators.js';
import { applyStage } from './stages.js';
import { conditionValue } from './conditions.js';
import { markUsed } from './mark-used.js';
import { reportSizeLimit, unsafeInt } from './size-limits.js';
import type { CheckState, Frame } from './state.js';

/** Names that only mean something as values of settings (`loss: crossentropy`). */
export interface EvalOptions {
  /** an unknown name is a plain name value instead of an error (train settings) */
  bareNames?: boolean;
}

export function evaluate(st: CheckState, fr: Frame, e: Expr, opts: EvalOptions = NO_OPTIONS): Value {
  st.budget.step();
  let v: Value;
  try {
    v = evaluateInner(st, fr, e, opts);
    // every int is exact: a literal, a power or a rounding past 2^53 is an error here, not a rounded size later
    const unsafe = v.kind === 'int' ? unsafeInt(v.value, fr.module.text.slice(e.range.start, e.range.end)) : undefined;
    if (unsafe) throw unsafe;
  } catch (err) {
    // the innermost expression whose arithmetic went past exact sizes is the one to underline
    if (!(err instanceof SizeLimitError)) throw err;
    reportSizeLimit(st, fr, err, e.range);
    v = UNKNOWN;
  }
  if (st.recording) record(st, fr, e, v);
  return v;
}

const NO_OPTIONS: EvalOptions = {};

export function record(st: CheckState, fr: Frame, node: Node, v: Value): void {
  if (!st.recording || fr.module.file !== st.recordFile) return;
  if (fr.mode === 'generic') st.recording.values.set(node, v);
  else st.recording.onInstanceValue?.(node, v);
}

function evaluateInner(st: CheckState, fr: Frame, e: Expr, opts: EvalOptions): Value {
  switch (e.kind) {
    case 'Number':
      return e.isFloat ? { kind: 'float', value: e.value } : { kind: 'int', value: e.value };
    case 'String':
      return { kind: 'string', value: e.value };
    case 'Bool':
      return { kind: 'bool', value: e.value };
    case 'Identifier':
      return resolveName(st, fr, e, opts);
    case 'List':
      return { kind: 'list', items: e.items.map((i) => evaluate(st, fr, i, opts)) };
    case 'Record': {
      const fields = new Map<string, Value>();
      for (const f of e.fields) {
        const name = f.name?.name ?? '';
        if (fields.has(name)) st.error(fr, 'NN1005', msg`'${name}' is given twice`, f.range);
        fields.set(name, evaluate(st, fr, f.value, opts));
      }
      return { kind: 'record', fields };
    }
    case 'Paren':
      return evaluate(st, fr, e.inner, opts);
    case 'Unary':
      return unaryOp(st, fr, e, evaluate(st, fr, e.operand, opts));
    case 'Binary':
      return binaryOp(st, fr, e, evaluate(st, fr, e.left, opts), evaluate(st, fr, e.right, opts));
    case 'Call':
      return evaluateCall(st, fr, e, opts);
    case 'Index':
      return indexTensor(st, fr, e, evaluate(st, fr, e.target, opts));
    case 'Member':
      return memberValue(st, fr, e, evaluate(st, fr, e.target, opts));
    case 'Pipe': {
      let value = evaluate(st, fr, e.head, opts);
      let inputRange = e.head.range;
      for (const stage of e.stages) {
        value = applyStage(st, fr, stage, value, inputRange);
        record(st, fr, stage, value);
        inputRange = { start: e.head.range.start, end: stage.range.end };
      }
      return value;
    }
    case 'IfExpr': {
      const cond = conditionValue(st, fr, e.condition);
      markUsed(fr, cond === undefined ? [e.then, e.else] : cond ? e.else : e.then);
      if (cond === undefined) return UNKNOWN;
      if (cond) return evaluate(st, fr, e.then, opts);
      if (!e.else) {
        st.error(fr, 'NN3007', msg`this 'if' has no 'else', but its condition is false here: the expression has no value`, e.range);
        return UNKNOWN;
      }
      return evaluate(st, fr, e.else, opts);
    }
    case 'Repeat':
      st.error(fr, 'NN3006', msg`'repeat' applies stages to a value: use it after '->' (x -> repeat n { ... })`, e.range);
      return UNKNOWN;
    case 'ErrorExpr':
      return UNKNOWN;
  }
}

function evaluateCall(st: CheckState, fr: Frame, e: CallExpr, opts: EvalOptions): Value {
  if (e.callee.kind === 'Identifier' && e.callee.name === 'given' && !fr.scope.lookup('given')) return given(st, fr, e);
  const callee = evaluate(st, fr, e.callee, opts);
  return callValue(st, fr, e, callee, evaluateArgs(st, fr, e.args, opts));
}

/**
 * `given(x)`: whether the optional input `x` was passed. Structure may
 * depend on it (`if given(mask) { ... }`). A definition checked on its own
 * has every input.
 */
function given(st: CheckState, fr: Frame, e: CallExpr): Value {
  const [arg] = e.args;
  if (e.args.length !== 1 || arg!.name || arg!.value.kind !== 'Identifier') {
    st.error(fr, 'NN3001', msg`given takes the name of an input: given(mask)`, e.argsRange);
    return UNKNOWN;
  }
  const binding = fr.scope.lookup(arg!.value.name);
  if (!binding || binding.kind !== 'input') {
    st.error(fr, 'NN1001', msg`'${arg!.value.name}' is not an input of this definition`, arg!.value.range);
    return UNKNOWN;
  }
  binding.used = true;
  return { kind: 'bool', value: !binding.absent };
}

/** What a name means: a binding in scope, a layer, a definition, a function. */
export function resolveName(st: CheckState, fr: Frame, id: Identifier, opts: EvalOptions = {}): Value {
  const name = id.name;
  if (name === '') return UNKNOWN;
  const binding = fr.scope.lookup(name);
  if (binding) {
    binding.used = true;
    if (binding.absent) {
      st.error(fr, 'NN1013', msg`the optional input '${name}' was not given here; use it under 'if given(${name}) { ... }'`, id.range);
      return UNKNOWN;
    }
    return binding.value;
  }
  const local = fr.module.definitions.get(name);
  if (local) return { kind: 'definition', definition: local.definition, file: local.file };
  const layer = findLayer(name);
  if (layer) return { kind: 'layerKind', spec: layer };
  const fn = findFunction(name);
  if (fn) return { kind: 'function', spec: fn };
  if (opts.bareNames) return { kind: 'name', name };
  // `Linear`, `Conv2d`, `nn.MaxPool2d`: what it is called here, with a fix for the whole call
  if (reportForeignName(st, fr, id)) return UNKNOWN;
  const candidates = [...fr.scope.visibleNames(), ...fr.module.definitions.keys(), ...LAYERS.keys(), ...FUNCTIONS.keys()];
  const guess = closestName(name, candidates);
  st.error(fr, 'NN1001', guess ? msg`unknown name '${name}'; did you mean '${guess}'?` : msg`unknown name '${name}'`, id.range, {
    fixes: guess ? [{ title: msg`Change to '${guess}'`, edits: [{ range: id.range, newText: guess }] }] : [],
  });
  return UNKNOWN;
}
