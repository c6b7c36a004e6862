// The web app's language: the extension puts the strings of the editor's
// language in the page (window.__NN_STRINGS__, English message -> translation,
// see client/webview-html.ts) and this module, imported first by each app,
// makes `l10n.t` read them. In English there is no table and every message
// is its English text.

import { fromBundle, useTranslator } from '../../l10n.js';

useTranslator(fromBundle((window as unknown as { __NN_STRINGS__?: Record<string, string> }).__NN_STRINGS__));

export { l10n } from '../../l10n.js';
