// The user settings a scenario starts with: a quiet, deterministic workbench
// (no start page, tips, updates, telemetry, git or AI features), plus the
// scenario's own settings.

export type Settings = Record<string, unknown>;

export function quietSettings(trust: boolean): Settings {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': trust,
    // an untrusted folder opens in restricted mode without the modal question
    'security.workspace.trust.startupPrompt': 'never',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    'window.commandCenter': false,
    // node_modules/nn-lang links to the whole project: keep it out of search, quick open and the explorer
    'search.followSymlinks': false,
    'files.exclude': { '**/node_modules': true },
  };
}
