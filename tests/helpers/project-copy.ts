// A second project in a temporary folder, as a fresh clone would be before
// its native backend is set up: the given files of this one, a fresh copy
// of tfjs-node's own files (no TensorFlow library, no binding), and every
// other installed package linked.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export function projectWithoutBinding(paths: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'nn-project-'));
  for (const path of paths) cpSync(join(root, path), join(dir, path), { recursive: true });
  const from = join(root, 'node_modules');
  const to = join(dir, 'node_modules');
  mkdirSync(join(to, '@tensorflow', 'tfjs-node'), { recursive: true });
  for (const name of readdirSync(from).filter((n) => n !== '@tensorflow' && n !== '.bin')) symlinkSync(join(from, name), join(to, name));
  for (const name of readdirSync(join(from, '@tensorflow')).filter((n) => n !== 'tfjs-node')) symlinkSync(join(from, '@tensorflow', name), join(to, '@tensorflow', name));
  const tfjsNode = join(from, '@tensorflow', 'tfjs-node');
  for (const part of ['package.json', 'binding.gyp', 'binding', 'dist', 'scripts']) cpSync(join(tfjsNode, part), join(to, '@tensorflow', 'tfjs-node', part), { recursive: true });
  return dir;
}
