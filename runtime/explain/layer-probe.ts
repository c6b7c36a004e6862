// Which layers `--explain` reports, and a model that shows their outputs.
// A layer is explained when it has trainable weights (Dense, Conv2D,
// BatchNorm, ...) or is an activation (ReLU, Sigmoid, ...: its output is
// where dead units and saturation show). Functions, operators, pooling and
// reshaping are passed over: they have no weights, and their outputs are
// their inputs rearranged. A layer applied more than once (shared weights)
// is reported once, with its first application's output.
//
// The probe is a second functional model over the same layers (so the same
// weights) whose outputs are the model's outputs, then each explained
// layer's output, then (for tiny layers) each one's inputs: one forward pass
// gives the loss and everything the report shows.

import { findLayer } from '../../core/catalog/index.js';
import type { NnLayerConfig } from '../compile/nn-layer.js';
import type { LayersModel, LayerVariable, SymbolicTensor, TF } from '../tf-types.js';

type Layer = import('@tensorflow/tfjs').layers.Layer;

export interface ProbedLayer {
  layer: Layer;
  /** the path, as `nn summary` lists it */
  path: string;
  kind: string;
  /** its trainable weights, with their short names (`kernel`) */
  weights: { name: string; variable: LayerVariable }[];
  /** the probe output that is this layer's output */
  output: number;
  /** where each of its inputs is: a probe output, or the model's input number */
  inputs: ({ probe: number } | { modelInput: number })[];
}

export interface LayerProbe {
  /** outputs: the model's outputs first, then the layers' outputs and inputs */
  model: LayersModel;
  layers: ProbedLayer[];
  /** how many of the probe's outputs are the model's own */
  modelOutputs: number;
}

/** The NnLayer's node config, or undefined for a layer that is not ours (the model's inputs). */
function configOf(layer: Layer): NnLayerConfig | undefined {
  return (layer as unknown as { nn?: NnLayerConfig }).nn;
}

function isExplained(layer: Layer): boolean {
  const config = configOf(layer);
  if (!config) return false;
  return layer.trainableWeights.length > 0 || findLayer(config.kind)?.category === 'activation';
}

/** The weight's name without its layer's path: `Dense_1/kernel` -> `kernel`. */
function shortName(layer: Layer, weight: LayerVariable): string {
  const name = (weight as unknown as { originalName?: string }).originalName ?? weight.name;
  return name.startsWith(`${layer.name}/`) ? name.slice(layer.name.length + 1) : name.split('/').at(-1)!;
}

export function probeLayers(tf: TF, model: LayersModel, withInputs: boolean): LayerProbe {
  const outputs: SymbolicTensor[] = [];
  const indexOf = (t: SymbolicTensor): number => {
    const known = outputs.indexOf(t);
    if (known >= 0) return known;
    outputs.push(t);
    return outputs.length - 1;
  };
  for (const o of model.outputs) outputs.push(o);
  const modelOutputs = outputs.length;
  const layers: ProbedLayer[] = [];
  for (const layer of model.layers.filter(isExplained)) {
    const node = (layer as unknown as { inboundNodes: { inputTensors: SymbolicTensor[]; outputTensors: SymbolicTensor[] }[] }).inboundNodes[0]!;
    const config = configOf(layer)!;
    // a layer whose inputs carry no batch gets the model's first input as a last one, for the batch size only
    const inputs = config.batchInput ? node.inputTensors.slice(0, -1) : node.inputTensors;
    layers.push({
      layer,
      path: layer.name,
      kind: config.kind,
      weights: layer.trainableWeights.map((variable) => ({ name: shortName(layer, variable), variable })),
      output: indexOf(node.outputTensors[0]!),
      inputs: withInputs
        ? inputs.map((t) => {
            const modelInput = model.inputs.indexOf(t);
            return modelInput >= 0 ? { modelInput } : { probe: indexOf(t) };
          })
        : [],
    });
  }
  return { model: tf.model({ inputs: model.inputs, outputs }), layers, modelOutputs };
}
