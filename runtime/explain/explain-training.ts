// `nn train FILE --explain`: the first step of a run, made visible. The
// train block is set up exactly as a run sets it up (run-training.ts: the
// same plan, data, seed, compiled model, loss and optimizer), its first
// batch is taken as the run's first batch, and one step is explained layer
// by layer (explain-batch.ts).
//
// It is not a run that trains: it claims a run folder of its own (so it
// never meets a run), writes there the picture (`explain.svg`) and its
// events (`explain.jsonl`), and nothing else: no checkpoint, no events
// file of a run (the editor's Runs view does not list it), and
// `latest.json` is never touched.

import { msg } from '../../core/i18n/message.js';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/atomic-files.js';
import { Random } from '../random.js';
import { disposeBatch, epochOrder, takeBatch } from '../train/batches.js';
import { claimRunFolder } from '../train/run-folder.js';
import { disposeSupervised, loadRunData, planOf, runsDirOf, seedOf, setUpSupervised, type TrainRequest } from '../train/run-training.js';
import { epochLearningRate } from '../train/supervised.js';
import { TrainError } from '../train/trace-model.js';
import { explainBatch } from './explain-batch.js';
import type { ExplainEvent, ExplainLayerEvent, ExplainSummaryEvent } from './explain-events.js';
import { gradientPicture } from './gradient-picture.js';

export type ExplainRequest = Pick<TrainRequest, 'file' | 'host' | 'target' | 'tf' | 'backend' | 'outDir' | 'overrides'> & {
  emit: (event: ExplainEvent) => void;
};

export const PICTURE_FILE = 'explain.svg';
export const EVENTS_FILE = 'explain.jsonl';

export async function explainTraining(request: ExplainRequest): Promise<{ layers: ExplainLayerEvent[]; summary: ExplainSummaryEvent }> {
  const plan = planOf(request);
  if (plan.adversarial) {
    throw new TrainError(
      msg`--explain shows one step of supervised training (one model, its loss, its optimizer), but ${plan.name} trains two models against each other; give ${plan.adversarial.generator} or ${plan.adversarial.discriminator} a train block of its own to explain it`,
    );
  }
  const { tf } = request;
  const seed = seedOf(plan);
  const random = new Random(seed);
  const folder = claimRunFolder(runsDirOf(request, plan), new Date());
  try {
    const raw = loadRunData(request, plan, seed);
    const setup = setUpSupervised(request, plan, raw, seed);
    try {
      // the run's first batch: the first epoch's learning rate and example order
      const learningRate = epochLearningRate(plan, 0);
      setup.optimizer.setLearningRate(learningRate);
      const order = epochOrder(setup.train.count, plan.shuffle, random);
      const batch = takeBatch(tf, setup.train, order, 0, plan.batch);
      let explained: ReturnType<typeof explainBatch>;
      try {
        explained = explainBatch({ tf, plan, model: setup.model, loss: setup.loss, optimizer: setup.optimizer }, batch);
      } finally {
        disposeBatch(batch);
      }
      const { layers } = explained;
      const weighted = layers.filter((l) => l.total !== undefined);
      const first = weighted[0];
      const last = weighted.at(-1);
      const picture = join(folder.runDir, PICTURE_FILE);
      const lossName = 'builtin' in plan.loss ? plan.loss.builtin : plan.loss.definition;
      const summary: ExplainSummaryEvent = {
        type: 'explain-summary',
        model: plan.model!,
        file: request.file,
        data: setup.data.description,
        batch: batch.size,
        lossName,
        loss: explained.loss,
        optimizer: plan.optimizer.name,
        learningRate,
        seed,
        layers: layers.length,
        layersWithWeights: weighted.length,
        ...(first && last && first !== last ? { gradientRatio: { first: first.layer, last: last.layer, ratio: first.total!.gradient / last.total!.gradient } } : {}),
        runDir: folder.runDir,
        picture,
        ...(explained.values ? { values: explained.values } : {}),
        backend: request.backend.name,
        device: request.backend.device,
      };
      const series = [{ name: plan.model!, points: weighted.map((l) => ({ depth: l.depth!, layer: l.layer, gradient: l.total!.gradient })) }];
      const subtitle = `one batch of ${batch.size} from ${setup.data.description}; ${lossName} ${explained.loss.toPrecision(4)}; ${plan.optimizer.name} at learning rate ${learningRate}`;
      writeFileAtomically(picture, gradientPicture(series, `${plan.model}: the gradient of the loss, layer by layer`, subtitle));
      writeFileAtomically(join(folder.runDir, EVENTS_FILE), [...layers, summary].map((e) => `${JSON.stringify(e)}\n`).join(''));
      for (const l of layers) request.emit(l);
      request.emit(summary);
      return { layers, summary };
    } finally {
      disposeSupervised(setup);
      setup.model.dispose();
    }
  } finally {
    folder.release();
  }
}
