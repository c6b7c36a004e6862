// Runs the resolved `nn` CLI (`node <script> <command> ...`) as a child
// process with the Node that trains (runtime.ts's nodeCommand()): its
// command line and every line of its output in the extension's log.

import type { NnContext } from '../context.js';
import { runProcess, type ProcessResult } from '../child-process.js';
import { nodeCommand } from '../runtime.js';
import type { NnRuntime } from '../runtime-resolve.js';

export interface NnRunOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** keep all of stdout (a JSON answer) */
  keepStdout?: boolean;
  /** log the output lines (default true) */
  logOutput?: boolean;
}

export async function runNn(nn: NnContext, runtime: NnRuntime, args: string[], options: NnRunOptions = {}): Promise<ProcessResult> {
  const node = nodeCommand();
  nn.log.info(`$ nn ${args.join(' ')}  (${runtime.script})`);
  return runProcess({
    command: node.command,
    args: [runtime.script, ...args],
    cwd: options.cwd ?? runtime.root,
    env: { ...node.env, TF_CPP_MIN_LOG_LEVEL: node.env.TF_CPP_MIN_LOG_LEVEL ?? '2' },
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.keepStdout ? { keepStdout: true } : {}),
    ...(options.logOutput === false ? {} : { onLine: (line: string) => nn.log.info(`  ${line}`) }),
  });
}
