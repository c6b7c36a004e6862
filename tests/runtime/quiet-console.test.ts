// What tfjs prints while it loads goes to stderr, formatted as console.log
// would format it: `%s` substituted, objects shown, not `[object Object]`.

import { describe, expect, it } from 'vitest';
import { withConsoleOnStderr } from '../../runtime/quiet-console.js';

describe('withConsoleOnStderr', () => {
  it('formats like console.log, on stderr, and gives console back', async () => {
    const written: string[] = [];
    const log = console.log;
    await withConsoleOnStderr({ write: (t: string) => written.push(t) }, async () => {
      console.log('backend %s ready', 'tensorflow');
      console.info({ device: 'cpu' }, 2);
    });
    expect(written).toEqual(['backend tensorflow ready\n', "{ device: 'cpu' } 2\n"]);
    expect(console.log).toBe(log);
  });
});
