// Which files the server's commands (`nn.summary`, `nn.graph`, `nn.models`)
// may read. A command names its file by a path the client chose: without a
// rule, any process that speaks to the server could have it read any file
// on the machine and answer with what parsed. The rule: a document the
// editor has open (its text came from the editor), or a `.nn` file inside
// one of the workspace folders, symbolic links resolved (a link inside a
// folder to a file outside it is outside).

import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { msg } from '../core/i18n/message.js';
import type { Workspace } from './workspace.js';

/** Why the commands may not read `file`; undefined when they may. */
export function commandRefusal(workspace: Workspace, file: string): string | undefined {
  if (workspace.documentAt(file)) return undefined;
  if (!file.endsWith('.nn')) return msg`${file} is not a .nn file: the server's commands read only .nn files`;
  const real = realPath(file);
  if (workspace.folders.some((folder) => isInside(real, realPath(folder)))) return undefined;
  return msg`${file} is neither open in the editor nor inside the workspace folders: the server's commands read only those`;
}

/** Whether `path` lies strictly inside `folder` (both absolute). */
export function isInside(path: string, folder: string): boolean {
  const r = relative(folder, path);
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
}

/** The path with its symbolic links resolved; as written (normalised) when it does not exist. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
