// Argument handling of every subcommand: values, misuse messages, and
// `-h` / `--help` printing that command's own help with exit status 0.

import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/args.js';
import { run } from '../../cli/main.js';

const SPEC = { flags: ['json', 'check'], options: ['model', 'out'], repeatable: ['set', 'point'] };

/** The parse as plain data: what a command would see. */
function parsed(argv: string[]) {
  const r = parseArgs(argv, SPEC);
  if (!('flags' in r)) return r;
  return { flags: [...r.flags], options: Object.fromEntries(r.options), positional: r.positional };
}

describe('parseArgs', () => {
  it.each<[string[], unknown]>([
    [['a.nn', '--model', 'VGG', '--json'], { flags: ['json'], options: { model: ['VGG'] }, positional: ['a.nn'] }],
    [['--model=VGG', 'a.nn'], { flags: [], options: { model: ['VGG'] }, positional: ['a.nn'] }],
    [['--set', 'a=1', '--set=b=2'], { flags: [], options: { set: ['a=1', 'b=2'] }, positional: [] }],
    // a value that starts with a dash but is a number is a value, not an option
    [['--point', '-3,4', '--point', '-0.5,2'], { flags: [], options: { point: ['-3,4', '-0.5,2'] }, positional: [] }],
    // `--model=--json` says explicitly that the value is `--json`
    [['--model=--json'], { flags: [], options: { model: ['--json'] }, positional: [] }],
    // after `--` everything is positional
    [['--', '--json', '-h'], { flags: [], options: {}, positional: ['--json', '-h'] }],
    [['-'], { flags: [], options: {}, positional: ['-'] }],
    // the option with no value: the next argument is another option
    [['a.nn', '--model', '--json'], { error: '--model needs a value' }],
    [['a.nn', '--model', '-x'], { error: '--model needs a value' }],
    [['a.nn', '--model'], { error: '--model needs a value' }],
    [['--json=yes'], { error: '--json takes no value' }],
    [['--model', 'A', '--model', 'B'], { error: '--model is given twice' }],
    [['--jsn'], { error: 'unknown option --jsn' }],
    [['-q'], { error: 'unknown option -q' }],
    [['a.nn', '-h'], { help: true }],
    [['--help', '--jsn'], { help: true }],
  ])('%j', (argv, expected) => {
    expect(parsed(argv)).toEqual(expected);
  });
});

/** Runs `nn ARGS` in this process with captured streams. */
async function nn(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('a subcommand asked for help', () => {
  it.each(['check', 'summary', 'fmt', 'train', 'export', 'run', 'doctor'])('nn %s --help and -h print its help and exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const r = await nn([command, 'some.nn', flag]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^usage: nn ${command} `));
      // more than the usage line: what the command does and its options
      expect(r.stdout.split('\n').length).toBeGreaterThan(4);
    }
    expect((await nn(['help', command])).stdout).toBe((await nn([command, '--help'])).stdout);
  });

  it('a value missing before another option is a usage error naming it, not a model called --json', async () => {
    const r = await nn(['summary', 'examples/mlp.nn', '--model', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nn summary: --model needs a value\nusage: nn summary FILE [--model NAME] [--set name=value ...] [--json]\n');
  });

  it('the top-level help names the per-command help', async () => {
    const r = await nn(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nn COMMAND --help');
  });

  it('a command name from Object.prototype is an unknown command', async () => {
    const r = await nn(['toString']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nn: unknown command 'toString'/);
  });
});
