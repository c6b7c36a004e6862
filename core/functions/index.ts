// The built-in functions, by name.

import { BINARY_FUNCTIONS } from './binary.js';
import { CONVERSION_FUNCTIONS } from './conversions.js';
import { DETECTION_FUNCTIONS } from './detection.js';
import { ELEMENTWISE_FUNCTIONS } from './elementwise.js';
import type { FunctionSpec } from './function-spec.js';
import { JOIN_FUNCTIONS } from './join-functions.js';
import { LIST_FUNCTIONS } from './lists.js';
import { MASK_FUNCTIONS } from './masks.js';
import { matmul } from './matmul.js';
import { PROPOSAL_FUNCTIONS } from './proposals.js';
import { RANDOM_FUNCTIONS } from './random.js';
import { REDUCTION_FUNCTIONS } from './reductions.js';
import { SHAPE_FUNCTIONS } from './shape-functions.js';
import { WINDOW_FUNCTIONS } from './windows.js';

const ALL: readonly FunctionSpec[] = [
  ...SHAPE_FUNCTIONS,
  ...JOIN_FUNCTIONS,
  ...WINDOW_FUNCTIONS,
  ...ELEMENTWISE_FUNCTIONS,
  ...BINARY_FUNCTIONS,
  ...REDUCTION_FUNCTIONS,
  matmul,
  ...CONVERSION_FUNCTIONS,
  ...MASK_FUNCTIONS,
  ...DETECTION_FUNCTIONS,
  ...PROPOSAL_FUNCTIONS,
  ...RANDOM_FUNCTIONS,
  ...LIST_FUNCTIONS,
];

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(ALL.map((f) => [f.name, f]));

export function findFunction(name: string): FunctionSpec | undefined {
  return FUNCTIONS.get(name);
}
