// Pipeline stages: `x -> Conv2D(64, 3) -> ReLU -> repeat 2 { ... } -> reshape([B, 784])`.
// Each stage receives the value on its left.

import type { Expr, Range } from '../../grammar/ast.js';
import { msg } from '../i18n/message.js';
import { UNKNOWN, type Value } from '../values.js';
import { passing } from './budget.js';
import { evaluateArgs } from './arguments.js';
import { applyValue, callFunction, callValue, configureLayer } from './calls.js';
import { conditionValue } from './conditions.js';
import { configureBlock } from './definitions.js';
import { evaluate, record } from './evaluate.js';
import { loopCount } from './loops.js';
import { markUsed } from './mark-used.js';
import { withinSizeLimits } from './size-limits.js';
import type { CheckState, Frame } from './state.js';

export function applyStage(st: CheckState, fr: Frame, stage: Expr, input: Value, inputRange: Range): Value {
  // a layer whose weights or output size go past exact arithmetic: at the stage that applies it
  return withinSizeLimits(st, fr, stage.range, () => applyStageInner(st, fr, stage, input, inputRange), UNKNOWN);
}

function applyStageInner(st: CheckState, fr: Frame, stage: Expr, input: Value, inputRange: Range): Value {
  if (input.kind === 'unknown') {
    // still evaluate the stage, so that mistakes inside it are found
    checkStageAlone(st, fr, stage);
    return UNKNOWN;
  }
  switch (stage.kind) {
    case 'Paren':
      return applyStage(st, fr, stage.inner, input, inputRange);
    case 'Pipe': {
      let value = applyStage(st, fr, stage.head, input, inputRange);
      record(st, fr, stage.head, value);
      let previous = stage.head;
      for (const s of stage.stages) {
        // the input of this stage is everything up to the end of the previous one
        value = applyStage(st, fr, s, value, { start: stage.range.start, end: previous.range.end });
        record(st, fr, s, value);
        previous = s;
      }
      return value;
    }
    case 'Repeat': {
      const n = loopCount(st, fr, stage.count);
      if (n === undefined) markUsed(fr, stage.body);
      if (n === undefined) return UNKNOWN;
      let value: Value = input;
      try {
        for (let i = 0; i < n && value.kind !== 'unknown'; i++) {
          st.budget.step();
          const iteration: Frame = { ...fr, iteration: `${fr.iteration}/${stage.range.start}:${i}` };
          value = applyStage(st, iteration, stage.body, value, inputRange);
        }
      } catch (e) {
        throw passing(e, { file: fr.module.file, range: { start: stage.range.start, end: stage.count.range.end }, what: msg`this repeat` });
      }
      return value;
    }
    case 'IfExpr': {
      const cond = conditionValue(st, fr, stage.condition);
      markUsed(fr, cond === undefined ? [stage.then, stage.else] : cond ? stage.else : stage.then);
      if (cond === undefined) return UNKNOWN;
      if (cond) return applyStage(st, fr, stage.then, input, inputRange);
      return stage.else ? applyStage(st, fr, stage.else, input, inputRange) : input;
    }
    case 'Call': {
      const callee = evaluate(st, fr, stage.callee);
      if (callee.kind === 'function') {
        const args = [{ value: input, range: inputRange }, ...evaluateArgs(st, fr, stage.args)];
        return callFunction(st, fr, callee.spec, args, stage.argsRange, stage.range);
      }
      // a layer or block configured here (the callee is evaluated once)
      return applyStageValue(st, fr, stage, callValue(st, fr, stage, callee, evaluateArgs(st, fr, stage.args)), input, inputRange);
    }
    case 'Identifier': {
      const v = evaluate(st, fr, stage);
      return applyStageValue(st, fr, stage, v, input, inputRange);
    }
    default:
      break;
  }
  return applyStageValue(st, fr, stage, evaluate(st, fr, stage), input, inputRange);
}

/** A stage's value applied to the input: a bare layer or block gets its default settings. */
function applyStageValue(st: CheckState, fr: Frame, stage: Expr, v: Value, input: Value, inputRange: Range): Value {
  const site = { range: stage.range, inputRanges: [inputRange], node: stage };
  switch (v.kind) {
    case 'unknown':
      return UNKNOWN;
    case 'layerKind':
      return applyValue(st, fr, { kind: 'layer', instance: configureLayer(st, fr, v.spec, [], stage.range, stage) }, [input], site);
    case 'definition': {
      const instance = configureBlock(st, fr, v.definition, v.file, [], stage.range, stage);
      return instance ? applyValue(st, fr, { kind: 'block', instance }, [input], site) : UNKNOWN;
    }
    case 'layer':
    case 'block':
      return applyValue(st, fr, v, [input], site);
    case 'function':
      return callFunction(st, fr, v.spec, [{ value: input, range: inputRange }], stage.range, stage.range);
    default:
      st.error(fr, 'NN3006', msg`a pipeline stage must be a layer, a block or a function, but this is ${describeStage(v)}`, stage.range);
      return UNKNOWN;
  }
}

function describeStage(v: Value): string {
  if (v.kind === 'tensor') return msg`a tensor (to combine tensors, use an operator or a function)`;
  return v.kind === 'int' || v.kind === 'float' ? msg`a number` : v.kind;
}

/** After an error upstream: still find the mistakes inside a stage (unknown names, bad arguments). */
function checkStageAlone(st: CheckState, fr: Frame, stage: Expr): void {
  if (stage.kind === 'Call') {
    const callee = evaluate(st, fr, stage.callee);
    const args = evaluateArgs(st, fr, stage.args);
    if (callee.kind === 'layerKind') configureLayer(st, fr, callee.spec, args, stage.argsRange, stage);
  } else if (stage.kind === 'Identifier') evaluate(st, fr, stage);
  else if (stage.kind === 'Paren') checkStageAlone(st, fr, stage.inner);
  else if (stage.kind === 'Pipe') [stage.head, ...stage.stages].forEach((s) => checkStageAlone(st, fr, s));
}
