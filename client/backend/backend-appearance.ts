// What the training backend's status bar item shows for each state of the
// runtime: its text, tooltip (with the reasons), click command and
// background. Pure: backend-status.ts applies it to the item.

import { l10n } from '../l10n.js';
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

/** Which runtime, in words; a function, not a table, so the words are in the language chosen at activation. */
export function runtimeSourceWords(source: RuntimeSource): string {
  switch (source) {
    case 'setting':
      return l10n.t('the runtime of the setting nn.runtime.path');
    case 'workspace':
      return l10n.t("the workspace's nn-lang");
    case 'global':
      return l10n.t('the runtime set up by NN: Set Up Training Backend');
  }
}

export function backendAppearance(state: BackendState): Appearance {
  switch (state.kind) {
    case 'untrusted':
      return {
        text: `$(shield) ${l10n.t('training off')}`,
        tooltip: l10n.t('This workspace is not trusted: training, export and running models are disabled, because they run programs. Click to manage workspace trust.'),
        command: 'workbench.trust.manage',
      };
    case 'missing':
      return state.reason === 'setting'
        ? { text: `$(warning) ${l10n.t('nn runtime')}`, tooltip: `${state.message}\n${l10n.t('Click to open the setting.')}`, command: 'workbench.action.openSettings', args: ['nn.runtime.path'], background: 'warning' }
        : { text: `$(cloud-download) ${l10n.t('set up training')}`, tooltip: `${state.message}\n${l10n.t('Click to set it up.')}`, command: 'nn.setUpBackend' };
    case 'checking':
      return { text: `$(loading~spin) ${l10n.t('backend')}`, tooltip: l10n.t('Asking {0} which backend training would use (nn doctor)…', runtimeSourceWords(state.source)), command: 'nn.doctor' };
    case 'answered':
      return answered(state.source, state.answer);
  }
}

function answered(source: RuntimeSource, answer: DoctorAnswer): Appearance {
  const from = l10n.t('Runtime: {0}.', runtimeSourceWords(source));
  const click = l10n.t('Click for the details (NN: Doctor).');
  if (!answer.ok) {
    return {
      text: `$(error) ${l10n.t('backend')}`,
      tooltip: [l10n.t('{0}.', answer.message), ...answer.stderrTail.slice(-5), from, click].join('\n'),
      command: 'nn.doctor',
      background: 'error',
    };
  }
  const { report } = answer;
  const reasons = report.reasons.map((r) => `- ${r}`);
  const { tensorflow, tfjs, node } = report.versions;
  const versions = tensorflow ? l10n.t('TensorFlow {0}, tfjs {1}, Node {2}', tensorflow, String(tfjs), node) : l10n.t('tfjs {0}, Node {1}', tfjs ?? l10n.t('not loaded'), node);
  switch (backendKind(report)) {
    case 'gpu':
      return { text: '$(chip) GPU', tooltip: [l10n.t('Training runs on the GPU (native TensorFlow).'), versions, from, ...reasons, click].join('\n'), command: 'nn.doctor' };
    case 'native-cpu': {
      const gpuMissed = report.ok ? [] : [l10n.t('The GPU asked for (nn.train.device) is not available:')];
      return {
        text: `$(chip) ${l10n.t('native CPU')}`,
        tooltip: [...gpuMissed, l10n.t('Training runs on the native TensorFlow backend, on the CPU.'), versions, from, ...reasons, click].join('\n'),
        command: 'nn.doctor',
        ...(report.ok ? {} : { background: 'warning' as const }),
      };
    }
    case 'none':
      // e.g. nn.train.device is gpu and no GPU is in use: training would fail, not fall back
      return {
        text: `$(error) ${l10n.t('no backend')}`,
        tooltip: [l10n.t('Training would not start: {0}.', report.error ?? l10n.t('no TensorFlow backend loads')), from, ...reasons, l10n.t('Check the setting nn.train.device, or run NN: Set Up Training Backend.'), click].join('\n'),
        command: 'nn.doctor',
        background: 'error',
      };
    case 'pure-js':
      return {
        text: `$(warning) ${l10n.t('pure JS')}`,
        tooltip: [l10n.t('Training would run on pure JavaScript, about 100 times slower: the native TensorFlow backend does not load.'), from, ...reasons, l10n.t('Run NN: Set Up Training Backend to install it.'), click].join('\n'),
        command: 'nn.doctor',
        background: 'warning',
      };
  }
}
