// The HTML page of a web app (client/webviews/<app>/): its bundle and
// stylesheet from the extension's dist/webviews/, under a content-security
// policy that allows nothing else: no network, no eval, scripts only with
// this page's nonce, images from the webview's own resources or data URIs.
// The page is in the editor's language: its strings travel with it.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPage {
  /** the app's folder name under client/webviews/ (its bundle is dist/webviews/<app>.js) */
  app: string;
  title: string;
  /** JSON given to the app before its script runs (window.__NN_INITIAL__) */
  initial?: unknown;
}

/** Options for a panel that shows a web app: scripts on, resources only from dist/ and `extraRoots`. */
export function webviewOptions(extensionUri: vscode.Uri, extraRoots: vscode.Uri[] = []): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), ...extraRoots],
  };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webviews', file)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data: blob:`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // JSON inside <script>: escape '<' so that no string can close the element
  const initial = JSON.stringify(page.initial ?? null).replace(/</g, '\\u003c');
  // the translations of the editor's language (none in English): the app's `l10n.t` reads them (webviews/shared/l10n.ts)
  const strings = JSON.stringify(vscode.l10n.bundle ?? {}).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset(`${page.app}.css`)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}">window.__NN_INITIAL__ = ${initial}; window.__NN_STRINGS__ = ${strings};</script>
<script nonce="${nonce}" src="${asset(`${page.app}.js`)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
