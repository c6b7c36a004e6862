// Argument parsing for the subcommands, on Node's `util.parseArgs`: flags
// (`--json`), options with values (`--model VGG16`, `--model=VGG16`),
// repeatable options (`--set a=1`) and positional arguments after `--`.
// `-h` / `--help` asks for the command's help. Every misuse is one message:
// an unknown flag, a flag given a value, an option with no value (also when
// the next argument is another option: `--model --json`), an option given
// twice.

import { msg } from '../core/i18n/message.js';
import { parseArgs as parseNodeArgs } from 'node:util';

export interface ArgSpec {
  flags: readonly string[];
  options: readonly string[];
  repeatable?: readonly string[];
}

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string[]>;
  positional: string[];
}

export type ArgsResult = ParsedArgs | { error: string } | { help: true };

/** A value that is really the next option: `--json`, `-h` (but not `-`, `-3` or `-0.5,2`). */
function looksLikeOption(value: string): boolean {
  return /^-[^\d.]/.test(value) && value !== '-';
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ArgsResult {
  const valued = [...spec.options, ...(spec.repeatable ?? [])];
  const { tokens } = parseNodeArgs({
    args: [...argv],
    options: Object.fromEntries(valued.map((name) => [name, { type: 'string' as const, multiple: true }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // `--`: what follows is positional
    const { name, rawName } = token;
    if (name === 'help' || rawName === '-h') return { help: true };
    if (spec.flags.includes(name)) {
      if (token.value !== undefined) return { error: msg`${rawName} takes no value` };
      flags.add(name);
    } else if (valued.includes(name)) {
      const value = token.value;
      if (value === undefined || (!token.inlineValue && looksLikeOption(value))) return { error: msg`${rawName} needs a value` };
      if (options.has(name) && !spec.repeatable?.includes(name)) return { error: msg`${rawName} is given twice` };
      options.set(name, [...(options.get(name) ?? []), value]);
    } else return { error: msg`unknown option ${rawName}` };
  }
  return { flags, options, positional };
}
