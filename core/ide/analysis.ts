// One analysed file: the checker's results with the recording the editor
// features read (the value of every expression, every layer application).
// Editor answers are plain data in offsets; only server/ speaks LSP.

import type { Program } from '../../grammar/ast.js';
import type { WorkLimits } from '../check/budget.js';
import { checkFile, type FileCheck } from '../check/program.js';
import type { Module, Recording } from '../check/state.js';
import type { Host } from '../host.js';
import { LineIndex } from '../text/line-index.js';

export interface Analysis {
  file: string;
  text: string;
  program: Program;
  check: FileCheck;
  recording: Recording;
  lines: LineIndex;
  /** every file the check loaded (this one and its imports) */
  modules: ReadonlyMap<string, Module>;
  /** how files were read (for features that check again, like a model's summary) */
  host: Host;
}

/**
 * Checks `file` (read through `host`) and keeps what the editor needs;
 * undefined when it cannot be read. With the `previous` analysis of the
 * same file, definitions that did not change are not checked again.
 * `limits` bound the check's work and time (a language server's deadline).
 */
export function analyze(file: string, host: Host, previous?: Analysis, limits?: WorkLimits): Analysis | undefined {
  const check = checkFile(file, host, { record: true, ...(previous?.check.reusable ? { previous: previous.check.reusable } : {}), ...(limits ? { limits } : {}) });
  if (!check.module || !check.recording) return undefined;
  return {
    file,
    text: check.module.text,
    program: check.module.program,
    check,
    recording: check.recording,
    lines: new LineIndex(check.module.text),
    modules: check.state.modules,
    host,
  };
}
