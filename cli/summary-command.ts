// `nn summary FILE [--model NAME] [--set name=value ...] [--json]`.

import { msg } from '../core/i18n/message.js';
import { relative, resolve } from 'node:path';
import { summarize } from '../core/summary.js';
import { LineIndex } from '../core/text/line-index.js';
import type { Value } from '../core/values.js';
import { nodeHost } from './node-host.js';
import { parseArgs } from './args.js';
import { toText } from './format-diagnostic.js';
import { EXIT, type Io, printHelp } from './io.js';
import { summaryTable } from './summary-table.js';

export const SUMMARY_USAGE = 'usage: nn summary FILE [--model NAME] [--set name=value ...] [--json]';

/** The command's help, in the language chosen; the usage line and option names stay as typed. */
export function summaryHelp(): string {
  return `${SUMMARY_USAGE}

${msg`Prints a model's layers as a table: each layer's output shape, weights and
FLOPs per example, and the totals. FILE may hold several models: --model picks
one (a model, not a train block); a model's parameters take --set.`}
  --model NAME        ${msg`the model to summarize (default: the file's only model)`}
  --set name=value    ${msg`a value for a model parameter (repeatable): --set depth=50`}
  --json              ${msg`the summary as JSON (layers, totals, inputs and outputs)`}
`;
}

export function summaryCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, { flags: ['json'], options: ['model'], repeatable: ['set'] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, summaryHelp());
  if (args.positional.length !== 1) return usage(io, args.positional.length === 0 ? msg`no file given` : msg`one file at a time`);
  const overrides: Record<string, Value> = {};
  for (const assignment of args.options.get('set') ?? []) {
    const match = /^([A-Za-z_]\w*)=(.+)$/.exec(assignment);
    if (!match) return usage(io, msg`--set takes name=value, not '${assignment}'`);
    const value = parseValue(match[2]!);
    if (value.kind === 'int' && !Number.isSafeInteger(value.value)) return usage(io, msg`--set ${match[1]}: ${match[2]} is beyond 2^53 - 1, the largest whole number nn computes exactly`);
    overrides[match[1]!] = value;
  }
  const path = args.positional[0]!;
  const file = resolve(io.cwd, path);
  const result = summarize(file, nodeHost, args.options.get('model')?.[0], overrides);
  if (!result.ok) {
    if (result.reason === 'usage') {
      io.stderr.write(`nn summary: ${result.message}\n`);
      return EXIT.usage;
    }
    // a diagnostic may point into an imported file (the error inside a block used here): each file's own lines
    const indexes = new Map<string, LineIndex | undefined>();
    const lineIndexOf = (f: string | undefined): LineIndex | undefined => {
      const at = f ?? file;
      if (!indexes.has(at)) {
        const text = nodeHost.readFile(at);
        indexes.set(at, text === undefined ? undefined : new LineIndex(text));
      }
      return indexes.get(at);
    };
    for (const d of result.diagnostics) io.stderr.write(`${toText(d, path, lineIndexOf, (f) => (f ? relative(io.cwd, f) : path))}\n`);
    io.stderr.write(`nn summary: ${result.message}\n`);
    return EXIT.problems;
  }
  io.stdout.write(args.flags.has('json') ? `${JSON.stringify(result.summary)}\n` : summaryTable(result.summary));
  return EXIT.ok;
}

/** `--set` values: ints, floats, true/false, or strings. */
function parseValue(text: string): Value {
  if (/^-?\d+$/.test(text)) return { kind: 'int', value: Number(text) };
  if (/^-?(\d+\.\d*|\.\d+|\d+)(e[+-]?\d+)?$/i.test(text)) return { kind: 'float', value: Number(text) };
  if (text === 'true' || text === 'false') return { kind: 'bool', value: text === 'true' };
  return { kind: 'string', value: text };
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn summary: ${message}\n${SUMMARY_USAGE}\n`);
  return EXIT.usage;
}
