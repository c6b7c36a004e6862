// Asks a runtime which backend training would use: `nn doctor --json
// --device <nn.train.device>`, with a time limit, read into a DoctorAnswer.

import type { NnContext } from '../context.js';
import { config } from '../config.js';
import type { NnRuntime } from '../runtime-resolve.js';
import { readDoctorOutput, type DoctorAnswer } from './doctor-answer.js';
import { runNn } from './run-nn.js';

const DOCTOR_TIMEOUT_MS = 90_000;

export async function askDoctor(nn: NnContext, runtime: NnRuntime): Promise<DoctorAnswer> {
  const result = await runNn(nn, runtime, ['doctor', '--json', '--device', config.trainDevice()], {
    signal: AbortSignal.timeout(DOCTOR_TIMEOUT_MS),
    keepStdout: true,
    logOutput: false,
  });
  if (result.cancelled) return { ok: false, message: `nn doctor gave no answer within ${DOCTOR_TIMEOUT_MS / 1000} s`, stderrTail: result.stderrTail };
  const answer = readDoctorOutput(result);
  nn.log.info(answer.ok ? `nn doctor: ${answer.report.backend ?? 'no backend'}${answer.report.native ? ` (native, ${answer.report.device})` : ''}` : `nn doctor: ${answer.message}`);
  if (!answer.ok) for (const line of answer.stderrTail) nn.log.info(`  ${line}`);
  return answer;
}
