// Initialisers: how a layer's weights start. A layer's `init:` (its main
// weight) and `bias_init:` (its additive one) take a string naming one,
// with numbers in brackets where it has parameters:
//
//   init: "he_normal"              init: "normal(0, 0.02)"
//   init: "normal(std: 0.02)"      bias_init: "constant(0.1)"
//
// This file reads such a string into plain data (`InitSpec`), checking the
// name (a did-you-mean) and the numbers (NN3016, NN3017); the compiler
// reads the same data to draw the values. Pure: no I/O, no tensors.

import { msg } from '../i18n/message.js';
import { closestName } from '../text/did-you-mean.js';

/** One parameter of an initialiser: a number, with a default when it may be left out. */
interface InitParam {
  name: string;
  default?: number;
  doc: string;
}

export interface InitializerKind {
  name: string;
  /** other spellings of the same initialiser (PyTorch's names) */
  aliases?: readonly string[];
  params: readonly InitParam[];
  /** the distribution, with `fan_in` / `fan_out` where it scales by them */
  doc: string;
}

/** An initialiser read from its string: the canonical name and every parameter's value. */
export interface InitSpec {
  name: string;
  args: Readonly<Record<string, number>>;
}

export const INITIALIZERS: readonly InitializerKind[] = [
  { name: 'zeros', params: [], doc: 'Every value 0.' },
  { name: 'ones', params: [], doc: 'Every value 1.' },
  { name: 'constant', params: [{ name: 'value', doc: 'The value.' }], doc: 'Every value `value`: `"constant(0.1)"`.' },
  {
    name: 'normal',
    params: [
      { name: 'mean', default: 0, doc: 'The mean.' },
      { name: 'std', default: 0.02, doc: 'The standard deviation (at least 0).' },
    ],
    doc: 'A normal distribution `N(mean, std)`; `"normal"` alone is `N(0, 0.02)` (GPT, BERT, DCGAN).',
  },
  {
    name: 'truncated_normal',
    params: [
      { name: 'mean', default: 0, doc: 'The mean before truncation.' },
      { name: 'std', default: 0.02, doc: 'The standard deviation before truncation (at least 0).' },
    ],
    doc: '`N(mean, std)` with every value further than `2*std` from the mean drawn again (ViT), so the spread is about `0.88*std`.',
  },
  {
    name: 'uniform',
    params: [
      { name: 'low', default: -0.05, doc: 'The smallest value.' },
      { name: 'high', default: 0.05, doc: 'The bound above every value; above `low`.' },
    ],
    doc: 'Uniform in `[low, high)`; `"uniform"` alone is `[-0.05, 0.05)` (Keras).',
  },
  { name: 'glorot_uniform', aliases: ['xavier_uniform'], params: [], doc: 'Uniform in `±sqrt(6 / (fan_in + fan_out))` (Glorot and Bengio 2010; Keras\'s default for kernels).' },
  { name: 'glorot_normal', aliases: ['xavier_normal'], params: [], doc: 'Normal with std `sqrt(2 / (fan_in + fan_out))`.' },
  { name: 'he_uniform', aliases: ['kaiming_uniform'], params: [], doc: 'Uniform in `±sqrt(6 / fan_in)` (He et al. 2015, for ReLU).' },
  { name: 'he_normal', aliases: ['kaiming_normal'], params: [], doc: 'Normal with std `sqrt(2 / fan_in)` (He et al. 2015, for ReLU: PyTorch\'s `kaiming_normal_`).' },
  { name: 'lecun_uniform', params: [], doc: 'Uniform in `±sqrt(3 / fan_in)`.' },
  { name: 'lecun_normal', params: [], doc: 'Normal with std `sqrt(1 / fan_in)` (for SELU).' },
  { name: 'orthogonal', params: [{ name: 'gain', default: 1, doc: 'A factor on the orthogonal matrix.' }], doc: 'A random orthogonal matrix (rows or columns orthonormal) times `gain`, over the weight seen as `[fan_in, fan_out]` (RNNs, deep linear stacks).' },
  { name: 'pytorch', params: [], doc: 'What PyTorch\'s module of the same kind starts from (each layer says which): `nn.Linear` and `nn.Conv2d` draw kernel and bias uniformly in `±1/sqrt(fan_in)`.' },
];

const BY_NAME: ReadonlyMap<string, InitializerKind> = new Map(INITIALIZERS.flatMap((k) => [k.name, ...(k.aliases ?? [])].map((n) => [n, k] as const)));

/** Every name an initialiser string may start with, aliases included. */
export const INITIALIZER_NAMES: readonly string[] = [...BY_NAME.keys()];

export function findInitializer(name: string): InitializerKind | undefined {
  return BY_NAME.get(name);
}

/** Why a string is not an initialiser: NN3016 for the name, NN3017 for its numbers; `replacement` is a whole corrected string. */
export interface InitProblem {
  code: 'NN3016' | 'NN3017';
  message: string;
  replacement?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Reads an initialiser string (`"normal(0, 0.02)"`) as data, or says what is wrong with it. */
export function parseInitializer(text: string): InitSpec | InitProblem {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/s.exec(text);
  if (!match) return { code: 'NN3016', message: msg`"${text}" is not an initialiser: write a name, with numbers in brackets where it takes them ("he_normal", "normal(0, 0.02)")` };
  const [, name, inside] = match as unknown as [string, string, string | undefined];
  const kind = BY_NAME.get(name);
  if (!kind) {
    const guess = closestName(name, INITIALIZER_NAMES);
    const known = INITIALIZERS.map((k) => k.name).join(', ');
    return {
      code: 'NN3016',
      message: guess ? msg`unknown initialiser '${name}'; did you mean '${guess}'? (initialisers: ${known})` : msg`unknown initialiser '${name}' (initialisers: ${known})`,
      ...(guess ? { replacement: text.replace(name, guess) } : {}),
    };
  }
  const read = readArguments(kind, inside);
  if ('code' in read) return read;
  return checkValues(kind, read.values) ?? { name: kind.name, args: read.values };
}

/** The numbers in brackets, positional then named, bound to the parameters with defaults filled in. */
function readArguments(kind: InitializerKind, inside: string | undefined): { values: Record<string, number> } | InitProblem {
  const bad = (message: string): InitProblem => ({ code: 'NN3017', message: msg`${kind.name}: ${message}` });
  const given: Record<string, number> = {};
  const parts = inside === undefined || inside.trim() === '' ? [] : inside.split(',').map((p) => p.trim());
  let position = 0;
  for (const part of parts) {
    const named = /^([A-Za-z_]\w*)\s*:\s*(.*)$/s.exec(part);
    const valueText = named ? named[2]!.trim() : part;
    if (!NUMBER.test(valueText)) return bad(msg`'${valueText || part}' is not a number`);
    const value = Number(valueText);
    let param: InitParam | undefined;
    if (named) {
      param = kind.params.find((p) => p.name === named[1]);
      if (!param) return bad(kind.params.length === 0 ? msg`takes no numbers` : msg`has no parameter '${named[1]}' (parameters: ${kind.params.map((p) => p.name).join(', ')})`);
    } else {
      if (position >= kind.params.length) return bad(tooManyNumbers(kind));
      param = kind.params[position++];
    }
    if (param!.name in given) return bad(msg`'${param!.name}' is given twice`);
    given[param!.name] = value;
  }
  // `normal(0.02)` would be a mean of 0.02: with two parameters, give both or name them
  if (kind.params.length === 2 && position === 1) {
    const [first, second] = kind.params as [InitParam, InitParam];
    return bad(msg`one number is ambiguous: write both ${first.name} and ${second.name} ("${kind.name}(${first.default}, ${given[first.name]})"), or name it ("${kind.name}(${second.name}: ${given[first.name]})")`);
  }
  const args: Record<string, number> = {};
  for (const p of kind.params) {
    const v = given[p.name] ?? p.default;
    if (v === undefined) return bad(msg`needs '${p.name}' ("${kind.name}(${p.name === 'value' ? '0.1' : '1'})")`);
    args[p.name] = v;
  }
  return { values: args };
}

/** Why more numbers than the initialiser has parameters were given. */
function tooManyNumbers(kind: InitializerKind): string {
  const names = kind.params.map((p) => p.name).join(', ');
  if (kind.params.length === 0) return msg`takes no numbers`;
  return kind.params.length === 1 ? msg`takes at most 1 number (${names})` : msg`takes at most ${kind.params.length} numbers (${names})`;
}

function checkValues(kind: InitializerKind, args: Record<string, number>): InitProblem | undefined {
  const bad = (message: string): InitProblem => ({ code: 'NN3017', message: msg`${kind.name}: ${message}` });
  if ('std' in args && args['std']! < 0) return bad(msg`std must be at least 0, but is ${args['std']}`);
  if (kind.name === 'uniform' && !(args['high']! > args['low']!)) return bad(msg`high (${args['high']}) must be above low (${args['low']})`);
  return undefined;
}

export function isInitProblem(r: InitSpec | InitProblem): r is InitProblem {
  return 'code' in r;
}

/** Whether an initialiser scales by the weight's fans (so a layer must know them). */
export function usesFans(spec: InitSpec): boolean {
  return /^(glorot|he|lecun)_/.test(spec.name) || spec.name === 'orthogonal' || spec.name === 'pytorch';
}
