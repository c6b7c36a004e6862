// textDocument/signatureHelp: the layer or function being called, with the active argument.

import { MarkupKind, type SignatureHelp, type SignatureHelpParams } from 'vscode-languageserver';
import { signatureHelp as coreSignatureHelp } from '../core/ide/signature-help.js';
import type { Workspace } from './workspace.js';

export const SIGNATURE_TRIGGERS = ['(', ','];

export function signatureHelp(workspace: Workspace, params: SignatureHelpParams): SignatureHelp | null {
  const a = workspace.analysis(params.textDocument.uri);
  if (!a) return null;
  const s = coreSignatureHelp(a, a.lines.offset(params.position));
  if (!s) return null;
  const markdown = (value: string | undefined) => (value === undefined ? {} : { documentation: { kind: MarkupKind.Markdown, value } });
  return {
    signatures: [{ label: s.label, ...markdown(s.documentation), parameters: s.parameters.map((p) => ({ label: p.label, ...markdown(p.documentation) })) }],
    activeSignature: 0,
    activeParameter: s.activeParameter,
  };
}
