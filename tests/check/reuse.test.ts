// Re-checking with the previous check's results gives exactly what a fresh
// check gives: the same diagnostics and the same recorded shapes, after
// random edits anywhere in the bundled specs.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, type FileCheck } from '../../core/check/program.js';
import type { ApplicationRecord } from '../../core/check/state.js';
import { formatShape } from '../../core/shapes/shape.js';
import { memoryHost } from '../helpers/memory-host.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const sources = readdirSync(examples).filter((f) => f.endsWith('.nn')).map((f) => [f, readFileSync(join(examples, f), 'utf8')] as const);

function prng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const SNIPPETS = [' ', '\n', 'x', '1', ' -> ReLU', '// note\n', 'let _t = 3\n', ')', '64', 'Dense(8)'];

function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * text.length);
  return random() < 0.5 ? text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
}

const check = (text: string, previous?: FileCheck) => checkFile('/main.nn', memoryHost({ '/main.nn': text }), { record: true, ...(previous?.reusable ? { previous: previous.reusable } : {}) });
const diagnosticsOf = (c: FileCheck) => c.diagnostics.map((d) => `${d.code}@${d.range.start}-${d.range.end} ${d.message} | ${(d.related ?? []).map((r) => `${r.range.start}-${r.range.end}`).join(',')}`);
const shapesOf = (c: FileCheck) =>
  [...c.recording!.values.entries()].filter(([, v]) => v.kind === 'tensor').map(([n, v]) => `${n.kind}@${n.range.start}-${n.range.end} ${v.kind === 'tensor' ? formatShape(v.shape) : ''}`).sort();

/** Each application's shapes, and the applications that share its layer (a layer applied twice shares its weights). */
const applicationsOf = (c: FileCheck) => {
  const applications = [...c.recording!.applications.entries()];
  const layerOf = (a: ApplicationRecord) => (a.target.kind === 'layer' ? a.target.layer.id : undefined);
  const sharing = (a: ApplicationRecord) =>
    applications.filter(([, b]) => layerOf(a) !== undefined && layerOf(b) === layerOf(a)).map(([n]) => n.range.start).sort((x, y) => x - y).join(',');
  return applications.map(([n, a]) => `${n.range.start}-${n.range.end} ${a.inputs.map(formatShape).join(',')} -> ${a.outputs.map(formatShape).join(',')} shares ${sharing(a)}`).sort();
};

describe('reusing the previous check', () => {
  it.each(sources)('%s: incremental results equal fresh ones over a chain of edits', (_name, original) => {
    const random = prng(original.length);
    let text = original;
    let previous = check(text);
    for (let i = 0; i < 25; i++) {
      text = edit(text, random);
      const incremental = check(text, previous);
      const fresh = check(text);
      expect(diagnosticsOf(incremental)).toEqual(diagnosticsOf(fresh));
      expect(shapesOf(incremental)).toEqual(shapesOf(fresh));
      expect(applicationsOf(incremental)).toEqual(applicationsOf(fresh));
      previous = incremental;
    }
  });

  it.each(sources)('%s: the same when the recorded values are not read between edits', (_name, original) => {
    const random = prng(original.length + 7);
    let text = original;
    let previous = check(text);
    for (let i = 0; i < 10; i++) {
      text = edit(text, random);
      previous = check(text, previous); // an editor that types on without asking for hints or hovers
    }
    const fresh = check(text);
    expect(shapesOf(previous)).toEqual(shapesOf(fresh));
    expect(applicationsOf(previous)).toEqual(applicationsOf(fresh));
  });

  it('a definition is checked again when a name it uses starts to resolve', () => {
    const user = 'model M {\n  input x: [B, 4]\n  output x -> Head\n}\n';
    const first = check(user);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['NN1001']);
    const withHead = `${user}\nblock Head {\n  input x: [B, F]\n  output x -> Dense(2)\n}\n`;
    expect(check(withHead, first).diagnostics).toEqual([]);
  });

  it('layers carried over and layers made anew are told apart (shared weights are counted right)', () => {
    const shared = 'model A {\n  input x: [B, 4]\n  let d = Dense(4)\n  output x -> d -> d\n}\n';
    const other = (units: number) => `model C {\n  input x: [B, 4]\n  output x -> Dense(${units}) -> Dense(4)\n}\n`;
    const incremental = check(shared + other(5), check(shared + other(3)));
    expect(applicationsOf(incremental)).toEqual(applicationsOf(check(shared + other(5))));
  });

  it('reuses unchanged definitions (none of them is checked again)', () => {
    const [, text] = sources.find(([n]) => n === 'sam.nn')!;
    const first = check(text);
    const again = check(text, first);
    expect(again.state.instances.size).toBeLessThan(first.state.instances.size);
  });
});
