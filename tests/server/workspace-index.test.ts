// The files of the workspace folders that are not open, as the features
// that look across files see them (workspace symbols, references, rename):
// regular `.nn` files only, parsed and not checked, within limits of count,
// size, total text and time, each file left out logged once. First the
// index on its own over real folders, then a real server over a hostile
// workspace (a named pipe, a file over the size limit, nested repeats, a
// link loop): workspace/symbol answers (at most a thousand symbols) and
// the server stays small.

import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INDEX_LIMITS, type IndexLimits, WorkspaceIndex } from '../../server/workspace-index.js';
import { Workspace } from '../../server/workspace.js';
import { tempFolder, type TempFolder } from '../helpers/temp-files.js';
import { Client, uriOf } from './client.js';
import { largeSource, nestedRepeats } from './hostile-sources.js';

const model = (name: string) => `model ${name} {\n  input x: [B, 4]\n  output x -> Dense(2)\n}\n`;

/** Makes a named pipe at `path`; false where the system has no mkfifo. */
function mkfifo(path: string): boolean {
  return process.platform !== 'win32' && spawnSync('mkfifo', [path]).status === 0;
}

function index(limits: Partial<IndexLimits> = {}): { index: WorkspaceIndex; logs: string[] } {
  const logs: string[] = [];
  return { index: new WorkspaceIndex(new Workspace().host, { ...INDEX_LIMITS, ...limits }, (m) => logs.push(m)), logs };
}

const names = (analyses: { file: string }[], dir: string) => analyses.map((a) => a.file.slice(dir.length + 1)).sort();

describe('the workspace index', () => {
  let tmp: TempFolder;
  beforeAll(() => {
    tmp = tempFolder('workspace-index');
    tmp.write('a.nn', model('A'));
    tmp.write('sub/b.nn', model('Bb'));
    tmp.write('.hidden/c.nn', model('C'));
    tmp.write('node_modules/pkg/d.nn', model('D'));
    tmp.write('notes.txt', model('E'));
    symlinkSync(join(tmp.dir, 'a.nn'), join(tmp.dir, 'link.nn'));
    symlinkSync(tmp.dir, join(tmp.dir, 'sub', 'loop'));
    mkfifo(join(tmp.dir, 'pipe.nn'));
  });
  afterAll(() => tmp.remove());

  test('regular .nn files only: no link, named pipe, hidden folder or dependency; parsed, not checked', () => {
    const { index: ix, logs } = index();
    const analyses = ix.analyses([tmp.dir], new Set());
    expect(names(analyses, tmp.dir)).toEqual(['a.nn', 'sub/b.nn']);
    // nothing checked: the check stopped at its first step
    expect(analyses.every((a) => a.check.diagnostics.every((d) => d.code === 'NN3013'))).toBe(true);
    expect(logs).toEqual([]);
  });

  test('open documents are left to the editor', () => {
    const { index: ix } = index();
    expect(names(ix.analyses([tmp.dir], new Set([join(tmp.dir, 'a.nn')])), tmp.dir)).toEqual(['sub/b.nn']);
  });

  test('a file is parsed once until it changes; a deleted one is let go', () => {
    const { index: ix } = index();
    ix.analyses([tmp.dir], new Set());
    expect(ix.parsed).toBe(2);
    ix.analyses([tmp.dir], new Set());
    expect(ix.parsed).toBe(2);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(tmp.dir, 'sub', 'b.nn'), later, later);
    ix.analyses([tmp.dir], new Set());
    expect(ix.parsed).toBe(3);
  });

  test('limits: files, size, total text, time; each logged once', () => {
    const byCount = index({ files: 1 });
    expect(byCount.index.analyses([tmp.dir], new Set())).toHaveLength(1);
    byCount.index.analyses([tmp.dir], new Set());
    expect(byCount.logs).toEqual(['the workspace folders hold more than 1 .nn files: the index holds the first 1']);

    const bySize = index({ fileBytes: 10 });
    expect(bySize.index.analyses([tmp.dir], new Set())).toEqual([]);
    bySize.index.analyses([tmp.dir], new Set());
    expect(bySize.logs).toHaveLength(2);
    expect(bySize.logs[0]).toMatch(/a\.nn is left out of the workspace index: \d+ bytes, more than its 10$/);

    const byTotal = index({ totalChars: model('A').length + 10 });
    expect(byTotal.index.analyses([tmp.dir], new Set())).toHaveLength(1);
    expect(byTotal.logs).toEqual([expect.stringMatching(/^the workspace index holds \d+ characters of text, its limit is \d+: .*b\.nn and others are left out$/)]);

    // a deadline already past: nothing is parsed this time, and it says so once
    const byTime = index({ timeMs: -1 });
    expect(byTime.index.analyses([tmp.dir], new Set())).toEqual([]);
    byTime.index.analyses([tmp.dir], new Set());
    expect(byTime.index.parsed).toBe(0);
    expect(byTime.logs).toEqual(['the workspace index took its -1 ms for one request: 2 files are indexed by the next ones']);
  });

  test('a folder of more entries than the limit is listed only that far', () => {
    const { index: ix, logs } = index({ entries: 2 });
    expect(ix.analyses([tmp.dir], new Set()).length).toBeLessThanOrEqual(2);
    expect(logs).toEqual(['the workspace folders hold more than 2 entries: the index looked at the first 2']);
  });
});

describe('a hostile workspace, through a real server', () => {
  let tmp: TempFolder;
  let client: Client;
  let fifo = false;
  beforeAll(async () => {
    tmp = tempFolder('hostile-workspace');
    tmp.write('good.nn', `import "./pipe.nn"\n${model('Good')}`);
    tmp.write('user.nn', `import { Good } from "./good.nn"\nmodel User {\n  input x: [B, 4]\n  output x -> Good\n}\n`);
    tmp.write('nested.nn', nestedRepeats());
    // more models than workspace/symbol answers (named to sort after the others)
    tmp.write('many.nn', Array.from({ length: 1500 }, (_, i) => `model Zz${String(i).padStart(4, '0')} { input x: [B, 1]  output x }`).join('\n'));
    // over the index's size limit, under the parser's: parsed and checked in full, it would take seconds
    tmp.write('large.nn', largeSource(1_500_000));
    symlinkSync(tmp.dir, join(tmp.dir, 'loop'));
    fifo = mkfifo(join(tmp.dir, 'pipe.nn'));
    client = await Client.start({ rootPath: tmp.dir });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    tmp.remove();
  });

  test('workspace/symbol answers from the files it may read, logs what it left out once, and the server stays small', async () => {
    const symbols = () => client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '' });
    const first = await symbols();
    const second = await symbols();
    expect(second).toEqual(first);
    const found = new Set(first.map((s) => s.name));
    expect(found).toContain('Good');
    expect(found).toContain('User');
    expect(found).toContain('Nested');
    expect(found).not.toContain('Net0'); // large.nn
    expect(first).toHaveLength(1000); // the first thousand by name, of 1,503
    expect(first.some((s) => s.location.uri === uriOf(join(tmp.dir, 'pipe.nn')))).toBe(false);
    expect(client.stderr.match(/large\.nn is left out of the workspace index: \d+ bytes, more than its 1000000/g)).toHaveLength(1);
    if (fifo) expect(client.alive).toBe(true); // the named pipe was never opened
    // references from an open document reach the files that are not open
    const user = join(tmp.dir, 'user.nn');
    await client.open(join(tmp.dir, 'good.nn'), `import "./pipe.nn"\n${model('Good')}`);
    const refs = await client.request<{ uri: string }[]>('textDocument/references', {
      textDocument: { uri: uriOf(join(tmp.dir, 'good.nn')) },
      position: { line: 1, character: 7 },
      context: { includeDeclaration: false },
    });
    expect(refs.map((r) => r.uri)).toContain(uriOf(user));
    // the peak memory of the whole server process: a generous bound (it holds a few small parses)
    const status = process.platform === 'linux' ? readFileSync(`/proc/${client.process.pid}/status`, 'utf8') : '';
    const peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    expect(peakKb).toBeLessThan(1_000_000);
  }, 60_000);
});
