// What the training backend's status bar item shows for each state of the
// runtime: its text, tooltip (with the reasons), click command and
// background. Pure: backend-status.ts applies it to the item.

import type { RuntimeSource } from '../runtime-resolve.js';
import { backendKind, type DoctorAnswer } from './doctor-answer.js';

export type BackendState =
  | { kind: 'untrusted' }
  /** no runtime: the setting points nowhere (`setting`), or none is set up (`none`) */
  | { kind: 'missing'; reason: 'setting' | 'none'; message: string }
  | { kind: 'checking'; source: RuntimeSource }
  | { kind: 'answered'; source: RuntimeSource; answer: DoctorAnswer };

export interface Appearance {
  text: string;
  tooltip: string;
  command: string;
  /** the command's arguments, when it takes some */
  args?: unknown[];
  background?: 'warning' | 'error';
}

const SOURCE_WORDS: Record<RuntimeSource, string> = {
  setting: 'the runtime of the setting nn.runtime.path',
  workspace: "the workspace's nn-lang",
  global: 'the runtime set up by NN: Set Up Training Backend',
};

export function backendAppearance(state: BackendState): Appearance {
  switch (state.kind) {
    case 'untrusted':
      return {
        text: '$(shield) training off',
        tooltip: 'This workspace is not trusted: training, export and running models are disabled, because they run programs. Click to manage workspace trust.',
        command: 'workbench.trust.manage',
      };
    case 'missing':
      return state.reason === 'setting'
        ? { text: '$(warning) nn runtime', tooltip: `${state.message}\nClick to open the setting.`, command: 'workbench.action.openSettings', args: ['nn.runtime.path'], background: 'warning' }
        : { text: '$(cloud-download) set up training', tooltip: `${state.message}\nClick to set it up.`, command: 'nn.setUpBackend' };
    case 'checking':
      return { text: '$(loading~spin) backend', tooltip: `Asking ${SOURCE_WORDS[state.source]} which backend training would use (nn doctor)…`, command: 'nn.doctor' };
    case 'answered':
      return answered(state.source, state.answer);
  }
}

function answered(source: RuntimeSource, answer: DoctorAnswer): Appearance {
  const from = `Runtime: ${SOURCE_WORDS[source]}.`;
  const click = 'Click for the details (NN: Doctor).';
  if (!answer.ok) {
    return {
      text: '$(error) backend',
      tooltip: [`${answer.message}.`, ...answer.stderrTail.slice(-5), from, click].join('\n'),
      command: 'nn.doctor',
      background: 'error',
    };
  }
  const { report } = answer;
  const reasons = report.reasons.map((r) => `- ${r}`);
  const versions = report.versions.tensorflow ? `TensorFlow ${report.versions.tensorflow}, tfjs ${report.versions.tfjs}, Node ${report.versions.node}` : `tfjs ${report.versions.tfjs ?? 'not loaded'}, Node ${report.versions.node}`;
  switch (backendKind(report)) {
    case 'gpu':
      return { text: '$(chip) GPU', tooltip: ['Training runs on the GPU (native TensorFlow).', versions, from, ...reasons, click].join('\n'), command: 'nn.doctor' };
    case 'native-cpu': {
      const gpuMissed = report.ok ? [] : ['The GPU asked for (nn.train.device) is not available:'];
      return {
        text: '$(chip) native CPU',
        tooltip: [...gpuMissed, 'Training runs on the native TensorFlow backend, on the CPU.', versions, from, ...reasons, click].join('\n'),
        command: 'nn.doctor',
        ...(report.ok ? {} : { background: 'warning' as const }),
      };
    }
    case 'none':
      // e.g. nn.train.device is gpu and no GPU is in use: training would fail, not fall back
      return {
        text: '$(error) no backend',
        tooltip: [`Training would not start: ${report.error ?? 'no TensorFlow backend loads'}.`, from, ...reasons, 'Check the setting nn.train.device, or run NN: Set Up Training Backend.', click].join('\n'),
        command: 'nn.doctor',
        background: 'error',
      };
    case 'pure-js':
      return {
        text: '$(warning) pure JS',
        tooltip: ['Training would run on pure JavaScript, about 100 times slower: the native TensorFlow backend does not load.', from, ...reasons, 'Run NN: Set Up Training Backend to install it.', click].join('\n'),
        command: 'nn.doctor',
        background: 'warning',
      };
  }
}
