// The Python that runs the Keras and PyTorch contenders: the bench
// environment (scripts/python/cache.mjs), set up on first use by
// scripts/python/setup.mjs --bench (a large download, once), or the reason
// there is none, for the table to say.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { environmentPython, environmentReadyRecord } from '../../scripts/python/cache.mjs';

export function benchPython(): string | { missing: string } {
  if (!environmentReadyRecord('bench')) {
    console.log('setting up the Python contenders (Keras on TensorFlow, PyTorch): once, a large download...');
    const setup = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'python', 'setup.mjs'), '--bench'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (setup.status !== 0) {
      // the set-up's own failure line, and the last line of what failed under it (pip's error)
      const lines = setup.stderr.trim().split('\n');
      const failure = [...lines].reverse().find((l) => l.startsWith('python set-up:'))?.replace('python set-up: ', '') ?? `exit ${setup.status}`;
      const cause = lines.at(-1)!.trim();
      return { missing: `not installed (${failure.slice(0, 160)}${cause.startsWith('python set-up:') ? '' : `: ${cause.slice(0, 160)}`})` };
    }
  }
  return environmentPython('bench');
}
