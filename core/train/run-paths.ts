// Paths a train block names for writing (`checkpoints: { dir }`) are inside
// the run's own folder (`runs/<name>/<run-id>/`): a run writes, replaces and
// prunes only what it owns, so a path that is absolute or climbs out with
// `..` is refused. The checker reports it at the path, and the runtime asks
// the same question again before it writes anything. Data paths are only
// read and may point anywhere. Plain string work: core does no I/O and runs
// where `node:path` may not exist, so both separators are understood.

import { msg } from '../i18n/message.js';

/** Why `path` cannot name a folder inside a run's folder, or undefined when it can. */
export function runPathProblem(path: string): string | undefined {
  if (path.trim() === '') return msg`is empty`;
  if (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return msg`is absolute`;
  if (path.split(/[\\/]+/).includes('..')) return msg`climbs out with '..'`;
  return undefined;
}

/** The default folder of a run's checkpoints, inside the run's folder. */
export const DEFAULT_CHECKPOINTS_DIR = 'checkpoints';
