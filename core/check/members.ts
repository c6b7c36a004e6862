// Member access: `embed.embeddings`, `dense.kernel`, `norm.gamma` read a
// weight of a layer bound to a name. The value is a tensor of the weight's
// shape that is the weight itself: used in an expression or given to another
// layer (`Dense(vocab, bias: false, kernel: transpose(embed.embeddings, [1, 0]))`),
// it is one variable in the compiled model, trained from every use (tied
// weights), and counted once.

import type { MemberExpr } from '../../grammar/ast.js';
import { countWeights, fromPyTorchName, layerWeights, WEIGHT_NAMES } from '../catalog/layer-weights.js';
import { msg } from '../i18n/message.js';
import { formatShape } from '../shapes/shape.js';
import { closestName } from '../text/did-you-mean.js';
import type { Fix } from '../diagnostics/diagnostic.js';
import { describeKind, type LayerInstance, type TensorValue, UNKNOWN, type Value } from '../values.js';
import { traceSite } from './calls.js';
import type { CheckState, Frame } from './state.js';

/** The value of `target.member`, the target already evaluated. */
export function memberValue(st: CheckState, fr: Frame, e: MemberExpr, target: Value): Value {
  const name = e.member.name;
  if (target.kind === 'unknown' || name === '') return UNKNOWN;
  if (target.kind !== 'layer') {
    st.error(fr, 'NN1016', notALayer(fr, target, e), e.member.range);
    return UNKNOWN;
  }
  const layer = target.instance;
  const owner = layer.binding ?? layer.spec.name;
  const applied = layer.firstWeights?.inputs;
  const weights = layerWeights(layer.spec.name, layer.args, applied);
  if (weights === undefined) return UNKNOWN; // an argument with an error, already reported
  if (weights === 'needsInput') {
    const possible = WEIGHT_NAMES[layer.spec.name] ?? [];
    if (!possible.includes(name)) return unknownMember(st, fr, e, layer, possible);
    st.error(fr, 'NN2022', msg`the shape of ${owner}.${name} depends on the input ${owner} is applied to: apply ${owner} before reading its weights`, e.range, {
      related: [{ ...(layer.origin.file !== undefined ? { file: layer.origin.file } : {}), range: layer.origin.range, message: msg`${owner} is configured here` }],
    });
    return UNKNOWN;
  }
  const weight = weights.find((w) => w.name === name);
  if (!weight) return unknownMember(st, fr, e, layer, weights.map((w) => w.name));

  // a layer read before it is applied (an Embedding used only as a matrix): its weights are counted here
  let path: string | undefined;
  if (!layer.firstWeights) {
    const counts = countWeights(weights);
    layer.firstWeights = { ...counts, inputs: [] };
    if (st.rows) {
      path = st.uniquePath(fr.path, owner);
      st.counted.set(layer.id, path);
      st.rows.push({ path, kind: layer.spec.name, layer, outputs: [weight.shape], ...counts, flops: 0 });
    }
  }
  const value: TensorValue = {
    kind: 'tensor',
    shape: weight.shape,
    dtype: 'float32',
    origin: { file: fr.module.file, range: e.range, what: msg`${name} of ${owner}` },
    weightOf: { layer, weight: name },
  };
  if (st.trace) value.source = { op: 'weight', layer, weight: name, path: path ?? st.counted.get(layer.id) ?? owner, site: traceSite(fr, e.range) };
  return value;
}

/** NN1015: the layer has no weight of that name; the names it has, and PyTorch's name for one of them. */
function unknownMember(st: CheckState, fr: Frame, e: MemberExpr, layer: LayerInstance, names: readonly string[]): Value {
  const name = e.member.name;
  const owner = layer.binding ?? layer.spec.name;
  const guess = fromPyTorchName(layer.spec.name, name) ?? closestName(name, names);
  const listed = names.length === 0 ? msg`${layer.spec.name} has no weights here` : msg`its weights: ${names.join(', ')}`;
  const fixes: Fix[] = guess && names.includes(guess) ? [{ title: msg`Change to '${guess}'`, edits: [{ range: e.member.range, newText: guess }] }] : [];
  const hint = fixes.length > 0 ? msg`; did you mean '${guess}'?` : '';
  st.error(fr, 'NN1015', msg`${owner} (${layer.spec.name}) has no weight '${name}'${hint} (${listed})`, e.member.range, { fixes });
  return UNKNOWN;
}

function notALayer(fr: Frame, target: Value, e: MemberExpr): string {
  const what = describeKind(target);
  const name = e.member.name;
  switch (target.kind) {
    case 'layerKind': {
      const kind = target.spec.name;
      // `let n = BatchNorm` binds the kind of layer; `BatchNorm()` configures one
      if (e.target.kind === 'Identifier' && fr.scope.lookup(e.target.name)) {
        return msg`'${e.target.name}' is the kind of layer ${kind}, not one layer: configure one, let ${e.target.name} = ${kind}(), to read its weights`;
      }
      const bound = kind.toLowerCase();
      return msg`${kind} is a kind of layer, not one layer: bind a configured one, let ${bound} = ${kind}(...), and read ${bound}.${name}`;
    }
    case 'block':
    case 'definition':
      return msg`'.' reads a weight of a layer, and this is ${what}: read the weight of a layer inside it, where it is bound`;
    case 'tensor':
      return msg`'.' reads a weight of a layer, and this is a tensor ${formatShape(target.shape)}: use functions on tensors (transpose(x, [1, 0]), reshape(x, ...))`;
    default:
      return msg`'.' reads a weight of a layer, and this is ${what}`;
  }
}

/** The summary path of the layer whose weight a tied kernel is (`Dense(..., kernel: transpose(embed.embeddings, [1, 0]))`). */
export function tiedTo(st: CheckState, kernel: Value | undefined): string | undefined {
  if (kernel?.kind !== 'tensor' || !kernel.weightOf) return undefined;
  return st.counted.get(kernel.weightOf.layer.id) ?? kernel.weightOf.layer.binding;
}

/**
 * A function's result computed from one weight alone (transposed, reshaped,
 * sliced) is still that weight's for the summary's "shares": it keeps the mark.
 */
export function keepWeightMark(args: readonly Value[], result: Value): void {
  const marks = new Set<LayerInstance>();
  let tensors = 0;
  const visit = (v: Value): void => {
    if (v.kind === 'tensor') {
      tensors++;
      if (v.weightOf) marks.add(v.weightOf.layer);
    } else if (v.kind === 'list' || v.kind === 'tuple') v.items.forEach(visit);
  };
  args.forEach(visit);
  if (tensors !== 1 || marks.size !== 1 || result.kind !== 'tensor') return;
  const source = args.flatMap(function find(v): TensorValue[] {
    return v.kind === 'tensor' ? [v] : v.kind === 'list' || v.kind === 'tuple' ? v.items.flatMap(find) : [];
  })[0]!;
  result.weightOf = source.weightOf;
}
