// The README's 30-second tour and its training commands work exactly as
// written: each `npx nn ...` line runs (through the same bin) and succeeds.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** The text of the section under `heading`, up to the next section. */
function section(heading: string): string {
  const start = readme.indexOf(heading);
  const end = readme.indexOf('\n## ', start + heading.length);
  return readme.slice(start, end < 0 ? undefined : end);
}

const commandsIn = (text: string) => [...text.matchAll(/^npx nn (.+?)(?:\s+#.*)?$/gm)].map((m) => m[1]!.trim());
const commands = commandsIn(section('## A 30-second tour'));
const training = commandsIn(section('## Train a model'));

/** Expands `examples/*.nn` as a shell would. */
const expand = (args: string[]) => args.flatMap((a) => (a === 'examples/*.nn' ? readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.nn')).sort().map((f) => `examples/${f}`) : [a]));

it('has a tour', () => {
  expect(commands.length).toBeGreaterThanOrEqual(4);
});

it.each(commands)('npx nn %s', (command) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'nn.js'), ...expand(command.split(/\s+/))], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('training, in a copy of the examples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nn-readme-'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });

  it('has training commands', () => {
    expect(training.length).toBeGreaterThanOrEqual(3);
  });

  // a training run takes up to a minute alone, more while the other tests run
  it.each(training)(
    'npx nn %s',
    (command) => {
      const r = spawnSync(process.execPath, [join(root, 'bin', 'nn.js'), ...command.split(/\s+/)], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    },
    600_000,
  );
});

it('shows the real output of the broken example', () => {
  const shown = /```text\n\$ npx nn check broken\.nn\n([\s\S]*?)```/.exec(readme)![1]!;
  const broken = 'model Broken {\n  input image: [B, 28, 28, 1]\n  output image -> Dense(10)\n}\n';
  const dir = join(root, 'dist');
  const path = join(dir, 'broken.nn');
  writeFileSync(path, broken);
  const r = spawnSync(process.execPath, [join(root, 'bin', 'nn.js'), 'check', 'broken.nn'], { cwd: dir, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe(shown);
});
