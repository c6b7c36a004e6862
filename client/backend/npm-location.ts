// Where npm is, for the set-up: `npm` on the PATH, else npm-cli.js beside
// the Node that runs the runtime (Node's installers put npm there: on Linux
// and macOS `<prefix>/bin/node` with `<prefix>/lib/node_modules/npm`, on
// Windows `node.exe` with `node_modules\npm` beside it). Pure: the file
// system is a parameter.

import { dirname, join, win32 } from 'node:path';
import { l10n } from '../l10n.js';

/** Run as `spawn(command, [...args, 'install', ...])`. */
export interface NpmCommand {
  command: string;
  args: string[];
  /** how it was found, for the log */
  found: string;
}

export interface NpmSearch {
  /** the PATH variable */
  pathEnv: string;
  platform: NodeJS.Platform;
  /** the Node that runs the runtime */
  node: string;
}

/** What to do without npm (a function: the words are in the language chosen at activation). */
export function noNpmMessage(): string {
  return l10n.t('Setting up the training backend needs npm, which comes with Node.js, and none was found (neither `npm` on the PATH nor beside the Node that runs nn). Install Node.js 20 or later (https://nodejs.org), then run NN: Set Up Training Backend again.');
}

export function findNpm(search: NpmSearch, isFile: (path: string) => boolean): NpmCommand | undefined {
  const windows = search.platform === 'win32';
  const path = windows ? win32 : { join, dirname };
  for (const dir of search.pathEnv.split(windows ? ';' : ':')) {
    if (dir === '') continue;
    if (windows) {
      // npm.cmd needs a shell; run the npm-cli.js it wraps with Node instead
      const cli = path.join(dir, 'node_modules', 'npm', 'bin', 'npm-cli.js');
      if (isFile(path.join(dir, 'npm.cmd')) && isFile(cli)) return { command: search.node, args: [cli], found: `npm on the PATH (${dir})` };
    } else if (isFile(path.join(dir, 'npm'))) {
      return { command: path.join(dir, 'npm'), args: [], found: 'npm on the PATH' };
    }
  }
  const nodeDir = path.dirname(search.node);
  const beside = windows
    ? [path.join(nodeDir, 'node_modules', 'npm', 'bin', 'npm-cli.js')]
    : [path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'), path.join(nodeDir, 'node_modules', 'npm', 'bin', 'npm-cli.js')];
  const cli = beside.find(isFile);
  return cli ? { command: search.node, args: [cli], found: 'npm beside Node' } : undefined;
}
