// Diagnostics: checked on open and change after a short pause (debounced),
// then in turn with the other documents waiting (check-queue.ts), and
// published with the document version they describe. A result for a version
// the editor has already replaced is dropped. Editing a file re-checks the
// open documents that import it.

import { DiagnosticSeverity, DiagnosticTag, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { Analysis } from '../core/ide/index.js';
import { CheckQueue } from './check-queue.js';
import { LineIndexes, pathToUri, toLspRange } from './convert.js';
import type { Traffic } from './traffic.js';
import { log } from './safe.js';
import type { Workspace } from './workspace.js';

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The diagnostics of an analysis that belong on its own document, with their LSP form. */
export function documentDiagnostics(a: Analysis, workspace: Workspace): { core: Diagnostic; lsp: LspDiagnostic }[] {
  const others = new LineIndexes((file) => workspace.textOf(file, a));
  return a.check.diagnostics
    .filter((d) => d.file === undefined || d.file === a.file)
    .map((d) => ({ core: d, lsp: toLspDiagnostic(d, a, others) }));
}

function toLspDiagnostic(d: Diagnostic, a: Analysis, others: LineIndexes): LspDiagnostic {
  const out: LspDiagnostic = {
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'nn',
    message: d.message,
    range: toLspRange(a.lines, d.range),
  };
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  const related = (d.related ?? []).flatMap((r) => {
    const file = r.file ?? d.file ?? a.file;
    const lines = file === a.file ? a.lines : others.get(file);
    return lines ? [{ location: { uri: pathToUri(file), range: toLspRange(lines, r.range) }, message: r.message }] : [];
  });
  if (related.length > 0) out.relatedInformation = related;
  return out;
}

/**
 * A check cut short by its deadline is tried once more after this pause:
 * a moment when the machine was busy (a build, a training run) should not
 * leave "ran past its time limit" on the file until its next edit.
 */
export const RETRY_CUT_SHORT_MS = 1000;

export class DiagnosticsPublisher {
  /** the documents in their pause after a change: the timer that queues each */
  private readonly pausing = new Map<string, ReturnType<typeof setTimeout>>();
  /** the version of each document whose cut-short check was tried again (once per version) */
  private readonly retried = new Map<string, number>();
  private readonly queue: CheckQueue;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly debounceMs: () => number,
    /** asks the editor to re-request views (inlay hints, ...) that other files' changes affect */
    private readonly refreshViews: () => void = () => {},
    /** the messages on their way: checks step aside for them */
    traffic?: Traffic,
  ) {
    this.queue = new CheckQueue((uri) => this.publish(uri), traffic);
  }

  /** A document opened or changed: check it (and its open importers) after the pause. */
  changed(uri: string): void {
    this.schedule(uri);
    const importers = this.workspace.changed(uri);
    for (const importer of importers) this.schedule(importer);
    // the shapes shown in the importers may have changed with this file
    if (importers.length > 0) this.refreshViews();
  }

  /**
   * A file changed on disk (the editor's file watcher): when it is not open
   * (an open document's text wins), its open importers are checked again.
   */
  changedOnDisk(uri: string): void {
    if (this.workspace.documents.get(uri)) return;
    const importers = this.workspace.changed(uri);
    for (const importer of importers) this.schedule(importer);
    if (importers.length > 0) this.refreshViews();
  }

  /** A document closed: clear its diagnostics; its importers now read the disk. */
  closed(uri: string): void {
    clearTimeout(this.pausing.get(uri));
    this.pausing.delete(uri);
    this.queue.delete(uri);
    this.retried.delete(uri);
    const importers = this.workspace.changed(uri);
    this.workspace.closed(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const importer of importers) this.schedule(importer);
  }

  /** Queues the check of `uri` after the pause (a change during the pause starts it again). */
  private schedule(uri: string): void {
    clearTimeout(this.pausing.get(uri));
    this.pausing.delete(uri);
    // no pause: straight into the queue (a timer would wait a millisecond)
    const pause = this.debounceMs();
    if (pause <= 0 || this.queue.has(uri)) return this.queue.add(uri);
    this.pausing.set(
      uri,
      setTimeout(() => {
        this.pausing.delete(uri);
        this.queue.add(uri);
      }, pause),
    );
  }

  /** Checks the document again after a pause, unless it changed meanwhile (a change is checked anyway). */
  private retryLater(uri: string, version: number): void {
    this.retried.set(uri, version);
    setTimeout(() => {
      if (this.workspace.documents.get(uri)?.version !== version) return;
      this.workspace.forget(uri);
      this.queue.add(uri);
      // the hints and lenses shown came from the cut-short check
      this.refreshViews();
    }, RETRY_CUT_SHORT_MS).unref();
  }

  private publish(uri: string): void {
    try {
      const document = this.workspace.documents.get(uri);
      if (!document) return;
      const version = document.version;
      const analysis = this.workspace.analysis(uri);
      // The check is synchronous, so the version cannot change under it; kept
      // so that no design of the future publishes for a version the editor no longer has.
      if (this.workspace.documents.get(uri)?.version !== version) return;
      const diagnostics = analysis ? documentDiagnostics(analysis, this.workspace).map((d) => d.lsp) : [];
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
      if (this.workspace.cutShort(uri) && this.retried.get(uri) !== version) this.retryLater(uri, version);
      // the diagnostics are on their way: copy the values carried over from the previous check while the editor shows them
      if (analysis) setImmediate(() => analysis.recording.complete());
    } catch (e) {
      log(`diagnostics for ${uri} failed`, e);
    }
  }
}
