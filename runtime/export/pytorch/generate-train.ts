// train.py: a train block as a PyTorch training program. What differs from
// one train block to another is its CONFIG (the settings, the data's
// summary, the model's class); the program itself is the same for every
// train block (train-program.ts), with the adversarial loop for a GAN's
// (adversarial-program.ts). Pure text.

import type { CallPlan, PlainValue } from '../../../core/train/plan.js';
import type { DataSummary } from './export-data.js';
import { ADVERSARIAL_TRAIN } from './adversarial-program.js';
import { joinProgram, TRAIN_DEFINITIONS, TRAIN_MAIN, TRAIN_PROGRAM } from './train-program.js';

export interface TrainConfig {
  /** the .nn file's name */
  source: string;
  /** the train block's target */
  name: string;
  /** the nn.Module class in model.py */
  className: string;
  models: { name: string; parameters: number; trainableParameters: number }[];
  data: DataSummary;
  /** a built-in loss, or the class in loss.py and how many of the model's outputs it takes before the targets */
  loss: { builtin: string } | { definition: string; predictions: number };
  optimizer: CallPlan;
  schedule: CallPlan;
  epochs: number;
  batch: number;
  metrics: string[];
  seed: number;
  shuffle: boolean;
  checkpoints: { every: number; keep: number };
  clip?: number;
  earlyStopping?: number;
}

/** A JSON-like value as a Python literal. */
export function pyLiteral(value: PlainValue | null | undefined | object, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'float("inf")' : 'float("-inf")';
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map((v) => pyLiteral(v as PlainValue, indent)).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pyLiteral(v as PlainValue, inner)},`).join('\n')}\n${indent}}`;
}

export function generateTrain(config: TrainConfig): string {
  return [
    `"""Trains ${config.name} (the train block of ${config.source}) in PyTorch; exported by \`nn export --to pytorch\`.`,
    '',
    '    python train.py [--epochs N] [--device cpu|cuda] [--amp bf16] [--out RUNDIR] [--resume CHECKPOINT_DIR] [--events]',
    '    torchrun --nproc_per_node=N train.py ...      (DDP; add --fsdp for FSDP2)',
    '',
    'The batch below is the global batch: under torchrun each process takes batch / N examples a step.',
    '"""',
    '',
    `CONFIG = ${pyLiteral(config as unknown as object)}`,
    '',
    TRAIN_PROGRAM,
  ].join('\n');
}

/** A GAN's train block: the two modules (generator.py, discriminator.py) and the noise G starts from. */
export interface AdversarialConfig extends Omit<TrainConfig, 'className' | 'loss' | 'clip' | 'earlyStopping'> {
  loss: { builtin: 'minimax' };
  generator: { className: string };
  discriminator: { className: string };
  noise: { distribution: 'normal' | 'uniform'; shape: number[]; args: Record<string, number> };
  steps: { discriminator: number; generator: number };
  /** the ring data's modes, radius and spread: the epochs report modes_covered */
  ring?: { modes: number; radius: number; std: number };
}

export function generateAdversarialTrain(config: AdversarialConfig): string {
  return [
    `"""Trains ${config.name} (the adversarial train block of ${config.source}) in PyTorch; exported by \`nn export --to pytorch\`.`,
    '',
    '    python train.py [--epochs N] [--device cpu|cuda] [--out RUNDIR] [--resume CHECKPOINT_DIR] [--events]',
    '',
    `Each batch: ${config.steps.discriminator} step(s) of ${config.discriminator.className} (generator.py's fakes against real examples), then`,
    `${config.steps.generator} step(s) of ${config.generator.className} through it. One process.`,
    '"""',
    '',
    `CONFIG = ${pyLiteral(config as unknown as object)}`,
    '',
    joinProgram(TRAIN_DEFINITIONS, ADVERSARIAL_TRAIN, TRAIN_MAIN),
  ].join('\n');
}
