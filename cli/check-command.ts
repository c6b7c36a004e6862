// `nn check FILE... [--json]`: every syntax and shape problem, with its place.

import { msg } from '../core/i18n/message.js';
import { relative, resolve } from 'node:path';
import { checkFile } from '../core/check/program.js';
import { LineIndex } from '../core/text/line-index.js';
import { parseArgs } from './args.js';
import { toJson, toText } from './format-diagnostic.js';
import { EXIT, type Io, printHelp } from './io.js';
import { nodeHost, sourceProblem } from './node-host.js';

export const CHECK_USAGE = 'usage: nn check FILE... [--json]';

/** The command's help, in the language chosen (so built when asked); the usage line and option names stay as typed. */
export function checkHelp(): string {
  return `${CHECK_USAGE}

${msg`Checks .nn files: every syntax, name and shape error, and every train block
against its data, as path:line:col: error[NNxxxx]: message (with a help: line
where a fix is known). Exit status 1 when there are errors.`}
  --json   ${msg`one JSON object: each file's diagnostics with codes, ranges and fixes`}
`;
}

export function checkCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, { flags: ['json'], options: [] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, checkHelp());
  if (args.positional.length === 0) return usage(io, msg`no file given`);
  let errors = 0;
  let unreadable = 0;
  const files: unknown[] = [];
  for (const path of args.positional) {
    const file = resolve(io.cwd, path);
    const result = checkFile(file, nodeHost);
    if (!result.module) {
      io.stderr.write(`nn: ${msg`cannot read ${path}: ${sourceProblem(file)}`}\n`);
      unreadable++;
      continue;
    }
    const lines = new Map<string, LineIndex>();
    const lineIndexOf = (f: string | undefined) => {
      const key = f ?? file;
      const text = result.state.modules.get(key)?.text;
      if (text === undefined) return undefined;
      if (!lines.has(key)) lines.set(key, new LineIndex(text));
      return lines.get(key);
    };
    errors += result.diagnostics.filter((d) => d.severity === 'error').length;
    if (args.flags.has('json')) files.push({ path, diagnostics: result.diagnostics.map((d) => toJson(d, lineIndexOf(d.file)!)) });
    else for (const d of result.diagnostics) io.stdout.write(`${toText(d, path, lineIndexOf, (f) => (f ? relative(io.cwd, f) : path))}\n`);
  }
  if (args.flags.has('json')) io.stdout.write(`${JSON.stringify({ files })}\n`);
  else if (errors > 0) io.stderr.write(`${errorCount(errors)}\n`);
  if (unreadable > 0) return EXIT.usage;
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

/** `1 error`, `3 errors`: the line that ends a check with errors. */
export function errorCount(errors: number): string {
  return errors === 1 ? msg`${errors} error` : msg`${errors} errors`;
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn check: ${message}\n${CHECK_USAGE}\n`);
  return EXIT.usage;
}
