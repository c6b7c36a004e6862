// tfjs-node 4.22 calls util.isNullOrUndefined and util.isArray, which Node 23
// removed. Put back exactly what they did, only where they are missing.

import util from 'node:util';

export function restoreRemovedUtil(): void {
  const u = util as unknown as Record<string, unknown>;
  if (typeof u.isNullOrUndefined !== 'function') u.isNullOrUndefined = (value: unknown) => value === null || value === undefined;
  if (typeof u.isArray !== 'function') u.isArray = Array.isArray;
}
