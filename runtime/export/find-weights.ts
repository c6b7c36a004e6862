// Where a model's trained weights are: the newest checkpoint that holds
// them, among the runs next to the .nn file (`runs/<name>/checkpoints`).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The checkpoint folder (with latest.json) whose latest checkpoint has weights for `model`, newest first; undefined when none. */
export function findCheckpointDir(runsDir: string, model: string): string | undefined {
  if (!existsSync(runsDir)) return undefined;
  const candidates = readdirSync(runsDir)
    .map((run) => join(runsDir, run, 'checkpoints'))
    .filter((dir) => holds(dir, model))
    .sort((a, b) => statSync(join(b, 'latest.json')).mtimeMs - statSync(join(a, 'latest.json')).mtimeMs);
  return candidates[0];
}

function holds(dir: string, model: string): boolean {
  const latest = join(dir, 'latest.json');
  if (!existsSync(latest)) return false;
  try {
    const { checkpoint } = JSON.parse(readFileSync(latest, 'utf8')) as { checkpoint: string };
    return existsSync(join(dir, checkpoint, `model-${model}.json`));
  } catch {
    return false;
  }
}
