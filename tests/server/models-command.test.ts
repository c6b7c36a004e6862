// nn.models: what each file defines, for the Models view: kinds, names,
// ranges, which models a train block trains, docs and parameters; bad
// arguments are JSON-RPC errors, an unreadable file is said so.

import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { modelsCommand } from '../../server/models-command.js';
import { Workspace } from '../../server/workspace.js';
import { tempFolder } from '../helpers/temp-files.js';

const tmp = tempFolder('models-command');
afterAll(() => tmp.remove());

const source = `/// Two dense layers.
/// More words.
model MLP(hidden: int = 128) {
  input x: [B, 784]
  output x -> Dense(hidden) -> ReLU -> Dense(10)
}

block Stem {
  input x: [B, 8]
  output x -> Dense(8)
}

model Generator { input z: [B, 2]  output z -> Dense(2) }
model Critic { input x: [B, 2]  output x -> Dense(1) }
model Unused { input x: [B, 2]  output x -> Dense(1) }

loss l1(p: [B, N], t: [B, N]) { output mean(abs(p - t)) }

train MLP on mnist { epochs: 1 }
train Pair on ring {
  adversarial(Generator, Critic)
}
`;

const file = tmp.write('models.nn', source);

/** A workspace whose one folder is the temporary one: the commands read only inside the workspace folders. */
function workspace(): Workspace {
  const w = new Workspace();
  w.folders = [tmp.dir];
  return w;
}

describe('nn.models', () => {
  const [answer] = modelsCommand(workspace(), [[pathToFileURL(file).href]]);

  it('lists every definition and train block, in order', () => {
    expect(answer!.file).toBe(file);
    expect(answer!.definitions.map((d) => [d.kind, d.name, d.trainable])).toEqual([
      ['model', 'MLP', true],
      ['block', 'Stem', undefined],
      ['model', 'Generator', true],
      ['model', 'Critic', true],
      ['model', 'Unused', false],
      ['loss', 'l1', undefined],
      ['train', 'MLP', undefined],
      ['train', 'Pair', undefined],
    ]);
  });

  it('gives ranges in lines and characters, the name as the selection', () => {
    const mlp = answer!.definitions[0]!;
    expect(mlp.selectionRange).toEqual({ start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
    expect(mlp.range.end.line).toBe(5);
    expect(answer!.definitions[6]!.selectionRange.start).toEqual({ line: 18, character: 6 });
  });

  it('keeps the first doc line and the parameters as written', () => {
    expect(answer!.definitions[0]).toMatchObject({ doc: 'Two dense layers.', params: ['hidden: int = 128'] });
  });

  it('says when a file cannot be read', () => {
    expect(modelsCommand(workspace(), [[`${tmp.dir}/gone.nn`]])).toEqual([{ file: `${tmp.dir}/gone.nn`, definitions: [], error: `cannot read ${tmp.dir}/gone.nn` }]);
  });

  it('answers bad arguments with a JSON-RPC error', () => {
    expect(() => modelsCommand(new Workspace(), [])).toThrow(ResponseError);
    expect(() => modelsCommand(new Workspace(), [[1]])).toThrow(/list of file URIs or paths/);
  });
});
