// A small argument parser: flags (`--json`), options with values
// (`--model VGG16`, `--model=VGG16`), repeatable options (`--set a=1`) and
// positional arguments. Unknown flags are errors, not silently ignored.

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

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs | { error: string } {
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags.includes(name)) {
      if (inline !== undefined) return { error: `--${name} takes no value` };
      flags.add(name);
    } else if (spec.options.includes(name) || spec.repeatable?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { error: `--${name} needs a value` };
      if (options.has(name) && !spec.repeatable?.includes(name)) return { error: `--${name} is given twice` };
      options.set(name, [...(options.get(name) ?? []), value]);
    } else return { error: `unknown option --${name}` };
  }
  return { flags, options, positional };
}
