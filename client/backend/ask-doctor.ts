// Asks a runtime which backend training would use: `nn doctor --json
// --device <nn.train.device>` in the editor's language, with a time limit,
// read into a DoctorAnswer. The status bar asks without the torch engine's
// side (`--no-torch`: importing torch takes seconds, and it asks after every
// set-up and setting change); NN: Doctor asks for everything. A runtime
// older than `--no-torch` or `--lang` is asked again without the option it
// refuses.

import * as vscode from 'vscode';
import { cliLanguageArgs } from '../cli-language.js';
import type { NnContext } from '../context.js';
import { config } from '../config.js';
import type { NnRuntime } from '../runtime-resolve.js';
import { type DoctorAnswer, doctorArgs, type DoctorQuestion, readDoctorOutput, refusedOption, withoutOption } from './doctor-answer.js';
import { runNn } from './run-nn.js';

const DOCTOR_TIMEOUT_MS = 90_000;
/** `--no-torch` and `--lang`: each refused at most once */
const MAX_REFUSED_OPTIONS = 2;

/** `device`: the one it asks for (by default the setting nn.train.device), which NN: Doctor's document also reads. */
export async function askDoctor(nn: NnContext, runtime: NnRuntime, question: DoctorQuestion, device = config.trainDevice()): Promise<DoctorAnswer> {
  let args = doctorArgs(device, question, cliLanguageArgs(vscode.env.language));
  let answer = await ask(nn, runtime, args);
  for (let again = 0; again < MAX_REFUSED_OPTIONS; again++) {
    const refused = refusedOption(answer);
    if (refused === undefined) break;
    args = withoutOption(args, refused);
    answer = await ask(nn, runtime, args);
  }
  nn.log.info(answer.ok ? `nn doctor: ${answer.report.backend ?? 'no backend'}${answer.report.native ? ` (native, ${answer.report.device})` : ''}` : `nn doctor: ${answer.message}`);
  if (!answer.ok) for (const line of answer.stderrTail) nn.log.info(`  ${line}`);
  return answer;
}

async function ask(nn: NnContext, runtime: NnRuntime, args: string[]): Promise<DoctorAnswer> {
  const result = await runNn(nn, runtime, args, { signal: AbortSignal.timeout(DOCTOR_TIMEOUT_MS), keepStdout: true, logOutput: false });
  if (result.cancelled) return { ok: false, message: vscode.l10n.t('nn doctor gave no answer within {0} s', DOCTOR_TIMEOUT_MS / 1000), stderrTail: result.stderrTail };
  return readDoctorOutput(result);
}
