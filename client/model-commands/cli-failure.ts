// The message of a failed `nn export` / `nn run`: the CLI's own lines
// (`nn: ...`, `nn run: ...`, an `error:` line) from the tail of its stderr,
// else the last lines, else the exit status. Pure.

import { l10n } from '../l10n.js';

export interface FailedRun {
  code: number | null;
  stderrTail: string[];
  startError?: string;
}

export function cliFailure(command: string, run: FailedRun): string {
  if (run.startError !== undefined) return l10n.t('nn {0} did not start: {1}', command, run.startError);
  const lines = run.stderrTail.map((l) => l.trim()).filter((l) => l !== '' && !/^(at |WARNING: All log messages|I0000|W0000|\d{4}-\d\d-\d\d )/.test(l));
  const own = lines.filter((l) => /^nn( \w+)?: /.test(l) && !/^nn: warning:/.test(l));
  const errors = lines.filter((l) => /\b(Error|error)\b/.test(l));
  const picked = own.length > 0 ? own : errors.length > 0 ? errors.slice(-2) : lines.slice(-3);
  const said = picked.slice(0, 4).join(' ');
  if (run.code === null) return picked.length > 0 ? l10n.t('nn {0} was ended by a signal (out of memory?): {1}', command, said) : l10n.t('nn {0} was ended by a signal (out of memory?).', command);
  return picked.length > 0 ? l10n.t('nn {0} failed (exit status {1}): {2}', command, run.code, said) : l10n.t('nn {0} failed (exit status {1}).', command, run.code);
}

/** The CLI's warnings (`nn: warning: ...`) of a run that worked: no trained weights, say. */
export function cliWarnings(stderrTail: string[]): string[] {
  return stderrTail.map((l) => /^nn: warning: (.*)$/.exec(l.trim())?.[1]).filter((w): w is string => w !== undefined);
}
