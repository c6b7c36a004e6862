// `--size NAME=N` options: sizes a model's inputs leave open (`S=10`).

import { msg } from '../core/i18n/message.js';

export function parseSizes(assignments: readonly string[]): Record<string, number> | string {
  const sizes: Record<string, number> = {};
  for (const a of assignments) {
    const match = /^([A-Za-z_]\w*)=(\d+)$/.exec(a);
    if (!match) return msg`--size takes NAME=N with N a whole number, not '${a}'`;
    sizes[match[1]!] = Number(match[2]);
  }
  return sizes;
}
