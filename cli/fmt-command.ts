// `nn fmt FILE... [--check] [--stdout]`: the canonical layout. Rewrites files
// in place (atomically); `--check` only reports files that would change.
// A file with syntax errors is left as it is.

import { msg } from '../core/i18n/message.js';
import { resolve } from 'node:path';
import { parse, print, type Program } from '../grammar/index.js';
import { LineIndex } from '../core/text/line-index.js';
import { parseArgs } from './args.js';
import { EXIT, type Io, printHelp } from './io.js';
import { describeUnreadable, readSource } from './node-host.js';
import { writeFileAtomically } from '../runtime/files/atomic-files.js';

export const FMT_USAGE = 'usage: nn fmt FILE... [--check] [--stdout]';

/** The command's help, in the language chosen; the usage line and option names stay as typed. */
export function fmtHelp(): string {
  return `${FMT_USAGE}

${msg`Rewrites .nn files in the canonical layout. A file with syntax errors is left
as it is. A symbolic link is followed: its target is formatted, keeping its mode.`}
  --check    ${msg`change nothing; exit 1 when a file is not formatted`}
  --stdout   ${msg`print the formatted text instead of writing the file`}
`;
}

export function fmtCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, { flags: ['check', 'stdout'], options: [] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, fmtHelp());
  if (args.positional.length === 0) return usage(io, msg`no file given`);
  let status: number = EXIT.ok;
  for (const path of args.positional) {
    const file = resolve(io.cwd, path);
    const text = readSource(file);
    if (typeof text !== 'string') {
      io.stderr.write(`nn fmt: ${msg`cannot read ${path}: ${describeUnreadable(text)}`}\n`);
      status = EXIT.usage;
      continue;
    }
    const parsed = parse(text);
    if (parsed.diagnostics.length > 0) {
      const lines = new LineIndex(text);
      for (const d of parsed.diagnostics) {
        const p = lines.position(d.range.start);
        io.stderr.write(`${path}:${p.line + 1}:${p.character + 1}: error[${d.code}]: ${d.message}\n`);
      }
      io.stderr.write(`nn fmt: ${msg`${path} has syntax errors; not formatted`}\n`);
      status = Math.max(status, EXIT.problems);
      continue;
    }
    const formatted = printSafely(parsed.program);
    if (formatted === undefined) {
      io.stderr.write(`nn fmt: ${msg`${path} nests too deeply to format; not formatted`}\n`);
      status = Math.max(status, EXIT.problems);
      continue;
    }
    if (args.flags.has('stdout')) io.stdout.write(formatted);
    else if (formatted !== text) {
      if (args.flags.has('check')) {
        io.stdout.write(`${path}: ${msg`not formatted`}\n`);
        status = Math.max(status, EXIT.problems);
      } else {
        // a link keeps pointing at the file it names, now formatted; the file keeps its mode
        writeFileAtomically(file, formatted);
        io.stdout.write(`${path}: ${msg`formatted`}\n`);
      }
    }
  }
  return status;
}

/** The printer recurses over the tree: an expression with tens of thousands of parts is refused, not a crash. */
function printSafely(program: Program): string | undefined {
  try {
    return print(program);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn fmt: ${message}\n${FMT_USAGE}\n`);
  return EXIT.usage;
}
