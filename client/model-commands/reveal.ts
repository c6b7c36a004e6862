// Shows a file the extension wrote: in the Explorer when it is inside the
// workspace, else in the system's file manager.

import * as vscode from 'vscode';

export async function revealPath(path: string): Promise<void> {
  const uri = vscode.Uri.file(path);
  if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
  else await vscode.commands.executeCommand('revealFileInOS', uri);
}
