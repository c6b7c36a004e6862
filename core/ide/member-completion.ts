// Completion after `name.`: the weights of the layer bound to the name, with
// their shapes (`embeddings [64, 32]`), or the names alone while the shapes
// wait for the layer's first application.

import { layerWeights, WEIGHT_NAMES } from '../catalog/layer-weights.js';
import { formatShapeSimplest } from '../shapes/simplest-dim.js';
import { msg } from '../i18n/message.js';
import type { Analysis } from './analysis.js';
import { nodePath } from './node-at.js';

export interface MemberItem {
  name: string;
  detail: string;
}

/** The weights of the layer whose name ends at `targetEnd`; none when it is not a configured layer. */
export function memberItems(a: Analysis, targetEnd: number): MemberItem[] {
  const path = nodePath(a.program, targetEnd);
  const id = [...path].reverse().find((n) => n.kind === 'Identifier' && n.range.end === targetEnd);
  const value = id && a.recording.values.get(id);
  if (value?.kind !== 'layer') return [];
  const layer = value.instance;
  const weights = layerWeights(layer.spec.name, layer.args, layer.firstWeights?.inputs);
  if (weights === undefined) return [];
  if (weights === 'needsInput') return (WEIGHT_NAMES[layer.spec.name] ?? []).map((name) => ({ name, detail: msg`known once ${layer.binding ?? layer.spec.name} is applied` }));
  return weights.map((w) => ({ name: w.name, detail: w.trainable ? formatShapeSimplest(w.shape) : msg`${formatShapeSimplest(w.shape)} (not trained)` }));
}
