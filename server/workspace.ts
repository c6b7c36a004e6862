// The server's view of the files: the editor's open documents overlaid on
// the disk, one analysis per document version, and which open documents
// import which files (so that editing a file re-checks its importers).

import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/ide/index.js';
import type { Host, Unreadable } from '../core/host.js';
import { MAX_TEXT_LENGTH } from '../grammar/index.js';
import { readSourceFile } from '../runtime/files/read-source-file.js';
import { pathToUri, uriToPath } from './convert.js';

/** At most this many `.nn` files are read from the workspace folders (workspace symbols, references, rename). */
const MAX_WORKSPACE_FILES = 2000;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'build']);

export class Workspace {
  readonly documents = new TextDocuments(TextDocument);
  /** workspace folder paths, for the files that are not open */
  folders: string[] = [];
  private readonly analyses = new Map<string, { version: number; analysis: Analysis | undefined }>();
  /** document URI -> the files its last analysis loaded (itself and its imports, transitively) */
  private readonly loaded = new Map<string, ReadonlySet<string>>();
  private readonly diskAnalyses = new Map<string, { stamp: string; analysis: Analysis | undefined }>();

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
    const analysis = analyze(uriToPath(uri), this.host, cached?.analysis);
    this.analyses.set(uri, { version: document.version, analysis });
    if (analysis) this.loaded.set(uri, new Set(analysis.modules.keys()));
    return analysis;
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

  /** The open documents' analyses plus every `.nn` file of the workspace folders (read now, cached by modification time). */
  allAnalyses(): Analysis[] {
    const out = this.openAnalyses();
    const open = new Set(out.map((a) => a.file));
    for (const file of this.workspaceFiles()) {
      if (open.has(file)) continue;
      const analysis = this.diskAnalysis(file);
      if (analysis) out.push(analysis);
    }
    return out;
  }

  /** The text of a file as the server sees it, for line indexes of other files. */
  textOf(file: string, within?: Analysis): string | undefined {
    return within?.modules.get(file)?.text ?? this.host.readFile(file);
  }

  private diskAnalysis(file: string): Analysis | undefined {
    let stamp: string;
    try {
      const s = statSync(file);
      stamp = `${s.mtimeMs}:${s.size}`;
    } catch {
      this.diskAnalyses.delete(file);
      return undefined;
    }
    const cached = this.diskAnalyses.get(file);
    if (cached && cached.stamp === stamp) return cached.analysis;
    const analysis = analyze(file, this.host);
    this.diskAnalyses.set(file, { stamp, analysis });
    return analysis;
  }

  /** The `.nn` files under the workspace folders (no hidden folders, node_modules or build outputs). */
  private workspaceFiles(): string[] {
    const out: string[] = [];
    const visit = (folder: string, depth: number): void => {
      if (depth > 20 || out.length >= MAX_WORKSPACE_FILES) return;
      let entries;
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (out.length >= MAX_WORKSPACE_FILES) return;
        if (entry.name.startsWith('.')) continue;
        const path = join(folder, entry.name);
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) visit(path, depth + 1);
        else if (entry.isFile() && entry.name.endsWith('.nn')) out.push(path);
      }
    };
    for (const folder of this.folders) visit(folder, 0);
    return out;
  }
}
