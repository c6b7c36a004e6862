// Asks a runtime which backend training would use: `nn doctor --json
// --device <nn.train.device>`, with a time limit, read into a DoctorAnswer.
// The status bar asks without the torch engine's side (`--no-torch`:
// importing torch takes seconds, and it asks after every set-up and
// setting change); NN: Doctor asks for everything. A runtime older than
// `--no-torch` is asked again without it.

import type { NnContext } from '../context.js';
import { config } from '../config.js';
import type { NnRuntime } from '../runtime-resolve.js';
import { type DoctorAnswer, doctorArgs, type DoctorQuestion, NO_TORCH, readDoctorOutput, refusedNoTorch } from './doctor-answer.js';
import { runNn } from './run-nn.js';

const DOCTOR_TIMEOUT_MS = 90_000;

export async function askDoctor(nn: NnContext, runtime: NnRuntime, question: DoctorQuestion): Promise<DoctorAnswer> {
  const args = doctorArgs(config.trainDevice(), question);
  let answer = await ask(nn, runtime, args);
  if (refusedNoTorch(answer)) answer = await ask(nn, runtime, args.filter((a) => a !== NO_TORCH));
  nn.log.info(answer.ok ? `nn doctor: ${answer.report.backend ?? 'no backend'}${answer.report.native ? ` (native, ${answer.report.device})` : ''}` : `nn doctor: ${answer.message}`);
  if (!answer.ok) for (const line of answer.stderrTail) nn.log.info(`  ${line}`);
  return answer;
}

async function ask(nn: NnContext, runtime: NnRuntime, args: string[]): Promise<DoctorAnswer> {
  const result = await runNn(nn, runtime, args, { signal: AbortSignal.timeout(DOCTOR_TIMEOUT_MS), keepStdout: true, logOutput: false });
  if (result.cancelled) return { ok: false, message: `nn doctor gave no answer within ${DOCTOR_TIMEOUT_MS / 1000} s`, stderrTail: result.stderrTail };
  return readDoctorOutput(result);
}
