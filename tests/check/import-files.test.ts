// Imports name .nn files: any other file is a diagnostic at the import's
// string and is never read (no device, no /proc file, and no "did you mean"
// made of another file's words); a file the host cannot read says why.

import { describe, expect, it } from 'vitest';
import { checkFile } from '../../core/check/program.js';
import type { Host, Unreadable } from '../../core/host.js';
import { memoryHost } from '../helpers/memory-host.js';

const model = 'model M {\n  input x: [B, 8]\n  output x\n}\n';

/** A host over `files` that records every path it is asked to read. */
function recordingHost(files: Record<string, string>, why: Record<string, Unreadable> = {}) {
  const read: string[] = [];
  const inner = memoryHost(files);
  const host: Host = {
    ...inner,
    readFile: (path) => (read.push(path), inner.readFile(path)),
    readSource: (path) => (read.push(path), why[path] ?? inner.readFile(path) ?? { problem: 'no such file or folder' }),
  };
  return { host, read };
}

const diagnosticsOf = (source: string, host: Host) =>
  checkFile('/main.nn', host).diagnostics.map((d) => ({ code: d.code, at: source.slice(d.range.start, d.range.end), message: d.message }));

describe('imports of files that are not .nn files', () => {
  it('are refused at the string without reading the file, and "did you mean" shows none of its words', () => {
    const source = `import { Secre } from "./notes.txt"\nimport "/etc/passwd"\nimport "/proc/self/environ"\n${model}`;
    const { host, read } = recordingHost({ '/main.nn': source, '/notes.txt': 'model Secret {\n  input x: [B, 1]\n  output x\n}\n' });
    expect(diagnosticsOf(source, host)).toEqual([
      { code: 'NN1012', at: '"./notes.txt"', message: "'./notes.txt' is not a .nn file; imports name .nn files" },
      { code: 'NN1012', at: '"/etc/passwd"', message: "'/etc/passwd' is not a .nn file; imports name .nn files" },
      { code: 'NN1012', at: '"/proc/self/environ"', message: "'/proc/self/environ' is not a .nn file; imports name .nn files" },
    ]);
    expect(read).toEqual(['/main.nn']);
  });
});

describe('imports the host cannot read', () => {
  it('say why at the string: not a regular file, or missing', () => {
    const source = `import "./pipe.nn"\nimport "./gone.nn"\n${model}`;
    const { host } = recordingHost({ '/main.nn': source }, { '/pipe.nn': { problem: 'is a named pipe (FIFO), not a regular file' } });
    expect(diagnosticsOf(source, host)).toEqual([
      { code: 'NN1012', at: '"./pipe.nn"', message: "cannot read './pipe.nn': is a named pipe (FIFO), not a regular file (looked for /pipe.nn)" },
      { code: 'NN1012', at: '"./gone.nn"', message: "cannot read './gone.nn': no such file or folder (looked for /gone.nn)" },
    ]);
  });

  it('a file too large to read is its own NN0004, as a text over the limit is; its importer sees no definitions', () => {
    const source = `import { Big } from "./big.nn"\n${model}`;
    const { host } = recordingHost({ '/main.nn': source }, { '/big.nn': { tooLarge: 10_000_000 } });
    const result = checkFile('/main.nn', host);
    const big = result.state.modules.get('/big.nn')!;
    expect(big.diagnostics.map((d) => [d.code, d.message, d.range])).toEqual([['NN0004', 'this file is 10 MB; nn checks files up to 2 MB', { start: 0, end: 0 }]]);
    expect(big.text).toBe('');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['NN1008']);
  });

  it('a host without readSource: a file it cannot read, without a reason', () => {
    const source = `import "./gone.nn"\n${model}`;
    expect(diagnosticsOf(source, memoryHost({ '/main.nn': source }))).toEqual([
      { code: 'NN1012', at: '"./gone.nn"', message: "cannot read './gone.nn' (looked for /gone.nn)" },
    ]);
  });
});
