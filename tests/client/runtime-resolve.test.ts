// Which `nn` CLI the extension trains with: the setting, then the
// workspace's node_modules/nn-lang (or the workspace itself when it is
// nn-lang), then the runtime set up in the extension's global storage.

import { describe, expect, test } from 'vitest';
import { resolveRuntime, type RuntimeFs } from '../../client/runtime-resolve.js';

/** A file system of the given files (path -> contents); folders are implied by the paths. */
function fsOf(files: Record<string, string>): RuntimeFs {
  const isDirectory = (p: string): boolean => Object.keys(files).some((f) => f.startsWith(`${p}/`));
  return {
    isFile: (p) => p in files,
    isDirectory,
    readJson: (p) => (p in files ? JSON.parse(files[p] as string) : undefined),
  };
}

const nnLang = (root: string): Record<string, string> => ({
  [`${root}/package.json`]: JSON.stringify({ name: 'nn-lang', version: '0.1.0' }),
  [`${root}/bin/nn.js`]: '',
});

const globalRuntime = (storage: string): Record<string, string> => ({
  [`${storage}/runtime/nn.mjs`]: '',
  [`${storage}/runtime/ready.json`]: '{}',
  [`${storage}/runtime/node_modules/@tensorflow/tfjs-node/package.json`]: '{}',
});

const input = { settingPath: '', workspaceFolders: ['/ws'], globalStorage: '/storage' };

describe('runtime resolution', () => {
  test('the setting comes first: a bin/nn.js', () => {
    const fs = fsOf({ ...nnLang('/opt/nn'), ...nnLang('/ws/node_modules/nn-lang') });
    expect(resolveRuntime({ ...input, settingPath: '/opt/nn/bin/nn.js' }, fs)).toEqual({
      ok: true,
      runtime: { source: 'setting', script: '/opt/nn/bin/nn.js', root: '/opt/nn' },
    });
  });

  test('the setting may name the folder of an nn-lang install', () => {
    const fs = fsOf(nnLang('/opt/nn'));
    expect(resolveRuntime({ ...input, settingPath: '/opt/nn' }, fs)).toMatchObject({ ok: true, runtime: { source: 'setting', script: '/opt/nn/bin/nn.js' } });
  });

  test('a setting that points at nothing usable is an error naming the setting, not a silent fallback', () => {
    const fs = fsOf({ ...nnLang('/ws/node_modules/nn-lang'), '/opt/readme.txt': '' });
    for (const settingPath of ['/nowhere/nn.js', '/opt/readme.txt', '/opt']) {
      const r = resolveRuntime({ ...input, settingPath }, fs);
      expect(r).toMatchObject({ ok: false, reason: 'setting' });
      if (!r.ok) expect(r.message).toContain('nn.runtime.path');
    }
  });

  test("then the workspace's node_modules/nn-lang", () => {
    const fs = fsOf({ ...nnLang('/ws/node_modules/nn-lang'), ...globalRuntime('/storage') });
    expect(resolveRuntime(input, fs)).toEqual({
      ok: true,
      runtime: { source: 'workspace', script: '/ws/node_modules/nn-lang/bin/nn.js', root: '/ws/node_modules/nn-lang' },
    });
  });

  test('a workspace that is nn-lang itself trains with its own CLI', () => {
    expect(resolveRuntime(input, fsOf(nnLang('/ws')))).toMatchObject({ ok: true, runtime: { source: 'workspace', script: '/ws/bin/nn.js' } });
  });

  test('another package named differently is not mistaken for nn-lang', () => {
    const fs = fsOf({ '/ws/node_modules/nn-lang/package.json': JSON.stringify({ name: 'other' }), '/ws/node_modules/nn-lang/bin/nn.js': '' });
    expect(resolveRuntime(input, fs)).toMatchObject({ ok: false, reason: 'none' });
  });

  test('then the runtime set up in global storage, only when its set-up finished', () => {
    expect(resolveRuntime(input, fsOf(globalRuntime('/storage')))).toEqual({
      ok: true,
      runtime: { source: 'global', script: '/storage/runtime/nn.mjs', root: '/storage/runtime' },
    });
    const unfinished = globalRuntime('/storage');
    delete unfinished['/storage/runtime/ready.json'];
    expect(resolveRuntime(input, fsOf(unfinished))).toMatchObject({ ok: false, reason: 'none' });
  });

  test('with nothing ready the answer says how to set one up', () => {
    const r = resolveRuntime(input, fsOf({}));
    expect(r).toMatchObject({ ok: false, reason: 'none' });
    if (!r.ok) expect(r.message).toContain('Set Up Training Backend');
  });
});
