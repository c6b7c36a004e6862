// The picture of a sequence model with attention (token ids in, a
// MultiHeadAttention layer inside): for the first held-out example, the
// weights of its last cross-attention layer (the decoder looking at the
// encoder's memory; the last self-attention layer when there is none),
// recomputed from that layer's inputs and weights by the kernel's own
// `attentionWeights`.

import { attentionWeights } from '../compile/kernels/attention.js';
import { ArgReader } from '../compile/graph-args.js';
import type { NnLayerConfig } from '../compile/nn-layer.js';
import type { LayersModel, SymbolicTensor, Tensor } from '../tf-types.js';
import { disposeBatch, sliceBatch } from '../train/batches.js';
import { attentionMap } from './attention.js';
import type { PictureMaker } from './picture-run.js';

type Layer = LayersModel['layers'][number];
type NnLayer = Layer & { nn: NnLayerConfig; inboundNodes: { inputTensors: SymbolicTensor[] }[] };

const isAttention = (l: Layer): l is NnLayer => (l as Partial<NnLayer>).nn?.kind === 'MultiHeadAttention';

/** Whether the layer's queries and keys are different tensors (cross-attention). */
function isCross(l: NnLayer): boolean {
  const order = l.nn.inputOrder;
  return order ? order.length >= 2 && order[0] !== order[1] : l.nn.inputTypes.length >= 2;
}

/** The layer drawn: the last cross-attention layer, else the last attention layer. */
export function chosenAttentionLayer(model: LayersModel): NnLayer | undefined {
  const layers = model.layers.filter(isAttention);
  return layers.filter(isCross).at(-1) ?? layers.at(-1);
}

export const attentionPictures: PictureMaker = {
  task: 'attention',
  prepare(run) {
    const { tf, model } = run;
    if (!model.inputs.every((i) => i.dtype === 'int32')) return undefined;
    const layer = chosenAttentionLayer(model);
    if (!layer || layer.inboundNodes.length === 0) return undefined;
    // the layer's inputs, from the model's inputs
    const inputsOf = tf.model({ inputs: model.inputs, outputs: layer.inboundNodes[0]!.inputTensors });
    const args = new ArgReader(layer.nn.args, layer.nn.kind);
    const weight = (name: string): Tensor => {
      const v = layer.weights.find((w) => w.originalName.endsWith(`/${name}`));
      if (!v) throw new Error(`${layer.name} has no weight ${name}`);
      return v.read();
    };
    return (epoch) => {
      const example = sliceBatch(tf, run.heldOut, 0, 1);
      try {
        const heads = tf.tidy(() => {
          const out = inputsOf.apply(example.inputs.length === 1 ? example.inputs[0]! : example.inputs, { training: false }) as Tensor | Tensor[];
          const unique = Array.isArray(out) ? out : [out];
          const [query, key = query, , mask] = (layer.nn.inputOrder ?? unique.map((_, i) => i)).map((i) => unique[i]!);
          return attentionWeights({ tf, args, weight }, query!, key!, mask).arraySync() as number[][][][];
        })[0]!; // [heads, Tq, Tk]
        const tq = heads[0]!.length;
        const tk = heads[0]![0]!.length;
        const mean = Array.from({ length: tq }, (_, q) => Array.from({ length: tk }, (_, k) => heads.reduce((a, h) => a + h[q]![k]!, 0) / heads.length));
        const source = Array.from(example.inputs[0]!.dataSync());
        const target = example.target ? Array.from(example.target.dataSync()) : [];
        const svg = attentionMap({
          title: `Attention after epoch ${epoch}`,
          subtitle: `${layer.name}, the first held-out example; mean over ${heads.length} head${heads.length === 1 ? '' : 's'}, each head on the right`,
          weights: mean,
          heads,
          sourceLabels: source.length === tk ? source.map(String) : Array.from({ length: tk }, (_, k) => String(k)),
          targetLabels: target.length === tq ? target.map(String) : Array.from({ length: tq }, (_, q) => String(q)),
          sourceTitle: source.length === tk ? 'source tokens (keys)' : 'key positions',
          targetTitle: target.length === tq ? 'target tokens (queries)' : 'query positions',
        });
        return [{ name: 'attention', kind: 'attention', svg }];
      } finally {
        disposeBatch(example);
      }
    };
  },
};
