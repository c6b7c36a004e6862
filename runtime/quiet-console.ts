// tfjs prints to console.log/info while it loads and picks a backend; nn's
// stdout carries results (JSON, tables), so during loading those go to stderr.
// TensorFlow's C++ logging goes to stderr already; below warnings it is
// silenced (TF_CPP_MIN_LOG_LEVEL=2) unless the user chose a level.

import { format } from 'node:util';

type Write = { write(text: string): unknown };

export async function withConsoleOnStderr<T>(stderr: Write, work: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  // as console.log formats: `%s` substitutions, objects inspected (not `[object Object]`)
  const toStderr = (...args: unknown[]) => void stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = toStderr;
  try {
    return await work();
  } finally {
    Object.assign(console, saved);
  }
}

export function quietTensorflowLogs(): void {
  process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
}
