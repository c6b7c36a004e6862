// The `.nn` files of the workspace folders that are not open, for the
// features that look across files (workspace symbols, references, rename).
// Those features read what each file defines and imports (its modules),
// never its check: a file that is not open is parsed, its imports loaded,
// and nothing checked (a work budget of no steps). So a file that merely
// sits in a folder costs its parse, within bounds: regular files only (a
// named pipe, a device or a symbolic link is not listed, so never opened),
// at most so many files, none larger than a limit, so much text held in
// all, and so much time per request (what is left is indexed by the next
// request; what was indexed stays, until the file changes). A file left
// out is logged once, with why.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Host } from '../core/host.js';
import { analyze, type Analysis } from '../core/ide/index.js';
import { log as logToStderr } from './safe.js';

export interface IndexLimits {
  /** the most `.nn` files listed from the folders */
  files: number;
  /** the most folder entries looked at while listing (a folder of a million other files) */
  entries: number;
  /** a file larger than this (bytes) is left out */
  fileBytes: number;
  /** the most text (characters, files and what they import) the index holds in all */
  totalChars: number;
  /** the most time one request spends parsing (milliseconds; listing is bounded by `entries`) */
  timeMs: number;
}

export const INDEX_LIMITS: IndexLimits = {
  files: 2000,
  entries: 200_000,
  fileBytes: 1_000_000,
  // the server holds about 50 bytes per character of text indexed (trees, tokens, the parse's item tables): about 400 MB
  totalChars: 8_000_000,
  timeMs: 2000,
};

/** Folders never indexed: dependencies and build outputs (hidden folders are skipped too). */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'build']);
const MAX_DEPTH = 20;

interface Entry {
  /** modification time and size when indexed */
  stamp: string;
  analysis: Analysis | undefined;
  /** characters of text the analysis holds (the file and its imports) */
  chars: number;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly logged = new Set<string>();
  /** files parsed since the server started (for tests and the log: work done, not time) */
  parsed = 0;

  constructor(
    private readonly host: Host,
    private readonly limits: IndexLimits = INDEX_LIMITS,
    private readonly log: (message: string) => void = logToStderr,
  ) {}

  /** The analyses of the `.nn` files under `folders`, except `open` ones (the editor's documents), within the limits. */
  analyses(folders: readonly string[], open: ReadonlySet<string>): Analysis[] {
    const deadline = Date.now() + this.limits.timeMs;
    const files = this.list(folders).filter((f) => !open.has(f));
    // what is no longer listed (deleted, moved, a folder removed, now open) is let go
    const listed = new Set(files);
    for (const file of this.entries.keys()) if (!listed.has(file)) this.entries.delete(file);
    let held = 0;
    for (const e of this.entries.values()) held += e.chars;
    const out: Analysis[] = [];
    let late = 0;
    for (const file of files) {
      const stat = statOf(file);
      if (!stat) {
        this.entries.delete(file);
        continue;
      }
      if (stat.size > this.limits.fileBytes) {
        this.entries.delete(file);
        this.once(`size:${file}`, `${file} is left out of the workspace index: ${stat.size} bytes, more than its ${this.limits.fileBytes}`);
        continue;
      }
      const known = this.entries.get(file);
      if (known?.stamp === stat.stamp) {
        if (known.analysis) out.push(known.analysis);
        continue;
      }
      if (known) held -= known.chars;
      this.entries.delete(file);
      if (Date.now() > deadline) {
        late++;
        continue;
      }
      if (held + stat.size > this.limits.totalChars) {
        this.once('total', `the workspace index holds ${held} characters of text, its limit is ${this.limits.totalChars}: ${file} and others are left out`);
        continue;
      }
      // no steps: parsed and imports loaded, nothing checked (see the top of this file)
      const analysis = analyze(file, this.host, undefined, { steps: 0 });
      this.parsed++;
      const chars = analysis ? [...analysis.modules.values()].reduce((n, m) => n + m.text.length, 0) : 0;
      this.entries.set(file, { stamp: stat.stamp, analysis, chars });
      held += chars;
      if (analysis) out.push(analysis);
    }
    if (late > 0) this.once('time', `the workspace index took its ${this.limits.timeMs} ms for one request: ${late} files are indexed by the next ones`);
    return out;
  }

  /** The `.nn` files under the folders: regular files only, no hidden folders, dependencies or build outputs. */
  private list(folders: readonly string[]): string[] {
    const out: string[] = [];
    let seen = 0;
    const full = (): boolean => out.length >= this.limits.files || seen >= this.limits.entries;
    const visit = (folder: string, depth: number): void => {
      if (depth > MAX_DEPTH || full()) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (full()) return;
        seen++;
        if (entry.name.startsWith('.')) continue;
        const path = join(folder, entry.name);
        // a Dirent says what the entry itself is: a symbolic link is neither a directory nor a file here, so never followed
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) visit(path, depth + 1);
        else if (entry.isFile() && entry.name.endsWith('.nn')) out.push(path);
      }
    };
    for (const folder of folders) visit(folder, 0);
    if (out.length >= this.limits.files) this.once('files', `the workspace folders hold more than ${this.limits.files} .nn files: the index holds the first ${this.limits.files}`);
    else if (seen >= this.limits.entries) this.once('entries', `the workspace folders hold more than ${this.limits.entries} entries: the index looked at the first ${this.limits.entries}`);
    return out;
  }

  /** Logs `message` the first time `key` comes up. */
  private once(key: string, message: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log(message);
  }
}

/** A regular file's size and a stamp that changes when it is written; undefined when it is gone or not a regular file. */
function statOf(file: string): { size: number; stamp: string } | undefined {
  try {
    const s = statSync(file);
    return s.isFile() ? { size: s.size, stamp: `${s.mtimeMs}:${s.size}` } : undefined;
  } catch {
    return undefined;
  }
}
