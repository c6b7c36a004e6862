// Checking a whole file: syntax, imports, every definition on its own, and
// every train block. The entry point for the CLI and the language server.

import type { TrainDecl } from '../../grammar/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host } from '../host.js';
import { checkGeneric } from './definitions.js';
import { loadModule } from './modules.js';
import { CheckState, type Module, type Recording } from './state.js';
import { checkTrain } from './train.js';

export interface FileCheck {
  file: string;
  /** undefined when the file cannot be read */
  module: Module | undefined;
  /** this file's diagnostics, in source order */
  diagnostics: Diagnostic[];
  /** values of the file's expressions, when asked for (editor features) */
  recording?: Recording;
  state: CheckState;
}

export function checkFile(file: string, host: Host, options: { record?: boolean } = {}): FileCheck {
  const st = new CheckState();
  if (options.record) {
    st.recording = { values: new Map(), applications: new Map() };
    st.recordFile = file;
  }
  const module = loadModule(st, host, file);
  if (!module) return { file, module, diagnostics: [], state: st };
  const diagnostics: Diagnostic[] = [...module.diagnostics];
  for (const item of module.program.items) {
    if (item.kind === 'Definition' && module.definitions.get(item.name.name)?.definition === item) {
      diagnostics.push(...checkGeneric(st, module, item).diagnostics);
    } else if (item.kind === 'Train') {
      diagnostics.push(...st.collect(() => checkTrainSafely(st, module, item)).diagnostics);
    }
  }
  const own = diagnostics.filter((d) => d.file === undefined || d.file === file);
  own.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { file, module, diagnostics: dedupe(own), ...(st.recording ? { recording: st.recording } : {}), state: st };
}

/** A train block whose expressions nest deeper than the stack is a diagnostic, not a crash. */
function checkTrainSafely(st: CheckState, module: Module, item: TrainDecl): void {
  try {
    checkTrain(st, module, item);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    st.diagnostics.push({ severity: 'error', code: 'NN0003', message: 'this train block nests too deeply to check', range: item.target.range, file: module.file });
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.range.start}:${d.range.end}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
