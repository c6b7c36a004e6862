// The server's view of the files: the editor's open documents overlaid on
// the disk, one analysis per document version, and which open documents
// import which files (so that editing a file re-checks its importers).
// Every check of an open document has a deadline, so that no check holds
// the server for long (the checker's work budget bounds the rest); the
// files that are not open are indexed within bounds (workspace-index.ts).

import { dirname, resolve } from 'node:path';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/ide/index.js';
import type { Host, Unreadable } from '../core/host.js';
import { MAX_TEXT_LENGTH } from '../grammar/index.js';
import { readSourceFile } from '../runtime/files/read-source-file.js';
import { pathToUri, uriToPath } from './convert.js';
import { WorkspaceIndex } from './workspace-index.js';

/**
 * How long one check of an open document may run (milliseconds) before it
 * stops where it is, with a diagnostic saying so (NN3013). Requests wait
 * for a check that runs: a second is what a hover may wait at worst.
 */
export const DEFAULT_CHECK_TIME_MS = 1000;

export class Workspace {
  readonly documents = new TextDocuments(TextDocument);
  /** workspace folder paths, for the files that are not open */
  folders: string[] = [];
  private readonly analyses = new Map<string, { version: number; analysis: Analysis | undefined }>();
  /** document URI -> the files its last analysis loaded (itself and its imports, transitively) */
  private readonly loaded = new Map<string, ReadonlySet<string>>();
  /** how long one check of an open document may run (milliseconds) */
  checkTimeMs = DEFAULT_CHECK_TIME_MS;

  /** Files through the editor first: an open document's text, else the disk. */
  readonly host: Host = {
    readFile: (path) => {
      const text = this.readSource(path);
      return typeof text === 'string' ? text : undefined;
    },
    readSource: (path) => this.readSource(path),
    resolveImport: (fromFile, spec) => resolve(dirname(fromFile), spec),
  };

  /** An open document's text, else a regular file's that the parser takes: a device or a named pipe never blocks the server. */
  private readSource(path: string): string | Unreadable {
    return this.documentAt(path)?.getText() ?? readSourceFile(path, MAX_TEXT_LENGTH);
  }

  /** the files of the folders that are not open, for the features that look across files */
  private readonly index = new WorkspaceIndex(this.host);

  /** The open document whose path is `path`. */
  documentAt(path: string): TextDocument | undefined {
    const direct = this.documents.get(pathToUri(path));
    if (direct) return direct;
    // URIs differ in spelling (percent-encoding, drive letters): compare paths.
    return this.documents.all().find((d) => uriToPath(d.uri) === path);
  }

  /** The analysis of an open document at its current version (computed at most once per version). */
  analysis(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === document.version) return cached.analysis;
    // the previous analysis (an older version, or made before an import changed) lends its unchanged definitions
    const analysis = analyze(uriToPath(uri), this.host, cached?.analysis, { deadline: Date.now() + this.checkTimeMs });
    this.analyses.set(uri, { version: document.version, analysis });
    if (analysis) this.loaded.set(uri, new Set(analysis.modules.keys()));
    return analysis;
  }

  /**
   * Whether the document's current analysis stopped at its deadline: the
   * machine was busy or the file is slow. The work budget, unlike the
   * clock, stops a check at the same place every time, so it is not asked.
   */
  cutShort(uri: string): boolean {
    return this.analyses.get(uri)?.analysis?.check.state.budget.stopped?.reason === 'deadline';
  }

  /** Drops the document's current analysis: the next request checks it again (lending it its unchanged definitions). */
  forget(uri: string): void {
    const cached = this.analyses.get(uri);
    if (cached) cached.version = -1;
  }

  /**
   * A document changed, opened or closed: forgets the analyses that read it
   * and returns the other open documents that import it (to re-check).
   */
  changed(uri: string): string[] {
    const path = uriToPath(uri);
    const importers: string[] = [];
    for (const [other, files] of this.loaded) {
      if (other === uri || !files.has(path)) continue;
      // stale, but kept: what did not change can be reused (reuse keys include imported texts)
      const stale = this.analyses.get(other);
      if (stale) stale.version = -1;
      if (this.documents.get(other)) importers.push(other);
    }
    return importers;
  }

  closed(uri: string): void {
    this.analyses.delete(uri);
    this.loaded.delete(uri);
  }

  /** Analyses of every open document. */
  openAnalyses(): Analysis[] {
    return this.documents.all().flatMap((d) => this.analysis(d.uri) ?? []);
  }

  /** The open documents' analyses plus those of the `.nn` files of the workspace folders, within the index's bounds. */
  allAnalyses(): Analysis[] {
    const out = this.openAnalyses();
    const open = new Set(this.documents.all().map((d) => uriToPath(d.uri)));
    return [...out, ...this.index.analyses(this.folders, open)];
  }

  /** The text of a file as the server sees it, for line indexes of other files. */
  textOf(file: string, within?: Analysis): string | undefined {
    return within?.modules.get(file)?.text ?? this.host.readFile(file);
  }
}
