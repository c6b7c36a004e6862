// Finding and ending the processes of one scenario. code-server runs in its
// own process group, but a child can leave the group (a detached training
// run); every descendant still inherits the scenario's marker variable, so
// /proc tells which processes belong to it (Linux).

import { readdirSync, readFileSync } from 'node:fs';

export const MARKER_VARIABLE = 'NN_E2E_SCENARIO';

/** The ids of the live processes whose environment carries `NN_E2E_SCENARIO=<marker>`. */
export function processesMarked(marker: string): number[] {
  const needle = `${MARKER_VARIABLE}=${marker}\0`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(needle)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM the group, SIGKILL it after `graceMs`, then SIGKILL any marked process left. Resolves to the ids that had to be killed outside the group. */
export async function endProcesses(pgid: number, marker: string, graceMs = 3000): Promise<number[]> {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // already gone
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  const strays = processesMarked(marker);
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return strays;
}
