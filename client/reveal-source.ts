// Shows a place in a .nn file: the file opens in the editor group that
// already shows it (else the first), the range is selected and scrolled into
// the middle of the view. What a click on a summary row, a graph node or an
// error position does.

import * as vscode from 'vscode';

export interface SourcePosition {
  line: number;
  character: number;
}

export async function revealSource(file: string, start: SourcePosition, end: SourcePosition): Promise<void> {
  const uri = vscode.Uri.file(file);
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === uri.fsPath);
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
