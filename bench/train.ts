// `npm run bench:train`: how fast `nn train` trains, next to what a user
// would use instead (issue 11). Three workloads (an MLP, a CNN of two
// convolutions and two dense layers, ResNetSmall) and five contenders: nn
// (each step one TensorFlow graph), nn --eager (op by op), raw tfjs-node
// (`model.fit`), Keras 3 on TensorFlow (CPU, no XLA) and PyTorch (CPU), on
// the same MNIST digits, batch, optimizer (Adam) and epochs. One run, the
// contenders alternated within each round (and the order turned each round)
// so that load on a shared machine hits all alike; the table gives medians
// of the rounds, nn's ratio to its own op-by-op steps and to the fastest of
// the others, and each model's final test accuracy, so that speed is never
// bought with wrong results. A contender that cannot run is named, with the
// reason.
//
//   node dist/bench-train.mjs [--only mlp,cnn,resnet] [--profile]
//   BENCH_ROUNDS (default 3), BENCH_EPOCHS (default: 2, 2 and 3 by workload)
//
// --profile measures one nn training step of each workload instead
// (bench/train/profile.ts): TensorFlow ops per step, time in kernels
// against time in dispatch, the op kinds and layer kinds that take it.

import { parseArgs } from 'node:util';
import { loadTensorflow } from '../runtime/backend.js';
import type { TF } from '../runtime/tf-types.js';
import { type Contender, dataFolder, nnContender, type Outcome, pythonContender, tfjsContender, versions } from './train/contenders.js';
import { digitsOnDisk } from './train/mnist-files.js';
import { profileWorkloads } from './train/profile.js';
import { benchPython } from './train/python-env.js';
import { resultTables, type Row, runLine } from './train/table.js';
import { selectWorkloads, type Workload } from './train/workloads.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const EPOCHS = process.env['BENCH_EPOCHS'] !== undefined ? Number(process.env['BENCH_EPOCHS']) : undefined;

async function main(): Promise<void> {
  let values: { only?: string; profile?: boolean };
  try {
    ({ values } = parseArgs({ options: { only: { type: 'string' }, profile: { type: 'boolean', default: false } } }));
  } catch (error) {
    return fail(`${(error as Error).message} (usage: node dist/bench-train.mjs [--only mlp,cnn,resnet] [--profile])`);
  }
  const workloads = selectWorkloads(values.only);
  if (typeof workloads === 'string') return fail(workloads);
  if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1)) return fail(`BENCH_ROUNDS=${process.env['BENCH_ROUNDS']}: a whole number of rounds, 1 or more`);
  if (EPOCHS !== undefined && !(Number.isInteger(EPOCHS) && EPOCHS >= 1)) return fail(`BENCH_EPOCHS=${process.env['BENCH_EPOCHS']}: a whole number of epochs, 1 or more`);

  const loaded = await loadTensorflow({ device: 'cpu' });
  const tf = loaded.tf as unknown as TF;
  console.log(`nn on ${loaded.backend} (${loaded.device}), TensorFlow ${loaded.versions.tensorflow ?? '-'}; ${new Date().toISOString().slice(0, 10)}`);
  if (values.profile) return profileWorkloads(tf, loaded.backend, workloads);

  const digits = digitsOnDisk(dataFolder());
  const python = benchPython();
  const contenders: Contender[] = [
    nnContender(tf, loaded.backend),
    nnContender(tf, loaded.backend, true),
    tfjsContender(tf, digits.raw, digits.trainCount),
    pythonContender('Keras', 'keras_train.py', python),
    // OpenMP's threads spin while they wait unless told not to: on a busy 2-core machine PyTorch collapses
    pythonContender('PyTorch', 'torch_train.py', python, { OMP_WAIT_POLICY: 'PASSIVE' }),
  ];
  console.log(`${ROUNDS} round${ROUNDS === 1 ? '' : 's'}, batch 64, Adam (lr 0.001), ${digits.trainCount.toLocaleString('en-US')} digits to train on, ${(digits.raw.count - digits.trainCount).toLocaleString('en-US')} to test on\n`);
  const rows: Row[] = [];
  for (const workload of workloads) rows.push(await benchWorkload(workload, contenders));
  const names = contenders.map((c) => (versions.has(c.name) ? versions.get(c.name)! : c.name));
  console.log(`\n${resultTables(names, rows, NN_COLUMNS)}`);
}

/** The first contenders are nn's own (graph steps, op by op): `nn / best` compares nn with the others. */
const NN_COLUMNS = 2;

/** Every contender once per round, the order turned each round (nn first, then second, ...). */
async function benchWorkload(workload: Workload, contenders: readonly Contender[]): Promise<Row> {
  const epochs = EPOCHS ?? workload.epochs;
  const outcomes: Outcome[][] = contenders.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + round) % contenders.length;
      const outcome = await contenders[i]!.train(workload, epochs).catch((error: unknown) => ({ missing: `failed (${error instanceof Error ? error.message : String(error)})` }));
      outcomes[i]!.push(outcome);
      console.log(runLine(workload, round + 1, ROUNDS, contenders[i]!.name, outcome));
    }
  }
  return { workload, epochs, outcomes };
}

function fail(message: string): void {
  console.error(`bench:train: ${message}`);
  process.exitCode = 1;
}

await main();
