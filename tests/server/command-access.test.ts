// The server's commands read only what the editor shows: documents it has
// open, and `.nn` files inside the workspace folders (links resolved).
// Anything else (a file outside, a file that is not .nn, a link out of the
// folder, a path climbing out with `..`) is a JSON-RPC error that says why,
// and nothing of the file's content; `nn.models` answers such a file with
// an entry carrying the error, so that the rest of its list still shows.

import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempFolder } from '../helpers/temp-files.js';
import { Client, uriOf } from './client.js';

const MODEL = 'model Secret {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n';

describe('what nn.summary, nn.graph and nn.models may read', () => {
  const tmp = tempFolder('command-access');
  const folder = join(tmp.dir, 'project');
  let inside: string;
  let outside: string;
  let notNn: string;
  let link: string;
  let client: Client;
  const command = (name: string, args: unknown[]) => client.request<unknown>('workspace/executeCommand', { command: name, arguments: args });

  beforeAll(async () => {
    mkdirSync(folder);
    inside = tmp.write('project/model.nn', MODEL);
    outside = tmp.write('elsewhere/secret.nn', MODEL);
    notNn = tmp.write('project/notes.txt', MODEL);
    link = join(folder, 'link.nn');
    symlinkSync(outside, link);
    client = await Client.start({ rootPath: folder, capabilities: { workspace: { workspaceFolders: true } } });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    tmp.remove();
  });

  test('a .nn file inside the workspace folder: answered', async () => {
    expect(await command('nn.summary', [uriOf(inside)])).toMatchObject({ model: 'Secret' });
    expect(await command('nn.graph', [inside, 'Secret'])).toMatchObject({ model: 'Secret' });
    expect(await command('nn.models', [[inside]])).toEqual([expect.objectContaining({ file: inside, definitions: [expect.objectContaining({ name: 'Secret' })] })]);
  });

  test.each([
    ['a file outside the workspace folders', () => outside, /is neither open in the editor nor inside the workspace folders/],
    ['a path that climbs out with ..', () => join(folder, '..', 'elsewhere', 'secret.nn'), /is neither open in the editor nor inside the workspace folders/],
    ['a link inside the folder to a file outside', () => link, /is neither open in the editor nor inside the workspace folders/],
    ['a file that is not .nn, inside the folder', () => notNn, /is not a \.nn file/],
    ['a file that is not .nn, outside', () => '/etc/passwd', /is not a \.nn file/],
  ])('%s: a JSON-RPC error saying why', async (_, path, why) => {
    const file = path();
    for (const name of ['nn.summary', 'nn.graph']) {
      const answer = command(name, [uriOf(file)]);
      await expect(answer).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(why) });
      await expect(answer).rejects.toMatchObject({ message: expect.stringContaining(`${name}: ${file}`) });
    }
    const [entry] = (await command('nn.models', [[file]])) as { file: string; definitions: unknown[]; error?: string }[];
    expect(entry).toEqual({ file, definitions: [], error: expect.stringMatching(why) });
  });

  test('nn.models answers the files it may read next to one it may not', async () => {
    const answer = (await command('nn.models', [[inside, outside]])) as { file: string; definitions: unknown[]; error?: string }[];
    expect(answer.map((a) => [a.file, a.definitions.length, a.error !== undefined])).toEqual([
      [inside, 1, false],
      [outside, 0, true],
    ]);
  });

  test('a document the editor has open is answered wherever it is', async () => {
    await client.open(outside, MODEL);
    expect(await command('nn.summary', [uriOf(outside)])).toMatchObject({ model: 'Secret' });
    expect(await command('nn.graph', [outside])).toMatchObject({ model: 'Secret' });
    await client.close(outside);
    await expect(command('nn.summary', [uriOf(outside)])).rejects.toMatchObject({ message: expect.stringMatching(/is neither open/) });
  });

  test('a folder the editor adds to the workspace is readable from then on; a removed one no longer', async () => {
    const elsewhere = join(tmp.dir, 'elsewhere');
    const change = (added: string[], removed: string[]) =>
      client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: added.map((f) => ({ uri: uriOf(f), name: f })), removed: removed.map((f) => ({ uri: uriOf(f), name: f })) },
      });
    await change([elsewhere], []);
    expect(await command('nn.summary', [uriOf(outside)])).toMatchObject({ model: 'Secret' });
    await change([], [elsewhere]);
    await expect(command('nn.summary', [uriOf(outside)])).rejects.toMatchObject({ message: expect.stringMatching(/is neither open/) });
  });
});
